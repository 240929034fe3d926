package org.microcred.badgeissuer;

import org.microcred.shared.config.FunctionEnvironment;

/**
 * BadgeIssuerFunction's settings; names match its Environment in template.yaml. The signing key
 * is chosen by {@link org.microcred.badgeissuer.signing.Signers}.
 */
public record BadgeIssuerConfig(String learningTable, String catalogTable, String organizationsTable,
                                String badgesTable, String apiUrl) {
    public static BadgeIssuerConfig from(FunctionEnvironment environment) {
        return new BadgeIssuerConfig(environment.required("LEARNING_TABLE"), environment.required("CATALOG_TABLE"),
                environment.required("ORGANIZATIONS_TABLE"), environment.required("BADGES_TABLE"),
                environment.required("API_URL"));
    }
}
