package org.microcred.evidence;

import org.microcred.shared.config.FunctionEnvironment;

/**
 * EvidenceFunction's settings; names match its Environment in template.yaml.
 * {@code MICROCRED_REVIEW_LINK_KEY} exists only outside AWS (the local stack sets it); in AWS
 * the key comes from the secret {@code REVIEW_LINK_SECRET_ARN} names.
 */
public record EvidenceConfig(String catalogTable, String learningTable, String evidenceBucket,
                             String reviewLinkSecretArn, String webAppUrl, String apiUrl) {
    public static final String LOCAL_REVIEW_LINK_KEY = "MICROCRED_REVIEW_LINK_KEY";

    public static EvidenceConfig from(FunctionEnvironment environment) {
        return new EvidenceConfig(environment.required("CATALOG_TABLE"), environment.required("LEARNING_TABLE"),
                environment.required("EVIDENCE_BUCKET"), environment.optional("REVIEW_LINK_SECRET_ARN", ""),
                environment.required("WEB_APP_URL"), environment.required("API_URL"));
    }
}
