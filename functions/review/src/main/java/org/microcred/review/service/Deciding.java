package org.microcred.review.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.organizations.CoachPools;
import org.microcred.review.model.DecisionRequest;
import org.microcred.review.model.Rubric;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.DomainException;
import org.microcred.records.learning.Decision;
import org.microcred.records.learning.DecisionOutcome;
import org.microcred.records.learning.DecisionStore;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.LearningWrite;

/**
 * Records the one decision of a submitted attempt. One transaction writes the decision (only if
 * none exists), moves the enrolment through under-review to mastered or needs-revision
 * (conditional on the version read), frees the coach's slot on mastery and queues the learner's
 * email. Of concurrent deciders exactly one commits; the others get the recorded decision.
 */
public class Deciding {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final LearningStore learning;
    private final CoachPools coaches;
    private final DecisionStore decisions;
    private final Rubrics rubrics;
    private final DecisionEmails emails;
    private final Clock clock;

    public Deciding(LearningStore learning, CoachPools coaches, DecisionStore decisions,
                    Rubrics rubrics, DecisionEmails emails, Clock clock) {
        this.learning = learning;
        this.coaches = coaches;
        this.decisions = decisions;
        this.rubrics = rubrics;
        this.emails = emails;
        this.clock = clock;
    }

    /** Decides the target attempt as its assigned coach (already checked by the caller). */
    public Decision decide(Target target, DecisionRequest request) {
        Enrollment current = target.enrollment();
        int attempt = target.submission().attempt();
        decisions.find(current.id(), attempt).ifPresent(recorded -> {
            throw new DecisionConflict(recorded);
        });
        Rubric rubric = rubric(current);
        DecisionRules.check(rubric, request);
        if (current.attempts() != attempt || (current.status() != EnrollmentStatus.SUBMITTED
                && current.status() != EnrollmentStatus.UNDER_REVIEW)) {
            throw new Conflict("invalid-transition", "Not possible in this status", "This enrolment is "
                    + current.status().json() + " at attempt " + current.attempts() + "; attempt " + attempt
                    + " cannot be decided now.");
        }
        Instant now = clock.instant();
        String decidedAt = TIMESTAMP.format(now);
        long waited = Math.max(0, Duration.between(Instant.parse(target.submission().submittedAt()), now).getSeconds());
        Decision decision = new Decision(target.submission().id(), current.id(), attempt,
                DecisionOutcome.fromJson(request.outcome()).orElseThrow(),
                request.scores(), blankToNull(request.feedback()), current.coach().id(), current.coach().name(),
                decidedAt, waited);
        Enrollment underReview = current.status() == EnrollmentStatus.UNDER_REVIEW ? current
                : current.movedTo(EnrollmentStatus.UNDER_REVIEW, decidedAt);
        Enrollment next = underReview.movedTo(decision.isMastery() ? EnrollmentStatus.MASTERED
                : EnrollmentStatus.NEEDS_REVISION, decidedAt);
        // One move in storage: the condition is on what was read, the version skips the transient step.
        LearningWrite write = learning.newWrite().replace(current, next).item(decisions.item(decision))
                .email(emails.decided(current, rubric, decision, decidedAt));
        if (decision.isMastery() && coaches.coach(current.organizationId(), current.coach().id()).isPresent()) {
            write.coachLoad(current.organizationId(), current.coach().id(), current.microCredentialId(), -1);
        }
        try {
            learning.commit(write);
        } catch (ConcurrentChangeException e) {
            throw decisions.find(current.id(), attempt).<DomainException>map(DecisionConflict::new)
                    .orElseGet(() -> new Conflict("The enrolment changed meanwhile; reload it and decide again."));
        }
        return decision;
    }

    public Rubric rubric(Enrollment enrollment) {
        return rubrics.rubric(enrollment.microCredentialId(), enrollment.microCredentialVersion())
                .orElseThrow(() -> new IllegalStateException("No published version " + enrollment.microCredentialVersion()
                        + " of " + enrollment.microCredentialId()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
