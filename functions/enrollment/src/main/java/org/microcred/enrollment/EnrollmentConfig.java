package org.microcred.enrollment;

import org.microcred.shared.config.FunctionEnvironment;

/** EnrollmentFunction's settings; names match its Environment in template.yaml. */
public record EnrollmentConfig(String catalogTable, String organizationsTable, String learningTable, String webAppUrl) {
    public static EnrollmentConfig from(FunctionEnvironment environment) {
        return new EnrollmentConfig(environment.required("CATALOG_TABLE"), environment.required("ORGANIZATIONS_TABLE"),
                environment.required("LEARNING_TABLE"), environment.required("WEB_APP_URL"));
    }
}
