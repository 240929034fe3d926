package org.microcred.records.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.records.learning.OutboxWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Badges issued, read back and revoked through the one badge mapping, against DynamoDB Local. */
@WithEmulators
class BadgeRecordsTest {
    private static TestStack stack;
    private static BadgeRecords badges;
    private static IssuerRecords issuers;

    @BeforeAll
    static void start(TestStack testStack) {
        stack = testStack;
        BadgesTable table = new BadgesTable(stack.dynamoDb(), stack.tableName("BadgesTable"));
        badges = new BadgeRecords(table, new OutboxWriter(stack.dynamoDb(), stack.tableName("LearningTable")));
        issuers = new IssuerRecords(table);
    }

    @Test
    void issue_thenFind_readsBackWhatWasWritten() {
        Badge issued = badge("bdg-000000000000000000000001", "u-read", "mc-read");

        assertThat(badges.issue(issued, key("kid-read"), email("enr-read#badge-issued"))).isEqualTo(BadgeRecords.Written.ISSUED);

        assertThat(badges.find(issued.badgeId(), true)).contains(issued);
        assertThat(badges.exists(issued.badgeId())).isTrue();
        assertThat(issuers.key("org-a", "kid-read")).contains(key("kid-read"));
        assertThat(issuers.publishesMultikey("org-a", "z6Mk-read")).isTrue();
        assertThat(outbox("enr-read#badge-issued")).containsEntry("to",
                AttributeValue.fromL(List.of(AttributeValue.fromS("learner@example.org"))));
    }

    @Test
    void issue_storesTheCredentialsCompressed_outOfTheLearnersIndex() {
        Badge issued = badge("bdg-000000000000000000000006", "u-packed", "mc-packed");
        badges.issue(issued, key("kid-packed"), email("enr-packed#badge-issued"));

        Map<String, AttributeValue> item = stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("BadgesTable"))
                .key(BadgeKeys.badge(issued.badgeId()))).item();
        assertThat(item).containsKey("credentials").doesNotContainKeys("credentialJwt", "credentialWithProof");
        assertThat(item.get("credentials").b()).isNotNull();
        Badge listed = badges.byLearner("u-packed", 10, Optional.empty()).items().get(0);
        assertThat(listed.badgeId()).isEqualTo(issued.badgeId());
        assertThat(listed.evidence()).isEqualTo(issued.evidence());
        assertThat(listed.credentialJwt()).isNull();
    }

    @Test
    void find_anItemWrittenBeforeIssue16_readsItsPlainCredentials() {
        Badge issued = badge("bdg-000000000000000000000007", "u-plain", "mc-plain");
        Map<String, AttributeValue> item = new HashMap<>(BadgeItems.item(issued));
        item.remove("credentials");
        item.put("credentialJwt", AttributeValue.fromS(issued.credentialJwt()));
        item.put("credentialWithProof", AttributeValue.fromS(issued.credentialWithProof()));
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("BadgesTable")).item(item));

        assertThat(badges.find(issued.badgeId(), false)).contains(issued);
        assertThat(badges.byLearner("u-plain", 10, Optional.empty()).items()).extracting(Badge::badgeId)
                .containsExactly(issued.badgeId());
    }

    @Test
    void issue_whenTheBadgeExists_writesNothing() {
        Badge issued = badge("bdg-000000000000000000000002", "u-twice", "mc-twice");
        badges.issue(issued, key("kid-twice"), email("enr-twice#badge-issued"));

        assertThat(badges.issue(issued, key("kid-twice"), email("enr-twice#badge-issued-again")))
                .isEqualTo(BadgeRecords.Written.ALREADY_ISSUED);
        assertThat(outbox("enr-twice#badge-issued-again")).isEmpty();
    }

    @Test
    void revoke_setsTheStatus_listsTheRevocation_once() {
        Badge issued = badge("bdg-000000000000000000000003", "u-revoked", "mc-revoked");
        badges.issue(issued, key("kid-revoked"), email("enr-revoked#badge-issued"));
        Revocation revocation = new Revocation(issued.badgeId(), "2026-05-01T10:00:00Z", "Issued in error");

        assertThat(badges.revoke(issued, revocation, "admin-1", email("enr-revoked#badge-revoked"))).isTrue();
        assertThat(badges.revoke(issued, revocation, "admin-1", email("enr-revoked#badge-revoked"))).isFalse();

        Badge now = badges.find(issued.badgeId(), true).orElseThrow();
        assertThat(now.revoked()).isTrue();
        assertThat(now.revocationReason()).isEqualTo("Issued in error");
        assertThat(now.revokedBy()).isEqualTo("admin-1");
        assertThat(issuers.revocations("org-a")).contains(revocation);
    }

    @Test
    void held_listsALearnersBadgesOfOneMicroCredential() {
        badges.issue(badge("bdg-000000000000000000000004", "u-held", "mc-held"), key("kid-held"),
                email("enr-held#badge-issued"));
        badges.issue(badge("bdg-000000000000000000000005", "u-held", "mc-other"), key("kid-held"),
                email("enr-held-2#badge-issued"));

        assertThat(badges.held("u-held", "mc-held"))
                .containsExactly(new HeldBadge("bdg-000000000000000000000004", "org-a", Badge.ACTIVE));
        assertThat(badges.byLearner("u-held", 10, Optional.empty()).items()).hasSize(2);
    }

    static Badge badge(String badgeId, String learnerId, String microCredentialId) {
        return badge(badgeId, learnerId, microCredentialId, "org-a", "z6Mk-read");
    }

    static Badge badge(String badgeId, String learnerId, String microCredentialId, String organizationId,
                       String proofKeyMultibase) {
        return new Badge(badgeId, "enr-" + badgeId, "sub-1", 1, learnerId, "Lee Learner", "learner@example.org",
                organizationId, "Org A", microCredentialId, 2, "Title", "2026-04-01T09:00:00.000Z",
                "2026-04-01T09:00:00.000Z", null, "eyJhbGciOiJFUzI1NiJ9.eyJpZCI6ImJhZGdlIn0.c2ln", null, "kid",
                "https://api.example/achievements/" + microCredentialId,
                List.of(new Badge.EvidenceRef("art-1", "req-1", "Lesson plan", "file", "Lesson plan", "plan.pdf", null),
                        new Badge.EvidenceRef("art-2", "req-2", "Reflection", "link", "Reflection", null, "https://x.example")),
                List.of(new Badge.CriterionResult("crit-1", "Planning", "lvl-2", "Proficient", true)), 1.5, "salt",
                "sha256$hash", Badge.ACTIVE, null, null, null, "{\"id\":\"badge\",\"proof\":{}}", proofKeyMultibase);
    }

    static IssuerKey key(String kid) {
        return new IssuerKey(kid, "{\"kty\":\"EC\"}", "2026-04-01T09:00:00.000Z");
    }

    private static OutboxEmail email(String messageId) {
        return new OutboxEmail(messageId, "org-a", "Org A", List.of("learner@example.org"), null, "Subject",
                "<p>Hi</p>", "Hi", "2026-04-01T09:00:00.000Z");
    }

    private static Map<String, AttributeValue> outbox(String messageId) {
        return stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("LearningTable")).key(Map.of(
                "pk", AttributeValue.fromS("OUTBOX#" + messageId), "sk", AttributeValue.fromS("EMAIL")))).item();
    }
}
