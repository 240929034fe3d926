package org.microcred.enrollment.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.enrollment.model.EnrollRequest;
import org.microcred.enrollment.model.EnrollmentView;
import org.microcred.enrollment.model.Member;
import org.microcred.enrollment.model.Offering;
import org.microcred.enrollment.model.Organization;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.LearningWrite;
import org.microcred.records.learning.Person;
import org.microcred.records.learning.PlcGroup;
import org.microcred.records.organizations.Coach;
import org.microcred.records.organizations.CoachCandidates;
import org.microcred.records.organizations.CoachSeat;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/**
 * How an educator enrols, alone or with their PLC: eligibility, the coach, and one transaction
 * that writes every enrolment, its guard, the coach's load, the group and the emails. The guard
 * ({@code LEARNER#user / MC#id}) makes enrolling idempotent: a second request, or twenty at
 * once, finds the enrolment the first one made.
 */
public class Enrolling {
    /** A PLC has at most this many people, the enrolling educator included. */
    public static final int MAX_PLC_SIZE = 30;
    private static final int MAX_ATTEMPTS = 6;
    private static final SecureRandom JITTER = new SecureRandom();

    private final Offerings offerings;
    private final Organizations organizations;
    private final LearningStore learning;
    private final EnrollmentEmails emails;
    private final PlcViews views;
    private final Clock clock;

    public Enrolling(Offerings offerings, Organizations organizations, LearningStore learning,
                     EnrollmentEmails emails, Clock clock) {
        this.offerings = offerings;
        this.organizations = organizations;
        this.learning = learning;
        this.emails = emails;
        this.views = new PlcViews(learning);
        this.clock = clock;
    }

    /** The caller's enrolment, and whether this call made it (false: they were already enrolled). */
    public record Enrolled(EnrollmentView view, boolean isNew) {
    }

