package org.microcred.assessors.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.assessors.model.Assessor;
import org.microcred.assessors.model.AssessorScore;
import org.microcred.assessors.model.AssessorStatus;
import org.microcred.assessors.model.CalibrationItem;
import org.microcred.assessors.model.CalibrationSet;
import org.microcred.assessors.model.CalibrationView;
import org.microcred.assessors.model.LevelChoice;
import org.microcred.assessors.model.Rubric;
import org.microcred.assessors.model.ScoreRequest;
import org.microcred.assessors.store.AssessorStore;
import org.microcred.assessors.store.SubmissionReader;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.Unauthenticated;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.ArtifactKind;
import org.microcred.records.learning.DecisionOutcome;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.evidence.EvidenceFiles;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.web.EvidenceMediaTypes;

/**
 * The assessor's side of calibration: the items still to score (anonymised, with the rubric and
 * the evidence) and recording one scoring per item; the last one triggers the evaluation.
 * Only the educator the entry belongs to sees it, and only while calibrating.
 */
public class Calibrating {
    static final Duration FILE_LINK_VALIDITY = Duration.ofMinutes(5);
    private static final int MAX_TRIES = 4;

    private final AssessorStore store;
    private final CatalogReader catalog;
    private final SubmissionReader submissions;
    private final EvidenceFiles files;
    private final LearningStore learning;
    private final Evaluation evaluation;
    private final Clock clock;

