package org.microcred.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
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
}
