package org.microcred.review.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microcred.enrollment.model.Enrollment;
import org.microcred.enrollment.store.LearningStore;
import org.microcred.evidence.store.ArtifactStore;
import org.microcred.shared.http.ApiProblem;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/**
 * Who may see and decide a submission: the assigned coach decides; the learner and the offering
 * organisation's admins may read. To everyone else the submission does not exist.
 */
public class ReviewAccess {
    private static final Pattern SUBMISSION_ID = Pattern.compile("(enr-[a-z0-9]{20})\\.([1-9][0-9]{0,3})");

    private final LearningStore enrollments;
    private final ArtifactStore artifacts;

    public ReviewAccess(LearningStore enrollments, ArtifactStore artifacts) {
        this.enrollments = enrollments;
        this.artifacts = artifacts;
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

    public Target asCoach(Caller caller, String submissionId) {
        Target target = signedIn(caller, submissionId);
        Enrollment enrollment = target.enrollment();
        if (enrollment.isCoachedBy(caller.userId())) {
            return target;
        }
        if (enrollment.isLearner(caller.userId())) {
            throw ApiProblem.forbidden("Only your coach can decide on your submission.");
        }
        throw notFound(submissionId);
    }

    public Target asReader(Caller caller, String submissionId) {
        Target target = signedIn(caller, submissionId);
        Enrollment enrollment = target.enrollment();
        boolean admin = caller.has(Role.PLATFORM_ADMIN) || (caller.has(Role.ORG_ADMIN)
                && enrollment.organizationId().equals(caller.organizationId()));
        if (enrollment.isCoachedBy(caller.userId()) || enrollment.isLearner(caller.userId()) || admin) {
            return target;
        }
        throw notFound(submissionId);
    }

    private Target signedIn(Caller caller, String submissionId) {
        if (!caller.isAuthenticated()) {
            throw ApiProblem.unauthorized("Sign in to do this.");
        }
        return find(submissionId).orElseThrow(() -> notFound(submissionId));
    }

    static ApiProblem notFound(String submissionId) {
        return ApiProblem.notFound("There is no submission " + submissionId + " that you can see.");
    }
}
