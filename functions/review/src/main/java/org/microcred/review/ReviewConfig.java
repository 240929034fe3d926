package org.microcred.review;

import org.microcred.shared.config.FunctionEnvironment;

/** ReviewFunction's settings; names match its Environment in template.yaml. */
public record ReviewConfig(String catalogTable, String learningTable, String organizationsTable,
                           String evidenceBucket, String apiUrl, String webAppUrl) {
    public static ReviewConfig from(FunctionEnvironment environment) {
        return new ReviewConfig(environment.required("CATALOG_TABLE"), environment.required("LEARNING_TABLE"),
                environment.required("ORGANIZATIONS_TABLE"), environment.required("EVIDENCE_BUCKET"),
                environment.required("API_URL"), environment.required("WEB_APP_URL"));
    }
}
