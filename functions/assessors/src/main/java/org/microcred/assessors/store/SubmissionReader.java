package org.microcred.assessors.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microcred.assessors.model.LevelChoice;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.DecisionStore;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.Submission;

/**
 * Reads decided submissions from the learning table: the enrolment, the frozen attempt with its
 * artifacts, and the decision (read-only here).
 */
public class SubmissionReader {
    private static final Pattern SUBMISSION_ID = Pattern.compile("(enr-[a-z0-9]{20})\\.([1-9][0-9]{0,3})");

    private final LearningStore enrollments;
    private final ArtifactStore artifacts;
    private final DecisionStore decisions;

    public SubmissionReader(LearningStore enrollments, ArtifactStore artifacts, DecisionStore decisions) {
        this.enrollments = enrollments;
        this.artifacts = artifacts;
        this.decisions = decisions;
    }

    /** A submission with its reference decision (levels per criterion and the outcome) and the coach who made it. */
    public record Decided(Enrollment enrollment, Submission submission, String outcome, List<LevelChoice> scores,
                          String decidedBy) {
    }

    /** What a submission id names, if anything: the enrolment and the attempt (never the decision). */
    public record Found(Enrollment enrollment, Submission submission, Optional<Decided> decided) {
    }

    public Optional<Found> find(String submissionId) {
        Matcher matcher = SUBMISSION_ID.matcher(submissionId == null ? "" : submissionId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int attempt = Integer.parseInt(matcher.group(2));
        return enrollments.find(matcher.group(1)).flatMap(enrollment -> artifacts.submission(enrollment.id(), attempt)
                .map(submission -> new Found(enrollment, submission, decision(enrollment, submission))));
    }

    /** The submitted artifacts of an attempt, in the order the attempt froze them. */
    public List<Artifact> artifacts(String enrollmentId, int attempt, List<String> artifactIds) {
        Map<String, Artifact> byId = new HashMap<>();
        artifacts.artifacts(enrollmentId, attempt).forEach(artifact -> byId.put(artifact.id(), artifact));
        return artifactIds.stream().map(byId::get).filter(a -> a != null && a.isConfirmed()).toList();
    }

    private Optional<Decided> decision(Enrollment enrollment, Submission submission) {
        return decisions.find(enrollment.id(), submission.attempt()).map(decision -> new Decided(enrollment, submission,
                decision.outcome().json(), decision.scores().stream()
                        .map(score -> new LevelChoice(score.criterionId(), score.levelId())).toList(),
                decision.coachId()));
    }
}
