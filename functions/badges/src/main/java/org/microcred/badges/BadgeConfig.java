package org.microcred.badges;

import org.microcred.shared.config.FunctionEnvironment;

/** BadgeFunction's settings; names match its Environment in template.yaml. */
public record BadgeConfig(String badgesTable, String catalogTable, String organizationsTable, String learningTable,
                          String apiUrl, String webAppUrl) {
    public static BadgeConfig from(FunctionEnvironment environment) {
        return new BadgeConfig(environment.required("BADGES_TABLE"), environment.required("CATALOG_TABLE"),
                environment.required("ORGANIZATIONS_TABLE"), environment.required("LEARNING_TABLE"),
                trimSlash(environment.required("API_URL")), trimSlash(environment.required("WEB_APP_URL")));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