    public Calibrating(AssessorStore store, CatalogReader catalog, SubmissionReader submissions, EvidenceFiles files,
                       LearningStore learning, Evaluation evaluation, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.submissions = submissions;
        this.files = files;
        this.learning = learning;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    /** The caller's assessor entries in their organisation, with what is left to score. */
    public List<CalibrationView> mine(Caller caller) {
        signedIn(caller);
        if (caller.organizationId() == null) {
            return List.of();
        }
        List<CalibrationView> views = new ArrayList<>();
        for (Assessor assessor : store.assessorsFor(caller.organizationId(), caller.userId())) {
            if (assessor.status() == AssessorStatus.INVITED) {
                continue;
            }
            views.add(view(assessor));
        }
        return views;
    }

    private CalibrationView view(Assessor assessor) {
        Optional<CalibrationSet> set = store.calibrationSet(assessor.organizationId(), assessor.microCredentialId());
        List<CalibrationItem> items = set.map(s -> s.itemsFor(assessor.userId())).orElse(List.of());
        Set<String> scored = assessor.status() == AssessorStatus.CALIBRATING
                ? store.scores(assessor.organizationId(), assessor.userId(), assessor.microCredentialId()).keySet()
                : Set.of();
        List<CalibrationView.PendingItem> pending = new ArrayList<>();
        if (assessor.status() == AssessorStatus.CALIBRATING) {
            items.stream().filter(item -> !scored.contains(item.itemId())).forEach(item -> pending.add(pending(assessor.microCredentialId(), item)));
        }
        int done = (int) items.stream().filter(item -> scored.contains(item.itemId())).count();
        String note = assessor.isLive() ? "Calibration passed: you take live reviews for this micro-credential."
                : set.isEmpty() ? "Your organisation has not chosen the calibration set yet; you will find it here."
                : !set.get().hasEnoughFor(assessor.userId()) ? "Only " + items.size() + " of the calibration set's "
                        + "submissions are not your own work (your submission or your decision), and calibration needs "
                        + "at least " + CalibrationSet.MIN_ITEMS + ". Score these; your organisation's administrator "
                        + "will add others to the set."
                : pending.isEmpty() && assessor.calibration() != null && !assessor.calibration().meetsMinimum()
                ? "Your agreement is below the minimum: " + String.join("; ", assessor.calibration().shortfall())
                        + ". Your organisation's administrator decides what happens next."
                : "Score each submission as you would in a live review.";
        return new CalibrationView(assessor.organizationId(), assessor.microCredentialId(),
                assessor.microCredentialTitle(), assessor.status(), assessor.minimumKappa(),
                assessor.minimumExactAgreement(), assessor.isLive() ? items.size() : done, items.size(), note,
                assessor.calibration(), pending);
    }

    private CalibrationView.PendingItem pending(String microCredentialId, CalibrationItem item) {
        Rubric rubric = catalog.version(microCredentialId, item.version()).map(CatalogReader.Version::rubric)
                .orElseThrow(() -> new IllegalStateException("Published version " + item.version() + " is missing"));
        SubmissionReader.Found found = submissions.find(item.submissionId())
                .orElseThrow(() -> new IllegalStateException("Calibration submission " + item.itemId() + " is missing"));
        List<CalibrationView.Evidence> evidence = new ArrayList<>();
        int file = 0;
        for (Artifact artifact : submissions.artifacts(item.enrollmentId(), item.attempt(),
                found.submission().artifactIds())) {
            if (artifact.kind() == ArtifactKind.TEXT) {
                evidence.add(new CalibrationView.Evidence(artifact.requirementId(), "text", artifact.text(), null, null,
                        null, null, null));
            } else if (artifact.kind() == ArtifactKind.LINK) {
                evidence.add(new CalibrationView.Evidence(artifact.requirementId(), "link", null, artifact.url(), null,
                        null, null, null));
            } else {
                file++;
                String name = item.label().toLowerCase(Locale.ROOT).replace(' ', '-') + "-file-" + file
                        + extension(artifact.fileName());
                String url = !artifact.isDownloadable() ? null : files.presignGet(artifact.sealedKey(),
                        "attachment; filename=\"" + name + "\"", EvidenceMediaTypes.servedAs(artifact.mediaType()),
                        FILE_LINK_VALIDITY);
                evidence.add(new CalibrationView.Evidence(artifact.requirementId(), "file", null, null, name,
                        artifact.mediaType(), artifact.sizeBytes(), url));
            }
        }
        return new CalibrationView.PendingItem(item.itemId(), item.label(), rubric.competency(), rubric.criteria(),
                evidence);
    }

    /** The outcome of recording a scoring: progress and, once evaluated, the result. */
    public record Scored(String itemId, int scored, int total, AssessorStatus status,
                         org.microcred.assessors.model.CalibrationResult calibration) {
    }

    public Scored score(Caller caller, String microCredentialId, ScoreRequest request) {
        signedIn(caller);
        Assessor assessor = Optional.ofNullable(caller.organizationId())
                .flatMap(org -> store.assessor(org, caller.userId(), microCredentialId))
                .filter(a -> a.status() != AssessorStatus.INVITED)
                .orElseThrow(() -> new NotFound("You have no calibration for " + microCredentialId + "."));
        if (assessor.isLive()) {
            throw new Conflict("calibration-finished", "Calibration finished", "You passed calibration for "
                    + assessor.microCredentialTitle() + " already; there is nothing left to score.");
        }
        CalibrationSet set = store.calibrationSet(assessor.organizationId(), microCredentialId)
                .orElseThrow(() -> new NotFound("There is no calibration set for " + microCredentialId + " yet."));
        CalibrationItem item = Optional.ofNullable(request.itemId()).flatMap(set::item)
                .filter(candidate -> set.itemsFor(caller.userId()).contains(candidate))
                .orElseThrow(() -> new NotFound("There is no calibration item " + request.itemId()
                        + " for you to score."));
        Rubric rubric = catalog.version(microCredentialId, item.version()).map(CatalogReader.Version::rubric)
                .orElseThrow(() -> new IllegalStateException("Published version " + item.version() + " is missing"));
        check(rubric, request);
        AssessorScore score = new AssessorScore(item.itemId(), request.scores().stream()
                .map(s -> new LevelChoice(s.criterionId(), s.levelId())).toList(), request.outcome(),
                Timestamps.format(clock.instant()));
        record(assessor, score, item.label());
        Assessor after = evaluation.evaluate(assessor, set);
        Map<String, AssessorScore> scores = store.scores(assessor.organizationId(), caller.userId(), microCredentialId);
        List<CalibrationItem> mine = set.itemsFor(caller.userId());
        int done = (int) mine.stream().filter(i -> scores.containsKey(i.itemId())).count();
        return new Scored(item.itemId(), done, mine.size(), after.status(), after.calibration());
    }

    /**
     * Writes the scoring. A cancelled transaction is read again: the item already scored or the
     * calibration finished is a 409; a mere conflict with the assessor's other scoring at the same
     * moment (both count on the assessor item) is retried.
     */
    private void record(Assessor assessor, AssessorScore score, String label) {
        String organizationId = assessor.organizationId();
        String microCredentialId = assessor.microCredentialId();
        for (int attempt = 1; ; attempt++) {
            try {
                learning.commit(learning.newWrite()
                        .item(store.writes().putScore(organizationId, assessor.userId(), microCredentialId, score))
                        .item(store.writes().countScore(organizationId, assessor.userId(), microCredentialId)));
                return;
            } catch (ConcurrentChangeException e) {
                if (store.scores(organizationId, assessor.userId(), microCredentialId).containsKey(score.itemId())) {
                    throw new Conflict("already-scored", "Already scored", label + " is scored already; each "
                            + "submission is scored once.");
                }
                if (store.assessor(organizationId, assessor.userId(), microCredentialId)
                        .filter(a -> a.status() == AssessorStatus.CALIBRATING).isEmpty()) {
                    throw new Conflict("calibration-finished", "Calibration finished", "Your calibration for "
                            + assessor.microCredentialTitle() + " finished meanwhile; there is nothing left to score.");
                }
                if (attempt >= MAX_TRIES) {
                    throw new Conflict("Your scoring collided with another one; send it again.");
                }
            }
        }
    }

    /** Every criterion once with one of its levels, and an outcome; else 400 naming each problem. */
    static void check(Rubric rubric, ScoreRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (DecisionOutcome.fromJson(request.outcome()).isEmpty()) {
            errors.add(new FieldError("outcome", "must be mastery or needs-revision"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.scores().size(); i++) {
            LevelChoice choice = request.scores().get(i);
            Optional<Rubric.Criterion> criterion = choice == null ? Optional.empty()
                    : rubric.criterion(choice.criterionId());
            if (criterion.isEmpty()) {
                errors.add(new FieldError("scores[" + i + "].criterionId", "is not a criterion of this rubric"));
            } else if (!seen.add(choice.criterionId())) {
                errors.add(new FieldError("scores[" + i + "].criterionId", "is scored twice"));
            } else if (!criterion.get().hasLevel(choice.levelId())) {
                errors.add(new FieldError("scores[" + i + "].levelId", "is not a level of " + choice.criterionId()));
            }
        }
        for (Rubric.Criterion criterion : rubric.criteria()) {
            if (!seen.contains(criterion.id())) {
                errors.add(new FieldError("scores." + criterion.id(), "is not scored"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors.size() + " problem(s) with the scores: "
                    + errors.stream().map(e -> e.field() + " " + e.message()).toList() + ".", errors);
        }
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extension.matches("[a-z0-9]{1,8}") ? "." + extension : "";
    }

    private static void signedIn(Caller caller) {
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated("Sign in to do this.");
        }
    }
}
