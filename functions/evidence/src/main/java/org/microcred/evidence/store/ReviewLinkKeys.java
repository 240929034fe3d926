package org.microcred.evidence.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.microcred.evidence.EvidenceConfig;
import org.microcred.shared.aws.AwsClients;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The HMAC key of review links, read once at init. Locally the stack hands it over in
 * {@code MICROCRED_REVIEW_LINK_KEY}; in AWS it is the secret {@code REVIEW_LINK_SECRET_ARN}
 * names, fetched with one signed Secrets Manager {@code GetSecretValue} call (the SDK's
 * Secrets Manager module is not on this build's mirror; the SDK's own SigV4 signer is).
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

    private static String fromSecretsManager(FunctionEnvironment environment, String secretArn) {
        String region = AwsClients.region(environment).id();
        String body = Json.write(java.util.Map.of("SecretId", secretArn));
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("https://secretsmanager." + region + ".amazonaws.com/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue")
                .build();
        AwsCredentialsIdentity credentials = AwsClients.credentials(Optional.empty()).resolveIdentity().join();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = AwsClients.httpClient().prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            try (InputStream in = response.responseBody().orElseThrow()) {
                JsonNode json = Json.MAPPER.readTree(in);
                if (!response.httpResponse().isSuccessful() || !json.path("SecretString").isTextual()) {
                    throw new IllegalStateException("GetSecretValue of the review-link secret failed with HTTP "
                            + response.httpResponse().statusCode() + ": " + json.path("__type").asText());
                }
                return json.path("SecretString").asText();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Reading the review-link secret failed", e);
        }
    }
}
