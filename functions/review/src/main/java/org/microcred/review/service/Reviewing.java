package org.microcred.review.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.Decision;
import org.microcred.records.learning.DecisionStore;
import org.microcred.review.model.QueueEntry;
import org.microcred.review.model.Rubric;
import org.microcred.review.model.SubmissionReview;
import org.microcred.shared.domain.Forbidden;
import org.microcred.shared.domain.Unauthenticated;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/** Reads for reviewers: one submission with everything needed to judge it, and a coach's queue. */
public class Reviewing {
    private final ArtifactStore artifacts;
    private final DecisionStore decisions;
    private final Deciding deciding;
    private final Clock clock;

    public Reviewing(ArtifactStore artifacts, DecisionStore decisions, Deciding deciding, Clock clock) {
        this.artifacts = artifacts;
        this.decisions = decisions;
        this.deciding = deciding;
        this.clock = clock;
    }

    public SubmissionReview submission(ReviewAccess.Reading reading) {
        Target target = reading.target();
        var enrollment = target.enrollment();
        var submission = target.submission();
        Rubric rubric = deciding.rubric(enrollment);
        List<Artifact> frozen = artifacts(target);
        Optional<Decision> decision = decisions.find(enrollment.id(), submission.attempt());
        return new SubmissionReview(submission.id(), enrollment.id(), submission.attempt(),
                decision.isPresent() ? "decided" : "submitted", submission.submittedAt(),
                enrollment.microCredentialId(), enrollment.microCredentialVersion(), enrollment.microCredentialTitle(),
                rubric.competency(), frozen, rubric.criteria(), decision.orElse(null),
                reading.mayDecide() && decision.isEmpty());
    }

    /** The attempt's frozen artifacts, in the order they were submitted. */
    public List<Artifact> artifacts(Target target) {
        Map<String, Artifact> byId = new java.util.HashMap<>();
        artifacts.artifacts(target.enrollment().id(), target.submission().attempt())
                .forEach(artifact -> byId.put(artifact.id(), artifact));
        List<Artifact> frozen = new ArrayList<>();
        target.submission().artifactIds().stream().map(byId::get).filter(a -> a != null).forEach(frozen::add);
        return frozen;
    }

    /** The decisions of the attempts before this one, oldest first. */
    public List<Decision> earlierDecisions(Target target) {
        List<Decision> earlier = new ArrayList<>();
        for (int attempt = 1; attempt < target.submission().attempt(); attempt++) {
            decisions.find(target.enrollment().id(), attempt).ifPresent(earlier::add);
        }
        return earlier;
    }

    public Optional<Decision> decision(Target target) {
        return decisions.find(target.enrollment().id(), target.submission().attempt());
    }

    /** The caller's submitted, undecided attempts, longest waiting first; never their own (nobody reviews their own work). */
    public List<QueueEntry> queue(Caller caller) {
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated("Sign in to do this.");
        }
        if (!caller.has(Role.COACH)) {
            throw new Forbidden("Only coaches have a review queue.");
        }
        Instant now = clock.instant();
        List<QueueEntry> entries = new ArrayList<>();
        for (DecisionStore.Waiting waiting : decisions.submittedFor(caller.userId())) {
            if (caller.userId().equals(waiting.learnerId())) {
                continue;
            }
            long seconds = Math.max(0, Duration.between(Instant.parse(waiting.updatedAt()), now).getSeconds());
            entries.add(new QueueEntry(waiting.enrollmentId() + "." + waiting.attempts(), waiting.enrollmentId(),
                    waiting.attempts(), waiting.microCredentialId(), waiting.title(), waiting.learnerName(),
                    waiting.updatedAt(), seconds));
        }
        entries.sort(Comparator.comparing(QueueEntry::submittedAt));
        return entries;
    }
}
