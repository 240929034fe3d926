package org.microcred.catalog.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.microcred.catalog.support.Documents;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.domain.FieldError;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.shared.json.Json;

class DocumentRulesTest {

    @Test
    void check_completeDocument_passes() {
        assertThatCode(() -> DocumentRules.check(Documents.exitTickets())).doesNotThrowAnyException();
    }

    @Test
    void check_everyMalformedField_isNamedInOneProblem() {
        ObjectNode json = Documents.exitTicketsJson();
        json.put("title", "x".repeat(121));
        json.put("collection", "Formative Assessment");
        ((ObjectNode) json.get("resources").get(0)).put("url", "javascript:alert(1)");
        ((ObjectNode) json.get("evidenceRequirements").get(0)).put("maxSizeBytes", 6L * 1024 * 1024 * 1024);
        ((ObjectNode) json.get("rubric").get(0)).put("id", "../etc");
        MicroCredentialDocument document = Json.mapper().convertValue(json, MicroCredentialDocument.class);

        assertThatThrownBy(() -> DocumentRules.check(document))
                .isInstanceOfSatisfying(DomainException.class, problem -> org.assertj.core.api.Assertions
                        .assertThat(problem.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                                "title", "collection", "resources[0].url", "evidenceRequirements[0].maxSizeBytes",
                                "rubric[0].id"));
    }

    @Test
    void check_missingTitle_isRequiredEvenForDrafts() {
        MicroCredentialDocument document = new MicroCredentialDocument(null, null, null, null, null, null, null,
                null, null, null, null, null);

        assertThatThrownBy(() -> DocumentRules.check(document))
                .isInstanceOfSatisfying(DomainException.class, problem -> org.assertj.core.api.Assertions
                        .assertThat(problem.errors()).containsExactly(new FieldError("title", "is required")));
    }

    @Test
    void check_evidenceTypeABrowserCouldRun_isRefusedNamingIt() {
        ObjectNode json = Documents.exitTicketsJson();
        ((ObjectNode) json.get("evidenceRequirements").get(0)).putArray("mediaTypes").add("application/pdf")
                .add("image/svg+xml").add("text/html");
        MicroCredentialDocument document = Json.mapper().convertValue(json, MicroCredentialDocument.class);

        assertThatThrownBy(() -> DocumentRules.check(document))
                .isInstanceOfSatisfying(DomainException.class, problem -> org.assertj.core.api.Assertions
                        .assertThat(problem.errors()).extracting(FieldError::field).containsExactly(
                                "evidenceRequirements[0].mediaTypes[1]", "evidenceRequirements[0].mediaTypes[2]"));
    }

    @Test
    void check_lineBreaksInOneLineFields_areNamed_andMultiLineFieldsKeepThem() {
        ObjectNode json = Documents.exitTicketsJson();
        json.put("title", "Exit tickets\r\nBcc: everyone@example.org");
        ((ObjectNode) json.get("rubric").get(0).get("levels").get(0)).put("name", "Begin\u2028ning");
        ((ObjectNode) json.get("activities").get(0)).put("title", "Plan\ttickets");
        json.put("description", "First paragraph.\r\n\r\nSecond paragraph.");
        ((ObjectNode) json.get("evidenceRequirements").get(0)).put("prompt", "Upload\u0000 your plan.");
        MicroCredentialDocument document = Json.mapper().convertValue(json, MicroCredentialDocument.class);

        assertThatThrownBy(() -> DocumentRules.check(document))
                .isInstanceOfSatisfying(DomainException.class, problem -> org.assertj.core.api.Assertions
                        .assertThat(problem.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                                "title", "rubric[0].levels[0].name", "activities[0].title",
                                "evidenceRequirements[0].prompt"));
    }
}
