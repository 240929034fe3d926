package org.microcred.enrollment;

import org.microcred.shared.config.FunctionEnvironment;

/**
 * EnrollmentFunction's settings; names match its Environment in template.yaml. {@code API_URL}
 * (the base of review links) is needed only to reassign a waiting review, so it is optional.
 */
public record EnrollmentConfig(String catalogTable, String organizationsTable, String learningTable, String webAppUrl,
                               String apiUrl) {
    public static EnrollmentConfig from(FunctionEnvironment environment) {
        return new EnrollmentConfig(environment.required("CATALOG_TABLE"), environment.required("ORGANIZATIONS_TABLE"),
                environment.required("LEARNING_TABLE"), environment.required("WEB_APP_URL"),
                environment.optional("API_URL", ""));
    }
}
