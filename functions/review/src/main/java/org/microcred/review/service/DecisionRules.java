package org.microcred.review.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.microcred.records.learning.CriterionScore;
import org.microcred.records.learning.DecisionOutcome;
import org.microcred.review.model.DecisionRequest;
import org.microcred.review.model.Rubric;
import org.microcred.review.model.RubricCriterion;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.RuleBroken;

/**
 * What makes a decision valid: every criterion scored once with one of its levels (else 400),
 * mastery only with every criterion at or above its passing level and needs-revision only with
 * overall feedback (else 422). Messages name criteria by their titles, as the coach sees them;
 * the {@code field} of each error keeps the criterion id for programs.
 */
final class DecisionRules {
    static final int MAX_FEEDBACK = 10_000;

    private DecisionRules() {
    }

    static void check(Rubric rubric, DecisionRequest request) {
        List<FieldError> malformed = new ArrayList<>();
        if (DecisionOutcome.fromJson(request.outcome()).isEmpty()) {
            malformed.add(new FieldError("outcome", "must be mastery or needs-revision"));
        }
        if (request.feedback() != null && request.feedback().length() > MAX_FEEDBACK) {
            malformed.add(new FieldError("feedback", "must be at most " + MAX_FEEDBACK + " characters"));
        }
        Set<String> scored = new HashSet<>();
        for (int i = 0; i < request.scores().size(); i++) {
            CriterionScore score = request.scores().get(i);
            var criterion = rubric.criterion(score.criterionId());
            if (criterion.isEmpty()) {
                malformed.add(new FieldError("scores[" + i + "].criterionId", "is not a criterion of this rubric"));
            } else if (!scored.add(score.criterionId())) {
                malformed.add(new FieldError("scores[" + i + "].criterionId", "is scored twice"));
            } else if (criterion.get().level(score.levelId()).isEmpty()) {
                malformed.add(new FieldError("scores[" + i + "].levelId", criterion.get().criterion()
                        + ": the chosen level is not one of its levels"));
            }
            if (score.feedback() != null && score.feedback().length() > MAX_FEEDBACK) {
                malformed.add(new FieldError("scores[" + i + "].feedback", "must be at most " + MAX_FEEDBACK
                        + " characters"));
            }
        }
        for (RubricCriterion criterion : rubric.criteria()) {
            if (!scored.contains(criterion.id())) {
                malformed.add(new FieldError("scores." + criterion.id(), criterion.criterion() + ": not scored"));
            }
        }
        if (!malformed.isEmpty()) {
            throw new Invalid(malformed.size() + " problem(s) with the scores.", malformed);
        }
        if (DecisionOutcome.fromJson(request.outcome()).orElseThrow() == DecisionOutcome.MASTERY) {
            List<FieldError> below = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            for (CriterionScore score : request.scores()) {
                RubricCriterion criterion = rubric.criterion(score.criterionId()).orElseThrow();
                if (!criterion.passes(score.levelId())) {
                    below.add(new FieldError("scores." + criterion.id(), criterion.criterion()
                            + ": below the passing level"));
                    titles.add(criterion.criterion());
                }
            }
            if (!below.isEmpty()) {
                throw new RuleBroken("below-passing", "Not every criterion passes", "Mastery needs every "
                        + "criterion at or above its passing level. Below the passing level: "
                        + String.join(", ", titles) + ".", below);
            }
        } else if (request.feedback() == null || request.feedback().isBlank()) {
            throw new RuleBroken("feedback-required", "Feedback required", "Asking for a revision needs "
                    + "overall feedback telling the learner what to change.", List.of(new FieldError("feedback",
                    "is required for needs-revision")));
        }
    }
}
