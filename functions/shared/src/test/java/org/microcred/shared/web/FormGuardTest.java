package org.microcred.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormGuardTest {
    private static final byte[] KEY = "test-form-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);

    private final FormGuard guard = new FormGuard(KEY, "review-form");

    @Test
    void verify_acceptsTheFieldsIssuedForThatToken() {
        FormGuard.Fields fields = guard.issue("token-a");

        assertThat(guard.verify("token-a", fields.nonce(), fields.mac())).isTrue();
        assertThat(guard.issue("token-a").nonce()).isNotEqualTo(fields.nonce());
    }

    @Test
    void verify_refusesFieldsOfAnotherToken_anotherPurpose_anotherKey_orMissingOnes() {
        FormGuard.Fields fields = guard.issue("token-a");
        FormGuard otherPurpose = new FormGuard(KEY, "assessor-accept");
        FormGuard otherKey = new FormGuard("another-form-key-0123456789abcdef012345".getBytes(StandardCharsets.UTF_8),
                "review-form");

        assertThat(guard.verify("token-b", fields.nonce(), fields.mac())).isFalse();
        assertThat(otherPurpose.verify("token-a", fields.nonce(), fields.mac())).isFalse();
        assertThat(otherKey.verify("token-a", fields.nonce(), fields.mac())).isFalse();
        assertThat(guard.verify("token-a", fields.nonce(), fields.mac() + "x")).isFalse();
        assertThat(guard.verify("token-a", null, fields.mac())).isFalse();
        assertThat(guard.verify("token-a", " ", fields.mac())).isFalse();
        assertThat(guard.verify("token-a", fields.nonce(), null)).isFalse();
    }
}
