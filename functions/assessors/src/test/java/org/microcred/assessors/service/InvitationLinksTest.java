package org.microcred.assessors.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.microcred.reviewlinks.ReviewLinks;

/** The accept link's token: genuine, expiring, and good for nothing but accepting an invitation. */
class InvitationLinksTest {
    private static final byte[] SECRET = "test-review-link-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final InvitationLinks links = new InvitationLinks(SECRET, Duration.ofDays(14));
    private final ReviewLinks reviewLinks = new ReviewLinks(SECRET, ReviewLinks.DEFAULT_VALIDITY);

    @Test
    void verify_aFreshToken_grantsItsInvitation() {
        String token = links.issue("org-riverbend", "exit-tickets", "u-bea", 2, NOW.plus(Duration.ofDays(14)));

        assertThat(links.verify(token, NOW)).contains(new InvitationLinks.Grant("org-riverbend", "exit-tickets", "u-bea",
                2, NOW.plus(Duration.ofDays(14)).getEpochSecond()));
    }

    @Test
    void verify_aTamperedPayload_isRefused() {
        String token = links.issue("org-riverbend", "exit-tickets", "u-bea", 1, NOW.plus(Duration.ofDays(14)));
        String other = links.issue("org-riverbend", "exit-tickets", "u-eve", 1, NOW.plus(Duration.ofDays(14)));
        String swapped = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));

        assertThat(links.verify(swapped, NOW)).isEmpty();
        assertThat(links.isExpired(swapped, NOW.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void verify_afterExpiry_isRefusedAndReportedAsExpired() {
        String token = links.issue("org-riverbend", "exit-tickets", "u-bea", 1, NOW.plus(Duration.ofDays(14)));
        Instant later = NOW.plus(Duration.ofDays(14)).plusSeconds(1);

        assertThat(links.verify(token, later)).isEmpty();
        assertThat(links.isExpired(token, later)).isTrue();
    }

    @Test
    void aReviewLinkToken_isNoInvitation_andAnInvitationToken_isNoReviewLink() {
        String review = reviewLinks.issue("enr-aaaaaaaaaaaaaaaaaaaa.1", "u-bea", NOW);
        String invitation = links.issue("org-riverbend", "exit-tickets", "u-bea", 1, NOW.plus(Duration.ofDays(14)));

        assertThat(links.verify(review, NOW)).isEmpty();
        assertThat(links.isExpired(review, NOW.plus(Duration.ofDays(60)))).isFalse();
        assertThat(reviewLinks.verify(invitation, NOW)).isEmpty();
    }

    @Test
    void verify_withAnotherSecret_isRefused() {
        InvitationLinks otherKey = new InvitationLinks("another-secret-key-0123456789abcdef0123456789"
                .getBytes(StandardCharsets.UTF_8), Duration.ofDays(14));
        String token = otherKey.issue("org-riverbend", "exit-tickets", "u-bea", 1, NOW.plus(Duration.ofDays(14)));

        assertThat(links.verify(token, NOW)).isEmpty();
    }

    @Test
    void verify_garbage_isRefused() {
        assertThat(links.verify("not-a-token", NOW)).isEmpty();
        assertThat(links.verify("", NOW)).isEmpty();
        assertThat(links.verify("a.b.c", NOW)).isEmpty();
    }
}