    public Enrolled enroll(Caller caller, String microCredentialId, EnrollRequest request) {
        caller.require(Role.LEARNER);
        Map<Integer, String> named = PlcRequest.colleagueEmails(caller, request);
        Offering offering = offered(microCredentialId);
        Organization offeredBy = organizations.profile(offering.organizationId())
                .orElseGet(() -> Organization.unknown(offering.organizationId()));
        Eligibility.require(offeredBy, caller.organizationId(), caller.email());
        Optional<Enrolled> existing = existing(caller, offering);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Member> colleagues = colleagues(caller, named, offering, offeredBy);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Plan plan = plan(caller, colleagues, offering, offeredBy, coachFor(caller, colleagues, offering));
            try {
                learning.commit(plan.write());
                return new Enrolled(EnrollmentView.of(plan.enrollments().get(0), plan.plcView(caller.userId())), true);
            } catch (ConcurrentChangeException e) {
                existing = existing(caller, offering);
                if (existing.isPresent()) {
                    return existing.get();
                }
                // A colleague may have enrolled meanwhile: report them rather than retry forever.
                colleagues = colleagues(caller, named, offering, offeredBy);
                pause(attempt);
            }
        }
        throw new Conflict("Others were enrolling in the same micro-credential at the same moment; "
                + "please try again.");
    }

    private Offering offered(String microCredentialId) {
        Offering offering = (EnrollmentIds.isMicroCredentialId(microCredentialId)
                ? offerings.find(microCredentialId) : Optional.<Offering>empty())
                .orElseThrow(() -> new NotFound("There is no published micro-credential with id "
                        + microCredentialId + "."));
        if (offering.retired()) {
            throw new Conflict("micro-credential-retired", "Micro-credential retired",
                    offering.title() + " has been retired and takes no new enrolments.");
        }
        return offering;
    }

    private Optional<Enrolled> existing(Caller caller, Offering offering) {
        return learning.activeEnrollmentId(caller.userId(), offering.microCredentialId())
                .flatMap(learning::find)
                .map(enrollment -> new Enrolled(views.full(enrollment, caller.userId()), false));
    }

    /**
     * Resolves each named colleague to a member of the caller's organisation who is eligible and
     * not yet enrolled; every one that is not is reported at once (422), and nothing is written.
     */
    private List<Member> colleagues(Caller caller, Map<Integer, String> named, Offering offering,
                                    Organization offeredBy) {
        if (named.isEmpty()) {
            return List.of();
        }
        String callerOrganization = caller.organizationId();
        if (callerOrganization == null) {
            throw plcProblem(List.of(new FieldError("plcMemberEmails",
                    "needs an account that belongs to an organisation; yours does not")));
        }
        String organizationName = callerOrganization.equals(offeredBy.id()) ? offeredBy.name()
                : organizations.profile(callerOrganization).map(Organization::name).orElse(callerOrganization);
        Map<String, Member> found = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        named.forEach((index, email) -> {
            String field = "plcMemberEmails[" + index + "]";
            Optional<Member> member = organizations.membersByEmail(email).stream()
                    .filter(candidate -> candidate.organizationId().equals(callerOrganization)).findFirst();
            if (member.isEmpty()) {
                errors.add(new FieldError(field, "no member of " + organizationName + " has the address " + email));
            } else if (!Eligibility.allows(offeredBy, member.get().organizationId(), member.get().email())) {
                errors.add(new FieldError(field, email + " is not eligible: " + Eligibility.whoItIsFor(offeredBy)));
            } else if (learning.activeEnrollmentId(member.get().userId(), offering.microCredentialId()).isPresent()) {
                errors.add(new FieldError(field, email + " is already enrolled in this micro-credential"));
            } else if (!member.get().userId().equals(caller.userId())) {
                found.putIfAbsent(member.get().userId(), member.get());
            }
        });
        if (!errors.isEmpty()) {
            throw plcProblem(errors);
        }
        return List.copyOf(found.values());
    }

    private static RuleBroken plcProblem(List<FieldError> errors) {
        return new RuleBroken("plc-member-not-enrollable", "A PLC colleague cannot be enrolled",
                errors.size() + (errors.size() == 1 ? " PLC colleague cannot" : " PLC colleagues cannot")
                        + " be enrolled; nobody was enrolled. See errors.", errors);
    }

    /**
     * The coach chosen now, from loads read now, with the capacity of their seat in the pool
     * (null: no pool, or no limit) that the transaction checks again.
     */
    private record CoachChoice(Optional<Coach> coach, Integer capacity) {
    }

    private CoachChoice coachFor(Caller caller, List<Member> colleagues, Offering offering) {
        CoachCandidates candidates = organizations.coachCandidates(offering.organizationId(),
                offering.microCredentialId());
        Set<String> learnerIds = new HashSet<>(List.of(caller.userId()));
        colleagues.forEach(colleague -> learnerIds.add(colleague.userId()));
        Optional<Coach> coach = CoachMatching.choose(candidates, offering, learnerIds);
        return new CoachChoice(coach, coach.flatMap(chosen -> candidates.seatOf(chosen.userId()))
                .map(CoachSeat::capacity).orElse(null));
    }

    /** Everything one enrolment writes; the caller's enrolment comes first. */
    private Plan plan(Caller caller, List<Member> colleagues, Offering offering, Organization offeredBy,
                      CoachChoice choice) {
        String now = Timestamps.now(clock);
        String groupId = colleagues.isEmpty() ? null : EnrollmentIds.newGroupId();
        Optional<Coach> coach = choice.coach();
        Person coachPerson = coach.map(Person::of).orElse(null);
        List<Enrollment> enrollments = new ArrayList<>();
        Enrollment.Offered offered = new Enrollment.Offered(offering.microCredentialId(), offering.version(),
                offering.title(), offering.organizationId(), offeredBy.name(), offering.evidenceTitles());
        enrollments.add(Enrollment.start(EnrollmentIds.newEnrollmentId(), offered, callerPerson(caller),
                caller.organizationId(), coachPerson, groupId, now));
        for (Member colleague : colleagues) {
            enrollments.add(Enrollment.start(EnrollmentIds.newEnrollmentId(), offered, colleague.person(),
                    colleague.organizationId(), coachPerson, groupId, now));
        }
        LearningWrite write = learning.newWrite();
        PlcGroup group = null;
        if (groupId != null) {
            group = new PlcGroup(groupId, offering.microCredentialId(), offering.organizationId(),
                    enrollments.stream().map(e -> new PlcGroup.Member(e.id(), e.learner().id(), e.learner().name()))
                            .toList(), now);
            write.group(group);
        }
        for (Enrollment enrollment : enrollments) {
            write.create(enrollment);
            if (enrollment.learner().email() != null) {
                List<Person> others = enrollments.stream().filter(other -> other != enrollment)
                        .map(Enrollment::learner).toList();
                write.email(emails.welcome(enrollment, others));
            }
        }
        coach.ifPresent(chosen -> {
            write.coachTakes(offering.organizationId(), chosen.userId(), offering.microCredentialId(),
                    enrollments.size(), choice.capacity());
            if (chosen.email() != null) {
                write.email(emails.coachNewLearners(enrollments.get(0), chosen, enrollments));
            }
        });
        return new Plan(enrollments, group, write);
    }

    private static Person callerPerson(Caller caller) {
        String name = caller.name() == null || caller.name().isBlank()
                ? (caller.email() == null ? caller.userId() : caller.email()) : caller.name();
        return new Person(caller.userId(), name,
                caller.email() == null ? null : caller.email().toLowerCase(Locale.ROOT));
    }

    private record Plan(List<Enrollment> enrollments, PlcGroup group, LearningWrite write) {
        EnrollmentView.PlcView plcView(String viewerId) {
            if (group == null) {
                return null;
            }
            Map<String, Enrollment> byId = new LinkedHashMap<>();
            enrollments.forEach(e -> byId.put(e.id(), e));
            return PlcViews.plcView(group, byId, viewerId);
        }
    }

    /**
     * A short, jittered wait before retrying a transaction another request interfered with. The
     * jitter comes from SecureRandom: ThreadLocalRandom's seeds are in the SnapStart snapshot, so
     * every environment restored from it would wait the same, which is what jitter is there to avoid.
     */
    private static void pause(int attempt) {
        try {
            Thread.sleep(JITTER.nextLong(5, 25L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an enrolment", e);
        }
    }
}
