package org.microcred.evidence.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.microcred.evidence.model.EvidenceRequirement;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.LearningWrite;
import org.microcred.records.learning.Submission;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.shared.identity.Caller;

/**
 * Submits the open attempt: every required requirement needs confirmed evidence. One transaction
 * freezes the attempt (written once), moves the enrolment to {@code submitted} with its attempt
 * count (conditional on the version read) and queues the coach's email with a signed review link.
 */
public class Submitting {
    private final EvidenceAccess access;
    private final LearningStore enrollments;
    private final Requirements requirements;
    private final ArtifactStore artifacts;
    private final ReviewLinks reviewLinks;
    private final String apiUrl;
    private final Clock clock;

    public Submitting(LearningStore enrollments, Requirements requirements, ArtifactStore artifacts,
                      ReviewLinks reviewLinks, String apiUrl, Clock clock) {
        this.access = new EvidenceAccess(enrollments);
        this.enrollments = enrollments;
        this.requirements = requirements;
        this.artifacts = artifacts;
        this.reviewLinks = reviewLinks;
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.clock = clock;
    }

    public Submission submit(Caller caller, String enrollmentId) {
        Enrollment enrollment = access.asLearner(caller, enrollmentId);
        if (enrollment.status() == EnrollmentStatus.SUBMITTED || enrollment.status() == EnrollmentStatus.UNDER_REVIEW) {
            throw alreadySubmitted(enrollment);
        }
        int attempt = Evidence.openAttempt(enrollment);
        List<Artifact> confirmed = artifacts.artifacts(enrollmentId, attempt).stream().filter(Artifact::isConfirmed)
                .toList();
        requireEvidence(requirements.requirements(enrollment.microCredentialId(), enrollment.microCredentialVersion()),
                confirmed);
        String now = Evidence.TIMESTAMP.format(clock.instant());
        Submission submission = Submission.submitted(enrollmentId, attempt, now,
                confirmed.stream().map(Artifact::id).toList());
        Enrollment moved = enrollment.movedTo(EnrollmentStatus.SUBMITTED, now);
        Enrollment next = new Enrollment(moved.id(), moved.status(), moved.microCredentialId(),
                moved.microCredentialVersion(), moved.microCredentialTitle(), moved.organizationId(),
                moved.organizationName(), moved.learner(), moved.learnerOrganizationId(), moved.coach(),
                moved.plcGroupId(), attempt, moved.evidenceTitles(), moved.createdAt(), moved.updatedAt(),
                moved.version());
        LearningWrite write = enrollments.newWrite().replace(enrollment, next)
                .item(artifacts.submissionItem(submission, enrollment.coach() == null ? null : enrollment.coach().id()));
        if (enrollment.coach() != null && enrollment.coach().email() != null) {
            String token = reviewLinks.issue(submission.id(), enrollment.coach().id(), clock.instant());
            write.email(CoachEmails.submitted(enrollment, attempt, apiUrl + "/review/" + token, now));
        }
        try {
            enrollments.commit(write);
        } catch (ConcurrentChangeException e) {
            throw enrollments.find(enrollmentId).filter(current -> current.attempts() >= attempt)
                    .map(this::alreadySubmitted)
                    .orElseGet(() -> new Conflict("The enrolment changed meanwhile; reload it and submit again."));
        }
        return submission;
    }

    private Conflict alreadySubmitted(Enrollment enrollment) {
        String when = artifacts.submission(enrollment.id(), enrollment.attempts()).map(Submission::submittedAt)
                .map(at -> " at " + at).orElse("");
        return new Conflict("already-submitted", "Already submitted", "Attempt " + enrollment.attempts()
                + " (submission " + Submission.id(enrollment.id(), enrollment.attempts()) + ") was submitted" + when
                + "; the next attempt opens when your coach asks for a revision.", List.of());
    }

    private static void requireEvidence(List<EvidenceRequirement> requirements, List<Artifact> confirmed) {
        Set<String> covered = confirmed.stream().map(Artifact::requirementId).collect(Collectors.toSet());
        List<FieldError> missing = new ArrayList<>();
        for (EvidenceRequirement requirement : requirements) {
            if (requirement.required() && !covered.contains(requirement.id())) {
                missing.add(new FieldError("evidenceRequirements." + requirement.id(),
                        requirement.title() + ": no confirmed artifact"));
            }
        }
        if (!missing.isEmpty()) {
            throw new RuleBroken("evidence-missing", "Evidence missing", missing.size()
                    + " required evidence requirement(s) have no confirmed artifact.", missing);
        }
    }
}
