package org.microcred.evidence;

import org.microcred.shared.config.FunctionEnvironment;

/**
 * EvidenceFunction's settings; names match its Environment in template.yaml. The review-link key
 * (issued on submit for the coach's email) is not here: {@code ReviewLinkKeys.load} reads it
 * itself, from {@code MICROCRED_REVIEW_LINK_KEY} outside AWS or the secret
 * {@code REVIEW_LINK_SECRET_ARN} names in AWS, so that variable and the secret's read policy stay
 * in the template.
 */
public record EvidenceConfig(String catalogTable, String learningTable, String evidenceBucket, String webAppUrl,
                             String apiUrl) {

    public static EvidenceConfig from(FunctionEnvironment environment) {
        return new EvidenceConfig(environment.required("CATALOG_TABLE"), environment.required("LEARNING_TABLE"),
                environment.required("EVIDENCE_BUCKET"), environment.required("WEB_APP_URL"),
                environment.required("API_URL"));
    }
}
