package org.microcred.badges.service;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Objects;
import org.microcred.dataintegrity.JsonDocuments;
import org.microcred.records.badges.Badge;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.RubricCriterion;
import org.microcred.records.catalog.RubricLevel;

/** What the learner had to show, in words: from the signed credential's achievement, or the catalog's rubric. */
public final class Criteria {
    private Criteria() {
    }

    /** {@code credentialSubject.achievement.criteria.narrative} of the badge's credential, if it has one. */
    public static String fromCredential(JsonObject achievement) {
        return achievement.get("criteria") instanceof JsonObject criteria ? text(criteria.get("narrative")) : null;
    }

    /** The description of the achievement in the credential, if it has one. */
    public static String descriptionFromCredential(JsonObject achievement) {
        return text(achievement.get("description"));
    }

    /**
     * The credential's {@code credentialSubject.achievement}; a missing node when it cannot be read.
     * Badges issued since issue 16 keep the credential only with its embedded proof.
     */
    public static JsonObject achievement(Badge badge) {
        String credential = badge.credential() != null ? badge.credential() : badge.credentialWithProof();
        if (credential == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        // JSON-P, which the page loads anyway to check the embedded proof: a Jackson tree would
        // cost databind's set-up on a cold start.
        try {
            return JsonDocuments.object(credential).orElse(JsonValue.EMPTY_JSON_OBJECT)
                    .get("credentialSubject") instanceof JsonObject subject
                    && subject.get("achievement") instanceof JsonObject achievement
                    ? achievement : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string && !string.getString().isBlank() ? string.getString() : null;
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
