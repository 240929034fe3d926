package org.microcred.badgeissuer.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.microcred.badgeissuer.model.MicroCredential;
import org.microcred.shared.json.Json;

/** Reads the parts of a published micro-credential document (docs/catalog-format.md) a badge shows. */
final class MicroCredentialDocument {
    private MicroCredentialDocument() {
    }

    static MicroCredential parse(String id, int version, String document) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The published document of " + id + " v" + version + " is not JSON", e);
        }
        List<MicroCredential.EvidenceRequirement> requirements = new ArrayList<>();
        for (JsonNode node : root.path("evidenceRequirements")) {
            requirements.add(new MicroCredential.EvidenceRequirement(node.path("id").asText(),
                    node.path("title").asText(node.path("id").asText()), node.path("prompt").asText("")));
        }
        List<MicroCredential.Criterion> rubric = new ArrayList<>();
        for (JsonNode node : root.path("rubric")) {
            List<MicroCredential.Level> levels = new ArrayList<>();
            node.path("levels").forEach(level -> levels.add(new MicroCredential.Level(level.path("id").asText(),
                    level.path("name").asText(), level.path("description").asText(""),
                    level.path("passing").asBoolean(false))));
            rubric.add(new MicroCredential.Criterion(node.path("id").asText(), node.path("criterion").asText(),
                    node.path("description").asText(""), levels));
        }
        String competency = root.hasNonNull("competency") ? root.path("competency").asText()
                : root.path("competencies").path(0).asText("");
        Double creditHours = root.path("creditHours").isNumber() ? root.path("creditHours").asDouble() : null;
        return new MicroCredential(id, version, root.path("title").asText(""), root.path("summary").asText(""),
                root.path("description").asText(""), competency, creditHours, requirements, rubric);
    }
}
