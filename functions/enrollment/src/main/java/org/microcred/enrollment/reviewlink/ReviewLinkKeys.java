package org.microcred.evidence.store;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.microcred.evidence.EvidenceConfig;
import org.microcred.shared.aws.AwsClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The HMAC key of review links, read once at init. Locally the stack hands it over in
 * {@code MICROCRED_REVIEW_LINK_KEY}; in AWS it is the secret {@code REVIEW_LINK_SECRET_ARN}
 * names, fetched with one Secrets Manager {@code GetSecretValue} call.
 */
public final class ReviewLinkKeys {
    private ReviewLinkKeys() {
    }

    public static byte[] load(FunctionEnvironment environment, EvidenceConfig config) {
        Optional<String> local = environment.optional(EvidenceConfig.LOCAL_REVIEW_LINK_KEY);
        if (local.isPresent()) {
            return local.get().getBytes(StandardCharsets.UTF_8);
        }
        if (environment.optional(FunctionEnvironment.DYNAMODB_ENDPOINT).isPresent()) {
            // Against emulators there is no Secrets Manager; fail at init instead of calling AWS.
            throw new IllegalStateException(EvidenceConfig.LOCAL_REVIEW_LINK_KEY + " must be set outside AWS");
        }
        if (config.reviewLinkSecretArn().isBlank()) {
            throw new IllegalStateException("Neither REVIEW_LINK_SECRET_ARN nor " + EvidenceConfig.LOCAL_REVIEW_LINK_KEY
                    + " is set");
        }
        return fromSecretsManager(environment, config.reviewLinkSecretArn()).getBytes(StandardCharsets.UTF_8);
    }

    /** One GetSecretValue at init; the client is closed at once, nothing else in the function needs it. */
    private static String fromSecretsManager(FunctionEnvironment environment, String secretArn) {
        try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                .httpClient(AwsClients.httpClient())
                .region(AwsClients.region(environment))
                .credentialsProvider(AwsClients.credentials(Optional.empty()))
                .build()) {
            return secrets.getSecretValue(request -> request.secretId(secretArn)).secretString();
        }
    }
}
