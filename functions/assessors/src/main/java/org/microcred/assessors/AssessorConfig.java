package org.microcred.assessors;

import org.microcred.shared.config.FunctionEnvironment;

/** AssessorFunction's settings; names match its Environment in template.yaml. */
public record AssessorConfig(String catalogTable, String learningTable, String organizationsTable, String badgesTable,
                             String evidenceBucket, String apiUrl, String webAppUrl) {
    public static AssessorConfig from(FunctionEnvironment environment) {
        return new AssessorConfig(environment.required("CATALOG_TABLE"), environment.required("LEARNING_TABLE"),
                environment.required("ORGANIZATIONS_TABLE"), environment.required("BADGES_TABLE"),
                environment.required("EVIDENCE_BUCKET"), environment.required("API_URL"),
                environment.required("WEB_APP_URL"));
    }
}
