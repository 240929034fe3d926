package org.microcred.reviewlinks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.microcred.shared.aws.AwsClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The HMAC key of review links. Locally the stack hands it over in
 * {@code MICROCRED_REVIEW_LINK_KEY}; in AWS it is the secret {@code REVIEW_LINK_SECRET_ARN}
 * names, fetched with one Secrets Manager {@code GetSecretValue} call
 * ({@code MICROCRED_SECRETSMANAGER_ENDPOINT} points that call at an emulator instead).
 */
public final class ReviewLinkKeys {
    public static final String LOCAL_REVIEW_LINK_KEY = "MICROCRED_REVIEW_LINK_KEY";
    public static final String SECRET_ARN = "REVIEW_LINK_SECRET_ARN";

    private ReviewLinkKeys() {
    }

    /** The key from the function's environment; throws, saying what is missing, if it names none. */
    public static byte[] load(FunctionEnvironment environment) {
        Optional<String> local = environment.optional(LOCAL_REVIEW_LINK_KEY);
        if (local.isPresent()) {
            return local.get().getBytes(StandardCharsets.UTF_8);
        }
        Optional<String> endpoint = environment.optional(FunctionEnvironment.SECRETSMANAGER_ENDPOINT);
        if (endpoint.isEmpty() && environment.optional(FunctionEnvironment.DYNAMODB_ENDPOINT).isPresent()) {
            // Against emulators with no Secrets Manager; fail instead of calling AWS.
            throw new IllegalStateException(LOCAL_REVIEW_LINK_KEY + " (or " + FunctionEnvironment.SECRETSMANAGER_ENDPOINT
                    + ") must be set outside AWS");
        }
        String secretArn = environment.optional(SECRET_ARN, "");
        if (secretArn.isBlank()) {
            throw new IllegalStateException("Neither " + SECRET_ARN + " nor " + LOCAL_REVIEW_LINK_KEY + " is set");
        }
        return fromSecretsManager(environment, secretArn, endpoint).getBytes(StandardCharsets.UTF_8);
    }

    /** One GetSecretValue; the client is closed at once, nothing else in the function needs it. */
    private static String fromSecretsManager(FunctionEnvironment environment, String secretArn, Optional<String> endpoint) {
        var builder = SecretsManagerClient.builder()
                .httpClient(AwsClients.httpClient())
                .region(AwsClients.region(environment))
                .credentialsProvider(AwsClients.credentials(endpoint));
        endpoint.map(URI::create).ifPresent(builder::endpointOverride);
        try (SecretsManagerClient secrets = builder.build()) {
            String key = secrets.getSecretValue(request -> request.secretId(secretArn)).secretString();
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("The secret " + secretArn + " named by " + SECRET_ARN
                        + " holds no text; the review link key must be its SecretString");
            }
            return key;
        } catch (ResourceNotFoundException e) {
            throw new IllegalStateException("The secret " + secretArn + " named by " + SECRET_ARN
                    + " does not exist: " + e.awsErrorDetails().errorMessage(), e);
        }
    }
}
