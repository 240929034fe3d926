package org.microcred.assessors.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.assessors.model.Assessor;
import org.microcred.assessors.model.AssessorScore;
import org.microcred.assessors.model.AssessorStatus;
import org.microcred.assessors.model.CalibrationItem;
import org.microcred.assessors.model.CalibrationResult;
import org.microcred.assessors.model.CalibrationSet;
import org.microcred.assessors.model.CriterionAgreement;
import org.microcred.assessors.model.LevelChoice;
import org.microcred.assessors.model.Rubric;
import org.microcred.assessors.store.AssessorStore;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.LearningWrite;

/**
 * Once an assessor has scored every item of the calibration set meant for them, compares their
 * levels with the reference decisions and records the result. Meeting the invitation's minimums
 * makes them live in one transaction: the assessor item, the coach item (the micro-credential
 * leaves its calibrating list) and the assessor's email. Otherwise they stay calibrating and the
 * report says why. Safe to run twice: every write is conditional on the assessor still calibrating.
 */
public class Evaluation {
    private static final int MAX_TRIES = 3;

    private final AssessorStore store;
    private final CatalogReader catalog;
    private final LearningStore learning;
    private final AssessorEmails emails;
    private final Clock clock;

    public Evaluation(AssessorStore store, CatalogReader catalog, LearningStore learning, AssessorEmails emails,
                      Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.learning = learning;
        this.emails = emails;
        this.clock = clock;
    }

    /** The assessor after evaluating (unchanged while items are left to score). */
    public Assessor evaluate(Assessor assessor, CalibrationSet set) {
        Map<String, AssessorScore> scores = store.scores(assessor.organizationId(), assessor.userId(),
                assessor.microCredentialId());
        List<CalibrationItem> items = set.itemsFor(assessor.userId());
        // With their own work left out, too few items would make agreement on one or two scores a pass.
        if (!set.hasEnoughFor(assessor.userId()) || !items.stream().allMatch(item -> scores.containsKey(item.itemId()))) {
            return assessor;
        }
        CalibrationResult result = result(assessor, items, scores);
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            Assessor current = store.assessor(assessor.organizationId(), assessor.userId(), assessor.microCredentialId())
                    .orElseThrow();
            if (current.status() != AssessorStatus.CALIBRATING) {
                return current;
            }
            try {
                learning.commit(write(current, result));
                return store.assessor(assessor.organizationId(), assessor.userId(), assessor.microCredentialId())
                        .orElseThrow();
            } catch (ConcurrentChangeException e) {
                // The coach item's calibrating list moved (another micro-credential went live at once): read again.
            }
        }
        throw new ConcurrentChangeException("The calibration result could not be recorded", null);
    }

    private LearningWrite write(Assessor assessor, CalibrationResult result) {
        String now = Timestamps.format(clock.instant());
        LearningWrite write = learning.newWrite().item(store.writes().recordResult(assessor.organizationId(), assessor.userId(),
                assessor.microCredentialId(), result, result.meetsMinimum(), now));
        if (result.meetsMinimum()) {
            Optional<AssessorStore.CoachEntry> coach = store.coach(assessor.organizationId(), assessor.userId());
            int index = coach.map(c -> c.calibratingMicroCredentialIds().indexOf(assessor.microCredentialId())).orElse(-1);
            if (index >= 0) {
                write.item(store.writes().coachLive(assessor.organizationId(), assessor.userId(), index,
                        assessor.microCredentialId()));
            }
            String organizationName = store.organizationName(assessor.organizationId()).orElse(assessor.organizationId());
            write.email(emails.live(assessor, result, organizationName, now));
        }
        return write;
    }

    CalibrationResult result(Assessor assessor, List<CalibrationItem> items, Map<String, AssessorScore> scores) {
        List<Agreement.Pair> pairs = new ArrayList<>();
        int sameOutcome = 0;
        for (CalibrationItem item : items) {
            AssessorScore score = scores.get(item.itemId());
            Map<String, String> chosen = new java.util.HashMap<>();
            score.scores().forEach(choice -> chosen.put(choice.criterionId(), choice.levelId()));
            for (LevelChoice reference : item.reference()) {
                // A criterion the assessor did not score (the rubric cannot change within a version) counts as disagreement.
                pairs.add(new Agreement.Pair(reference.criterionId(), chosen.getOrDefault(reference.criterionId(), ""),
                        reference.levelId()));
            }
            if (item.outcome().equals(score.outcome())) {
                sameOutcome++;
            }
        }
        Agreement.Figures overall = Agreement.of(pairs);
        Rubric rubric = catalog.version(assessor.microCredentialId(), items.get(0).version())
                .map(CatalogReader.Version::rubric).orElse(null);
        List<CriterionAgreement> criteria = new ArrayList<>();
        Agreement.byCriterion(pairs).forEach((criterionId, criterionPairs) -> {
            Agreement.Figures figures = Agreement.of(criterionPairs);
            String name = rubric == null ? criterionId
                    : rubric.criterion(criterionId).map(Rubric.Criterion::criterion).orElse(criterionId);
            criteria.add(new CriterionAgreement(criterionId, name, figures.pairs(), figures.agreements(),
                    Agreement.round(figures.observed()), figures.kappa() == null ? null : Agreement.round(figures.kappa())));
        });
        double exact = Agreement.round(overall.observed());
        double kappa = overall.kappa() == null ? 0 : Agreement.round(overall.kappa());
        List<String> shortfall = new ArrayList<>();
        if (kappa < assessor.minimumKappa()) {
            shortfall.add("Cohen's kappa " + kappa + " is below the minimum " + assessor.minimumKappa());
        }
        if (assessor.minimumExactAgreement() != null && exact < assessor.minimumExactAgreement()) {
            shortfall.add("exact agreement " + exact + " is below the minimum " + assessor.minimumExactAgreement());
        }
        return new CalibrationResult(items.size(), overall.pairs(), exact, kappa,
                Agreement.round((double) sameOutcome / items.size()), criteria, assessor.minimumKappa(),
                assessor.minimumExactAgreement(), shortfall.isEmpty(), shortfall, Timestamps.format(clock.instant()));
    }
}
