package org.microcred.review.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.organizations.Coach;
import org.microcred.records.organizations.CoachPools;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.domain.Forbidden;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.Unauthenticated;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/**
 * Who may see and decide a submission: the assigned coach decides, as long as they are still an
 * active coach of the offering organisation and not the enrolment's own learner (nobody reviews
 * their own work, whatever an older enrolment says); the learner and the offering organisation's
 * admins may read. To everyone else the submission does not exist.
 */
public class ReviewAccess {
    private static final Pattern SUBMISSION_ID = Pattern.compile("(enr-[a-z0-9]{20})\\.([1-9][0-9]{0,3})");

    private final LearningStore enrollments;
    private final ArtifactStore artifacts;
    private final CoachPools coaches;

    public ReviewAccess(LearningStore enrollments, ArtifactStore artifacts, CoachPools coaches) {
        this.enrollments = enrollments;
        this.artifacts = artifacts;
        this.coaches = coaches;
    }

    /** Why the enrolment's coach may not decide it now. */
    public enum Refusal {
        /** The coach is the enrolment's learner. */
        OWN_SUBMISSION,
        /** The coach's entry in the offering organisation is gone or inactive (deactivated, or lost the coach role). */
        COACH_INACTIVE
    }

    /** A submission and whether the caller may decide it. */
    public record Reading(Target target, boolean mayDecide) {
    }

    /** The submission, whoever asks; empty if the id is malformed or nothing was submitted under it. */
    public Optional<Target> find(String submissionId) {
        Matcher matcher = SUBMISSION_ID.matcher(submissionId == null ? "" : submissionId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int attempt = Integer.parseInt(matcher.group(2));
        return enrollments.find(matcher.group(1)).flatMap(enrollment -> artifacts
                .submission(enrollment.id(), attempt).map(submission -> new Target(enrollment, submission)));
    }

    /**
     * Whether {@code coachId}, the enrolment's coach, may decide it: never their own submission,
     * and only while their coach entry in the offering organisation is active (read consistently,
     * so a deactivation counts at once, before any new token).
     */
    public Optional<Refusal> refusal(Enrollment enrollment, String coachId) {
        if (enrollment.isLearner(coachId)) {
            return Optional.of(Refusal.OWN_SUBMISSION);
        }
        boolean active = coaches.coach(enrollment.organizationId(), coachId).map(Coach::active).orElse(false);
        return active ? Optional.empty() : Optional.of(Refusal.COACH_INACTIVE);
    }

    public Target asCoach(Caller caller, String submissionId) {
        Target target = signedIn(caller, submissionId);
        Enrollment enrollment = target.enrollment();
        if (enrollment.isCoachedBy(caller.userId())) {
            requireStanding(caller, enrollment);
            return target;
        }
        if (enrollment.isLearner(caller.userId())) {
            throw new Forbidden("Only your coach can decide on your submission.");
        }
        throw notFound(submissionId);
    }

    public Reading asReader(Caller caller, String submissionId) {
        Target target = signedIn(caller, submissionId);
        Enrollment enrollment = target.enrollment();
        boolean learner = enrollment.isLearner(caller.userId());
        boolean admin = caller.has(Role.PLATFORM_ADMIN) || (caller.has(Role.ORG_ADMIN)
                && enrollment.organizationId().equals(caller.organizationId()));
        if (enrollment.isCoachedBy(caller.userId()) && !learner) {
            try {
                requireStanding(caller, enrollment);
                return new Reading(target, true);
            } catch (DomainException refused) {
                // A former coach reads no more than anyone else; an admin still reads as an admin.
                if (!admin) {
                    throw refused;
                }
            }
        }
        if (learner || admin) {
            return new Reading(target, false);
        }
        throw notFound(submissionId);
    }

    /** The assigned coach decides only as a coach (the role in the token, an active entry) and never their own work. */
    private void requireStanding(Caller caller, Enrollment enrollment) {
        if (enrollment.isLearner(caller.userId())) {
            throw problem(Refusal.OWN_SUBMISSION);
        }
        if (!caller.has(Role.COACH)) {
            throw new Forbidden("not-a-coach", "Not a coach", "You no longer have the coach role in your "
                    + "organisation, so you cannot review submissions. Your organisation will reassign this review.");
        }
        refusal(enrollment, caller.userId()).ifPresent(reason -> {
            throw problem(reason);
        });
    }

    static Forbidden problem(Refusal refusal) {
        return switch (refusal) {
            case OWN_SUBMISSION -> new Forbidden("own-submission", "Your own submission", "This is your own "
                    + "submission: nobody reviews their own work, so you cannot decide it. Your organisation's "
                    + "administrator will assign another coach.");
            case COACH_INACTIVE -> new Forbidden("coach-inactive", "No longer an active coach", "You are no "
                    + "longer an active coach of the organisation offering this micro-credential, so you cannot "
                    + "review its submissions. The organisation will reassign this review.");
        };
    }

    private Target signedIn(Caller caller, String submissionId) {
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated("Sign in to do this.");
        }
        return find(submissionId).orElseThrow(() -> notFound(submissionId));
    }

    static NotFound notFound(String submissionId) {
        return new NotFound("There is no submission " + submissionId + " that you can see.");
    }
}
