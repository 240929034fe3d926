package org.microcred.badgeissuer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.badgeissuer.BadgeIssuerConfig;
import org.microcred.badgeissuer.model.Award;
import org.microcred.badgeissuer.model.AwardSources;
import org.microcred.badgeissuer.model.Badge;
import org.microcred.badgeissuer.model.Enrollment;
import org.microcred.badgeissuer.signing.CredentialSigner;
import org.microcred.badgeissuer.signing.ProofKeys;
import org.microcred.badgeissuer.signing.Signers;
import org.microcred.badgeissuer.store.AwardStore;
import org.microcred.badgeissuer.support.AwardFixture;
import org.microcred.dataintegrity.EddsaRdfc2022;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.records.badges.BadgesTable;
import org.microcred.records.badges.IssuerKey;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A real badge, built and signed as issuance does, goes through BadgesTable and comes back with
 * its VC-JWT and its credential with proof identical to the characters that were signed, from a
 * badge item of a few kilobytes; the same badge stored the way badges were before issue 16 reads
 * back identically too.
 */
@WithEmulators
class StoredCredentialsTest {

    @Test
    void issuedBadge_readsBackCharacterForCharacter_fromACompactItem(TestStack stack) {
        AwardFixture fixture = new AwardFixture(stack);
        FunctionEnvironment environment = fixture.environment;
        BadgeIssuerConfig config = BadgeIssuerConfig.from(environment);
        AwardStore awards = AwardStore.forEnvironment(environment, config.learningTable(), config.catalogTable(),
                config.organizationsTable());
        BadgeRecords records = new BadgeRecords(new BadgesTable(stack.dynamoDb(), config.badgesTable()));
        BadgeUrls urls = new BadgeUrls(config.apiUrl());
        CredentialSigner signer = Signers.forEnvironment(environment);
        BadgeIssuance issuance = new BadgeIssuance(awards, records, signer, new EmbeddedProofs(new EddsaRdfc2022(),
                ProofKeys.forEnvironment(environment), urls), urls, Clock.systemUTC());
        String enrollmentId = fixture.enrolledWithEvidence("Ada Byron", "ada.byron@riverbend.example");
        Badge built = issuance.build(BadgeIds.forEnrollment(enrollmentId), sources(awards, enrollmentId));

        assertThat(records.issue(built.stored(), new IssuerKey(signer.publicKey().thumbprint(),
                Json.write(signer.publicKey().members()), built.issuedAt()), null)).isEqualTo(BadgeRecords.Written.ISSUED);

        var read = records.find(built.badgeId(), true).orElseThrow();
        assertThat(read.credentialJwt()).isEqualTo(built.credentialJwt());
        assertThat(read.credentialWithProof()).isEqualTo(built.credentialWithProof());
        assertThat(read).isEqualTo(built.stored());
        Map<String, AttributeValue> item = fixture.badge(enrollmentId);
        assertThat(item).doesNotContainKeys("credentialJwt", "credentialWithProof", "credential");
        int plain = built.credentialJwt().length() + built.credentialWithProof().length();
        assertThat(plain).as("the two copies as plain strings").isGreaterThan(12_000);
        System.out.printf("Stored badge item: %d bytes (the two copies as plain strings: %d characters)%n",
                size(item), plain);
        assertThat(size(item)).as("bytes of the stored badge item").isLessThan(4 * 1024);

        Map<String, AttributeValue> before16 = new HashMap<>(item);
        before16.remove("credentials");
        before16.put("pk", AttributeValue.fromS("BADGE#bdg-before-issue-16"));
        before16.put("badgeId", AttributeValue.fromS("bdg-before-issue-16"));
        before16.put("credentialJwt", AttributeValue.fromS(built.credentialJwt()));
        before16.put("credentialWithProof", AttributeValue.fromS(built.credentialWithProof()));
        stack.dynamoDb().putItem(r -> r.tableName(config.badgesTable()).item(before16));
        var old = records.find("bdg-before-issue-16", true).orElseThrow();
        assertThat(old.credentialJwt()).isEqualTo(built.credentialJwt());
        assertThat(old.credentialWithProof()).isEqualTo(built.credentialWithProof());
    }

    private static AwardSources sources(AwardStore awards, String enrollmentId) {
        Enrollment enrollment = awards.enrollment(enrollmentId).orElseThrow();
        Award award = new Award(enrollmentId, 1, enrollmentId + ".1", "2026-03-05T15:00:00.000Z", "Dana Whitfield",
                List.of(new Award.Score("actionable", "exemplary"), new Award.Score("follow-up", "proficient")));
        return new AwardSources(award, enrollment, awards.microCredential(enrollment.microCredentialId(),
                enrollment.microCredentialVersion()).orElseThrow(), awards.issuer(enrollment.organizationId(),
                enrollment.organizationName()), awards.artifacts(enrollmentId, 1));
    }

    /** An item's size by DynamoDB's rules: names and values in bytes, lists and maps 3 bytes plus 1 per element. */
    private static int size(Map<String, AttributeValue> item) {
        return item.entrySet().stream().mapToInt(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length
                + size(e.getValue())).sum();
    }

    private static int size(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value.n() != null) {
            return value.n().length() / 2 + 2;
        }
        if (value.b() != null) {
            return value.b().asByteArrayUnsafe().length;
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToInt(v -> 1 + size(v)).sum();
        }
        if (value.hasM()) {
            return 3 + size(value.m()) + value.m().size();
        }
        return 1;
    }
}
