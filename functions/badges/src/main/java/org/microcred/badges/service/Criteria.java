package org.microcred.badges.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.microcred.records.badges.Badge;
import org.microcred.shared.json.Json;

/** What the learner had to show, in words: from the signed credential's achievement, or the catalog's rubric. */
public final class Criteria {
    private Criteria() {
    }

    /** {@code credentialSubject.achievement.criteria.narrative} of the badge's credential, if it has one. */
    public static String fromCredential(JsonNode achievement) {
        return text(achievement.path("criteria").path("narrative"));
    }

    /** The description of the achievement in the credential, if it has one. */
    public static String descriptionFromCredential(JsonNode achievement) {
        return text(achievement.path("description"));
    }

    /**
     * The credential's {@code credentialSubject.achievement}; a missing node when it cannot be read.
     * Badges issued since issue 16 keep the credential only with its embedded proof.
     */
    public static JsonNode achievement(Badge badge) {
        String credential = badge.credential() != null ? badge.credential() : badge.credentialWithProof();
        if (credential == null) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(credential).path("credentialSubject").path("achievement");
        } catch (java.io.IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** A narrative built from a published micro-credential document: the competency and the rubric's bar. */
    public static String fromDocument(JsonNode document) {
        StringBuilder narrative = new StringBuilder();
        JsonNode competencies = document.path("competencies");
        if (competencies.isArray() && !competencies.isEmpty()) {
            narrative.append("Competency: ").append(competencies.get(0).asText()).append("\n\n");
        }
        JsonNode evidence = document.path("evidenceRequirements");
        if (evidence.isArray() && !evidence.isEmpty()) {
            narrative.append("Evidence submitted:");
            evidence.forEach(requirement -> narrative.append("\n- ").append(requirement.path("title").asText()));
            narrative.append("\n\n");
        }
        JsonNode rubric = document.path("rubric");
        if (rubric.isArray() && !rubric.isEmpty()) {
            narrative.append("A coach scored the evidence against the rubric; every criterion had to reach its "
                    + "passing level:");
            rubric.forEach(criterion -> {
                String passing = "";
                for (JsonNode level : criterion.path("levels")) {
                    if (level.path("passing").asBoolean(false)) {
                        passing = level.path("name").asText();
                    }
                }
                narrative.append("\n- ").append(criterion.path("criterion").asText())
                        .append(passing.isEmpty() ? "" : " (" + passing + " or above)");
            });
        }
        return narrative.toString().strip();
    }
}
