package org.microcred.review.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.records.learning.CriterionScore;
import org.microcred.review.model.DecisionRequest;
import org.microcred.review.model.Rubric;
import org.microcred.review.model.RubricCriterion;
import org.microcred.review.model.RubricLevel;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.http.Problems;

/** The rubric rules of a decision, without emulators. */
class DecisionRulesTest {
    static final RubricCriterion ALIGNMENT = new RubricCriterion("alignment", "Alignment", "", List.of(
            new RubricLevel("not-yet", "Not yet", "", false), new RubricLevel("proficient", "Proficient", "", true),
            new RubricLevel("exemplary", "Exemplary", "", false)));
    static final RubricCriterion PROMPTS = new RubricCriterion("prompt-quality", "Quality of prompts", "", List.of(
            new RubricLevel("not-yet", "Not yet", "", false), new RubricLevel("proficient", "Proficient", "", true)));
    static final Rubric RUBRIC = new Rubric("Exit tickets", "Uses exit tickets", List.of(ALIGNMENT), Map.of());
    static final Rubric TWO = new Rubric("Exit tickets", "Uses exit tickets", List.of(ALIGNMENT, PROMPTS), Map.of());

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
                .isInstanceOfSatisfying(DomainException.class, problem -> assertThat(Problems.status(problem)).isEqualTo(422));
    }

    @Test
    void mastery_belowThePassingLevel_namesTheCriteriaByTitleForPeopleAndByIdForPrograms() {
        DecisionRequest request = new DecisionRequest("mastery", List.of(new CriterionScore("alignment", "not-yet", null),
                new CriterionScore("prompt-quality", "not-yet", null)), null);

        assertThatThrownBy(() -> DecisionRules.check(TWO, request)).isInstanceOfSatisfying(DomainException.class, problem -> {
            assertThat(problem.detail()).contains("Alignment", "Quality of prompts")
                    .doesNotContain("alignment", "prompt-quality");
            assertThat(problem.errors()).containsExactly(
                    new FieldError("scores.alignment", "Alignment: below the passing level"),
                    new FieldError("scores.prompt-quality", "Quality of prompts: below the passing level"));
        });
    }

    @Test
    void unscoredCriterionOrUnknownLevel_isNamedByTitle() {
        DecisionRequest request = new DecisionRequest("mastery", List.of(new CriterionScore("alignment", "legendary",
                null)), null);

        assertThatThrownBy(() -> DecisionRules.check(TWO, request)).isInstanceOfSatisfying(DomainException.class, problem ->
                assertThat(problem.errors()).containsExactly(
                        new FieldError("scores[0].levelId", "Alignment: the chosen level is not one of its levels"),
                        new FieldError("scores.prompt-quality", "Quality of prompts: not scored")));
    }

    @Test
    void needsRevision_withBlankFeedback_is422AndWithFeedbackIsValid() {
        assertThatThrownBy(() -> DecisionRules.check(RUBRIC, request("needs-revision", "not-yet", "  ")))
                .isInstanceOfSatisfying(DomainException.class, problem -> assertThat(Problems.status(problem)).isEqualTo(422));
        DecisionRules.check(RUBRIC, request("needs-revision", "exemplary", "Add the answer key."));
    }

    @Test
    void unknownOutcomeOrDuplicateScore_is400() {
        assertThatThrownBy(() -> DecisionRules.check(RUBRIC, request("pass", "proficient", null)))
                .isInstanceOfSatisfying(DomainException.class, problem -> assertThat(Problems.status(problem)).isEqualTo(400));
        DecisionRequest twice = new DecisionRequest("mastery", List.of(new CriterionScore("alignment", "proficient",
                null), new CriterionScore("alignment", "exemplary", null)), null);
        assertThatThrownBy(() -> DecisionRules.check(RUBRIC, twice))
                .isInstanceOfSatisfying(DomainException.class, problem -> assertThat(Problems.status(problem)).isEqualTo(400));
    }
}
