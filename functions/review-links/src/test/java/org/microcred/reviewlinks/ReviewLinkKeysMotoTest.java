package org.microcred.reviewlinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.moto.MotoServer;
import org.microcred.emulators.moto.WithMoto;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The review-link key read the way it is in AWS, from the secret {@code REVIEW_LINK_SECRET_ARN}
 * names, with moto's Secrets Manager standing in ({@code MICROCRED_SECRETSMANAGER_ENDPOINT}).
 * The environments also carry a DynamoDB endpoint, as every function run against emulators does.
 */
@WithMoto
class ReviewLinkKeysMotoTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final SecretsManagerClient secrets;
    private final String endpoint;

    ReviewLinkKeysMotoTest(MotoServer moto) {
        this.secrets = moto.secretsManager();
        this.endpoint = moto.endpoint().toString();
    }

    @Test
    void load_withTheSecretArn_readsTheKeyFromSecretsManager() {
        String key = "k3RdX9vQ2mZt7LpW4nBf8sHc1yJe6uGa0oVi5qTr3wEx9zNb2dMl7kPj4hCg8fSa";
        String arn = secrets.createSecret(r -> r.name("microcred/review-link-key").secretString(key)).arn();

        byte[] loaded = ReviewLinkKeys.load(environment(arn));

        assertThat(new String(loaded, StandardCharsets.UTF_8)).isEqualTo(key);
        String token = new ReviewLinks(loaded, ReviewLinks.DEFAULT_VALIDITY).issue("enr-1.1", "usr-coach", NOW);
        assertThat(new ReviewLinks(key.getBytes(StandardCharsets.UTF_8), ReviewLinks.DEFAULT_VALIDITY).verify(token, NOW))
                .hasValueSatisfying(grant -> assertThat(grant.coachId()).isEqualTo("usr-coach"));
    }

    @Test
    void load_afterTheSecretIsRotated_readsTheCurrentVersion() {
        String arn = secrets.createSecret(r -> r.name("microcred/rotated-key").secretString("first-key-0123456789"))
                .arn();
        secrets.putSecretValue(r -> r.secretId(arn).secretString("second-key-9876543210"));

        assertThat(new String(ReviewLinkKeys.load(environment(arn)), StandardCharsets.UTF_8))
                .isEqualTo("second-key-9876543210");
    }

    @Test
    void load_ofASecretThatDoesNotExist_failsNamingTheSecretAndTheVariable() {
        String missing = "arn:aws:secretsmanager:us-east-1:123456789012:secret:microcred/nothing-here-AbCdEf";

        assertThatThrownBy(() -> ReviewLinkKeys.load(environment(missing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The secret " + missing + " named by REVIEW_LINK_SECRET_ARN does not exist: ");
    }

    @Test
    void load_ofASecretWithoutText_failsSayingSo() {
        String arn = secrets.createSecret(r -> r.name("microcred/binary-key")
                .secretBinary(SdkBytes.fromByteArray(new byte[] {1, 2, 3}))).arn();

        assertThatThrownBy(() -> ReviewLinkKeys.load(environment(arn)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The secret " + arn + " named by REVIEW_LINK_SECRET_ARN holds no text; the review link key "
                        + "must be its SecretString");
    }

    @Test
    void load_againstEmulatorsWithoutSecretsManager_failsInsteadOfCallingAws() {
        FunctionEnvironment withoutSecretsManager = FunctionEnvironment.of(Map.of(
                ReviewLinkKeys.SECRET_ARN, "arn:aws:secretsmanager:us-east-1:123456789012:secret:microcred/key-AbCdEf",
                FunctionEnvironment.DYNAMODB_ENDPOINT, "http://127.0.0.1:8000"));

        assertThatThrownBy(() -> ReviewLinkKeys.load(withoutSecretsManager))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("MICROCRED_REVIEW_LINK_KEY (or MICROCRED_SECRETSMANAGER_ENDPOINT) must be set outside AWS");
    }

    private FunctionEnvironment environment(String secretArn) {
        return FunctionEnvironment.of(Map.of(ReviewLinkKeys.SECRET_ARN, secretArn,
                FunctionEnvironment.SECRETSMANAGER_ENDPOINT, endpoint,
                FunctionEnvironment.DYNAMODB_ENDPOINT, "http://127.0.0.1:8000"));
    }
}
