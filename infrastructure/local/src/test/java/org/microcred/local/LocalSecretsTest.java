package org.microcred.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {
    static final URI BASE = URI.create("http://127.0.0.1:3123/");
    static final Map<String, String> EVIDENCE = Map.of("API_URL", "https://api.microcred.example",
            "REVIEW_LINK_SECRET_ARN", "ReviewLinkSecret");

    @Test
    void apply_pointsApiUrlAtThisStack_andHandsOverTheReviewLinkKey() {
        Map<String, String> environment = LocalSecrets.in(Optional.empty()).apply(EVIDENCE, BASE);

        assertThat(environment.get("API_URL")).isEqualTo("http://127.0.0.1:3123");
        assertThat(environment.get(LocalSecrets.REVIEW_LINK_KEY)).hasSize(64);
    }

    @Test
    void apply_leavesFunctionsWithoutTheseVariablesAlone() {
        Map<String, String> environment = LocalSecrets.in(Optional.empty()).apply(Map.of("LEARNING_TABLE", "t"), BASE);

        assertThat(environment).isEqualTo(Map.of("LEARNING_TABLE", "t"));
    }

    @Test
    void reviewLinkKey_inADataDirectory_survivesARestart(@TempDir Path identity) {
        String first = LocalSecrets.in(Optional.of(identity)).apply(EVIDENCE, BASE).get(LocalSecrets.REVIEW_LINK_KEY);
        String second = LocalSecrets.in(Optional.of(identity)).apply(EVIDENCE, BASE).get(LocalSecrets.REVIEW_LINK_KEY);

        assertThat(second).isEqualTo(first);
    }

    static final Map<String, String> ISSUER = Map.of("BADGES_TABLE", "b",
            "BADGE_SIGNING_KEY_ID", "<unresolved locally: Ref BadgeSigningKey>");

    @Test
    void apply_givesTheBadgeIssuerAPrivateP256Jwk() throws Exception {
        Map<String, String> environment = LocalSecrets.in(Optional.empty()).apply(ISSUER, BASE);

        JsonNode jwk = new ObjectMapper().readTree(environment.get(LocalSecrets.BADGE_SIGNING_KEY));
        assertThat(jwk.path("kty").asText()).isEqualTo("EC");
        assertThat(jwk.path("crv").asText()).isEqualTo("P-256");
        for (String member : new String[] {"x", "y", "d"}) {
            assertThat(Base64.getUrlDecoder().decode(jwk.path(member).asText())).as(member).hasSize(32);
        }
    }

    @Test
    void badgeSigningKey_inADataDirectory_survivesARestart_andEphemeralStacksGetFreshOnes(@TempDir Path identity) {
        String first = LocalSecrets.in(Optional.of(identity)).apply(ISSUER, BASE).get(LocalSecrets.BADGE_SIGNING_KEY);
        String second = LocalSecrets.in(Optional.of(identity)).apply(ISSUER, BASE).get(LocalSecrets.BADGE_SIGNING_KEY);
        String ephemeral = LocalSecrets.in(Optional.empty()).apply(ISSUER, BASE).get(LocalSecrets.BADGE_SIGNING_KEY);

        assertThat(second).isEqualTo(first);
        assertThat(identity.resolve("badge-signing-key.jwk")).exists();
        assertThat(ephemeral).isNotEqualTo(first);
    }

    @Test
    void badgeProofKey_isAnEd25519Seed_keptInADataDirectory(@TempDir Path identity) {
        Map<String, String> issuer = Map.of("BADGE_PROOF_KEY_ID", "<unresolved locally: Ref BadgeProofKey>");

        String first = LocalSecrets.in(Optional.of(identity)).apply(issuer, BASE).get(LocalSecrets.BADGE_PROOF_KEY);
        String second = LocalSecrets.in(Optional.of(identity)).apply(issuer, BASE).get(LocalSecrets.BADGE_PROOF_KEY);

        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(second);
        assertThat(identity.resolve("badge-proof-key.hex")).exists();
        assertThat(LocalSecrets.in(Optional.empty()).apply(EVIDENCE, BASE)).doesNotContainKey(LocalSecrets.BADGE_PROOF_KEY);
    }

    @Test
    void functionsWithoutTheSigningKeyId_getNoSigningKey() {
        Map<String, String> environment = LocalSecrets.in(Optional.empty()).apply(EVIDENCE, BASE);

        assertThat(environment).doesNotContainKey(LocalSecrets.BADGE_SIGNING_KEY);
    }
}
