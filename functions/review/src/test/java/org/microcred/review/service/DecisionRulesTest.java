package org.microcred.review.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcred.review.model.CriterionScore;
import org.microcred.review.model.DecisionRequest;
import org.microcred.review.model.Rubric;
import org.microcred.review.model.RubricCriterion;
import org.microcred.review.model.RubricLevel;
import org.microcred.shared.http.ApiProblem;

/** The rubric rules of a decision, without emulators. */
class DecisionRulesTest {
    static final RubricCriterion ALIGNMENT = new RubricCriterion("alignment", "Alignment", "", List.of(
            new RubricLevel("not-yet", "Not yet", "", false), new RubricLevel("proficient", "Proficient", "", true),
            new RubricLevel("exemplary", "Exemplary", "", false)));
    static final Rubric RUBRIC = new Rubric("Exit tickets", "Uses exit tickets", List.of(ALIGNMENT));

    private static DecisionRequest request(String outcome, String level, String feedback) {
        return new DecisionRequest(outcome, List.of(new CriterionScore("alignment", level, null)), feedback);
    }

    @Test
    void passes_isTrueFromThePassingLevelUp() {
        assertThat(ALIGNMENT.passes("not-yet")).isFalse();
        assertThat(ALIGNMENT.passes("proficient")).isTrue();
        assertThat(ALIGNMENT.passes("exemplary")).isTrue();
        assertThat(ALIGNMENT.passes("unknown")).isFalse();
    }

    @Test
    void mastery_aboveThePassingLevel_isValid() {
        DecisionRules.check(RUBRIC, request("mastery", "exemplary", null));
    }

    @Test
    void mastery_belowThePassingLevel_is422() {
        assertThatThrownBy(() -> DecisionRules.check(RUBRIC, request("mastery", "not-yet", null)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(422));
    }

    @Test
    void needsRevision_withBlankFeedback_is422AndWithFeedbackIsValid() {
        assertThatThrownBy(() -> DecisionRules.check(RUBRIC, request("needs-revision", "not-yet", "  ")))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(422));
        DecisionRules.check(RUBRIC, request("needs-revision", "exemplary", "Add the answer key."));
    }

    @Test
    void unknownOutcomeOrDuplicateScore_is400() {
        assertThatThrownBy(() -> DecisionRules.check(RUBRIC, request("pass", "proficient", null)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
        DecisionRequest twice = new DecisionRequest("mastery", List.of(new CriterionScore("alignment", "proficient",
                null), new CriterionScore("alignment", "exemplary", null)), null);
        assertThatThrownBy(() -> DecisionRules.check(RUBRIC, twice))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
    }
}
