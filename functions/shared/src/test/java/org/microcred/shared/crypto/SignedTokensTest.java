package org.microcred.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignedTokensTest {
    private static final byte[] KEY = "test-signing-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final long EXP = NOW.plusSeconds(60).getEpochSecond();

    record Ticket(String purpose, String id, long exp) implements SignedTokens.Claims {
        @Override
        public boolean complete() {
            return "ticket".equals(purpose) && id != null;
        }
    }

    private final SignedTokens<Ticket> tokens = new SignedTokens<>(KEY, Ticket.class);

    @Test
    void verify_givesBackTheSignedClaims_untilTheyExpire() {
        String token = tokens.sign(new Ticket("ticket", "t-1", EXP));

        assertThat(tokens.verify(token, NOW)).contains(new Ticket("ticket", "t-1", EXP));
        assertThat(tokens.isExpired(token, NOW)).isFalse();
        assertThat(tokens.verify(token, Instant.ofEpochSecond(EXP))).isEmpty();
        assertThat(tokens.isExpired(token, Instant.ofEpochSecond(EXP))).isTrue();
    }

    @Test
    void aSwappedPayload_anotherKey_orGarbage_isRefused_andNeverCalledExpired() {
        String token = tokens.sign(new Ticket("ticket", "t-1", EXP));
        String other = tokens.sign(new Ticket("ticket", "t-2", EXP));
        String swapped = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));
        String foreign = new SignedTokens<>(Hmac.derive(KEY, "other"), Ticket.class).sign(new Ticket("ticket", "t-1", EXP));
        Instant later = NOW.plusSeconds(3600);

        for (String bad : new String[] {swapped, foreign, "not-a-token", "", ".x", "a.b.c", null}) {
            assertThat(tokens.verify(bad, NOW)).as(String.valueOf(bad)).isEmpty();
            assertThat(tokens.isExpired(bad, later)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void incompleteClaims_areRefusedEvenWhenSigned() {
        String wrongPurpose = tokens.sign(new Ticket("invitation", "t-1", EXP));
        String noId = tokens.sign(new Ticket("ticket", null, EXP));

        assertThat(tokens.verify(wrongPurpose, NOW)).isEmpty();
        assertThat(tokens.verify(noId, NOW)).isEmpty();
        assertThat(tokens.isExpired(wrongPurpose, NOW.plusSeconds(3600))).isFalse();
    }
}
