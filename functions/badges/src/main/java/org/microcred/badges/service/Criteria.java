package org.microcred.badges.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.microcred.records.badges.Badge;
import java.util.Objects;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.RubricCriterion;
import org.microcred.records.catalog.RubricLevel;
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
            return Json.mapper().readTree(credential).path("credentialSubject").path("achievement");
        } catch (java.io.IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** A narrative built from a published micro-credential document: the competency and the rubric's bar. */
    public static String fromDocument(MicroCredentialDocument document) {
        StringBuilder narrative = new StringBuilder();
        if (!document.competencies().isEmpty()) {
            narrative.append("Competency: ").append(document.competencies().get(0)).append("\n\n");
        }
        if (!document.evidenceRequirements().isEmpty()) {
            narrative.append("Evidence submitted:");
            document.evidenceRequirements().forEach(requirement -> narrative.append("\n- ")
                    .append(Objects.requireNonNullElse(requirement.title(), "")));
            narrative.append("\n\n");
        }
        if (!document.rubric().isEmpty()) {
            narrative.append("A coach scored the evidence against the rubric; every criterion had to reach its "
                    + "passing level:");
            for (RubricCriterion criterion : document.rubric()) {
                String passing = "";
                for (RubricLevel level : criterion.levels()) {
                    if (level.passing()) {
                        passing = Objects.requireNonNullElse(level.name(), "");
                    }
                }
                narrative.append("\n- ").append(Objects.requireNonNullElse(criterion.criterion(), ""))
                        .append(passing.isEmpty() ? "" : " (" + passing + " or above)");
            }
        }
        return narrative.toString().strip();
    }
}
