package org.microcred.reviewlinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReviewLinksTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    final ReviewLinks links = new ReviewLinks("k".repeat(32).getBytes(StandardCharsets.UTF_8), Duration.ofDays(14));

    @Test
    void issuedToken_verifiesForItsSubmissionAndCoach_untilItExpires() {
        String token = links.issue("enr-abc.2", "u-priya", NOW);

        var grant = links.verify(token, NOW.plus(Duration.ofDays(13))).orElseThrow();
        assertThat(grant.submissionId()).isEqualTo("enr-abc.2");
        assertThat(grant.coachId()).isEqualTo("u-priya");
        assertThat(links.verify(token, NOW.plus(Duration.ofDays(14)))).isEmpty();
    }

    @Test
    void token_signedWithAnotherKey_orAltered_orGarbage_isRefused() {
        ReviewLinks other = new ReviewLinks("x".repeat(32).getBytes(StandardCharsets.UTF_8), Duration.ofDays(14));
        String token = links.issue("enr-abc.1", "u-priya", NOW);
        String payload = token.substring(0, token.indexOf('.'));

        assertThat(other.verify(token, NOW)).isEmpty();
        assertThat(links.verify(payload + "x" + token.substring(token.indexOf('.')), NOW)).isEmpty();
        assertThat(links.verify("not-a-token", NOW)).isEmpty();
        assertThat(links.verify(null, NOW)).isEmpty();
    }

    @Test
    void expiredToken_isRecognisedAsExpired_whileAlteredOrForeignOnesAreNot() {
        String token = links.issue("enr-abc.1", "u-priya", NOW);
        ReviewLinks other = new ReviewLinks("x".repeat(32).getBytes(StandardCharsets.UTF_8), Duration.ofDays(14));
        String altered = token.substring(0, token.indexOf('.')) + "x" + token.substring(token.indexOf('.'));
        java.time.Instant later = NOW.plus(Duration.ofDays(15));

        assertThat(links.isExpired(token, later)).isTrue();
        assertThat(links.isExpired(token, NOW)).isFalse();
        assertThat(links.isExpired(altered, later)).isFalse();
        assertThat(other.isExpired(token, later)).isFalse();
        assertThat(links.isExpired("garbage", later)).isFalse();
    }
}
