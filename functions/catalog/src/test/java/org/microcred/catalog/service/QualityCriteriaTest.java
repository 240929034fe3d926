package org.microcred.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcred.catalog.support.Documents;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.http.Problems;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.shared.json.Json;

class QualityCriteriaTest {

    @Test
    void evaluate_completeDocument_meetsEveryCriterion() {
        assertThat(QualityCriteria.evaluate(Documents.exitTickets())).isEmpty();
    }

    @Test
    void require_emptyDraft_reportsEveryFailedCriterionAtOnce() {
        MicroCredentialDocument empty = new MicroCredentialDocument("Only a title", null, null, null, null, null,
                null, null, null, null, null, null);

        assertThatThrownBy(() -> QualityCriteria.require(empty))
                .isInstanceOfSatisfying(DomainException.class, problem -> {
                    assertThat(Problems.status(problem)).isEqualTo(422);
                    assertThat(Problems.type(problem)).endsWith("/quality-criteria");
                    assertThat(problem.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                            "summary", "collection", "competencies", "keyMethod", "evidenceRequirements", "rubric");
                });
    }

    @Test
    void evaluate_twoCompetencies_failsExactlyOneCompetency() {
        ObjectNode json = Documents.exitTicketsJson();
        ((ArrayNode) json.get("competencies")).add("A second competency");

        assertThat(fields(json)).containsExactly("competencies");
    }

    @Test
    void evaluate_criterionWithOneLevel_failsTwoOrderedLevels() {
        ObjectNode json = Documents.exitTicketsJson();
        ArrayNode levels = (ArrayNode) json.get("rubric").get(1).get("levels");
        levels.remove(0);

        assertThat(errors(json)).extracting(FieldError::message)
                .anyMatch(message -> message.contains("at least two ordered levels"));
    }

    @Test
    void evaluate_noOrTwoPassingLevels_failsExactlyOnePassing() {
        ObjectNode none = Documents.exitTicketsJson();
        ((ObjectNode) none.get("rubric").get(0).get("levels").get(1)).put("passing", false);
        ObjectNode two = Documents.exitTicketsJson();
        ((ObjectNode) two.get("rubric").get(0).get("levels").get(2)).put("passing", true);

        assertThat(errors(none)).extracting(FieldError::message).containsExactly("exactly one level must be marked passing (has 0)");
        assertThat(errors(two)).extracting(FieldError::message).containsExactly("exactly one level must be marked passing (has 2)");
    }

    @Test
    void evaluate_evidenceNotAssessedByRubric_failsCoverage() {
        ObjectNode json = Documents.exitTicketsJson();
        ((ArrayNode) json.get("rubric").get(1).get("evidenceRequirementIds")).removeAll();

        assertThat(errors(json)).containsExactly(new FieldError("evidenceRequirements[1]",
                "evidence requirement \"reflection\" is not assessed by any rubric criterion"));
    }

    @Test
    void evaluate_rubricNamesUnknownEvidence_failsCoverage() {
        ObjectNode json = Documents.exitTicketsJson();
        ((ArrayNode) json.get("rubric").get(0).get("evidenceRequirementIds")).add("video");

        assertThat(fields(json)).containsExactly("rubric[0].evidenceRequirementIds[1]");
    }

    @Test
    void evaluate_fileRequirementWithoutTypesOrSize_failsBoth() {
        ObjectNode json = Documents.exitTicketsJson();
        ObjectNode requirement = (ObjectNode) json.get("evidenceRequirements").get(0);
        requirement.remove("mediaTypes");
        requirement.remove("maxSizeBytes");
        requirement.remove("prompt");

        assertThat(fields(json)).containsExactlyInAnyOrder("evidenceRequirements[0].mediaTypes",
                "evidenceRequirements[0].maxSizeBytes", "evidenceRequirements[0].prompt");
    }

    @Test
    void evaluate_requirementWithoutKinds_fails() {
        ObjectNode json = Documents.exitTicketsJson();
        ((ArrayNode) json.get("evidenceRequirements").get(1).get("kinds")).removeAll();

        assertThat(fields(json)).containsExactly("evidenceRequirements[1].kinds");
    }

    private static List<FieldError> errors(ObjectNode json) {
        return QualityCriteria.evaluate(Json.mapper().convertValue(json, MicroCredentialDocument.class));
    }

    private static List<String> fields(ObjectNode json) {
        return errors(json).stream().map(FieldError::field).toList();
    }
}
