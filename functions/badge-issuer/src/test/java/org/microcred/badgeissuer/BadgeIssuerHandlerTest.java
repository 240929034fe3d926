package org.microcred.badgeissuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.StreamEvents.batch;
import static org.microcred.emulators.junit.StreamEvents.insert;
import static org.microcred.emulators.junit.StreamEvents.modify;
import static org.microcred.emulators.junit.StreamEvents.sequenceNumber;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.records.learning.OutboxItems;
import org.microcred.emulators.junit.ExpectedErrorLog;
import org.microcred.badgeissuer.service.BadgeIds;
import org.microcred.badgeissuer.support.AwardFixture;
import org.microcred.emulators.junit.LambdaTestContext;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * BadgeIssuerFunction against DynamoDB Local with the template's tables: mastery decisions on
 * the stream in, badge, issuer key and email items out.
 */
@WithEmulators
class BadgeIssuerHandlerTest {
    private static AwardFixture fixture;
    private static BadgeIssuerHandler handler;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new AwardFixture(stack);
        handler = fixture.handler();
    }

    @Test
    void mastery_issuesOneBadge_withTheAgreedItemAttributes() throws Exception {
        String enrollmentId = fixture.enrolledWithEvidence("Maya Lopez", "Maya.Lopez@riverbend.example");

        StreamsEventResponse response = invoke(batch(insert(fixture.decided(enrollmentId, 1, "mastery"))));

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> badge = fixture.badge(enrollmentId);
        String badgeId = BadgeIds.forEnrollment(enrollmentId);
        assertThat(badgeId).matches("bdg-[0-9a-f]{24}");
        assertThat(badge.get("badgeId").s()).isEqualTo(badgeId);
        assertThat(badge.get("enrollmentId").s()).isEqualTo(enrollmentId);
        assertThat(badge.get("submissionId").s()).isEqualTo(enrollmentId + ".1");
        assertThat(badge.get("attempt").n()).isEqualTo("1");
        assertThat(badge.get("learnerKey").s()).isEqualTo("LEARNER#usr-" + enrollmentId);
        assertThat(badge.get("learnerName").s()).isEqualTo("Maya Lopez");
        assertThat(badge.get("learnerEmail").s()).isEqualTo("Maya.Lopez@riverbend.example");
        assertThat(badge.get("organizationId").s()).isEqualTo(AwardFixture.ORGANIZATION);
        assertThat(badge.get("organizationName").s()).isEqualTo(AwardFixture.ORGANIZATION_NAME);
        assertThat(badge.get("microCredentialId").s()).isEqualTo("feedback-loops");
        assertThat(badge.get("microCredentialVersion").n()).isEqualTo("2");
        assertThat(badge.get("title").s()).isEqualTo("Feedback Loops that Move Learning Forward");
        assertThat(badge.get("issuedAt").s()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(badge.get("validFrom").s()).isEqualTo(badge.get("issuedAt").s());
        assertThat(badge).doesNotContainKey("validUntil");
        assertThat(badge.get("keyId").s()).isEqualTo(fixture.signingKey.computeThumbprint().toString());
        assertThat(badge.get("achievementId").s())
                .isEqualTo(AwardFixture.API_URL + "/microcredentials/feedback-loops?version=2");
        assertThat(badge.get("creditHours").n()).isEqualTo("12.5");
        assertThat(badge.get("status").s()).isEqualTo("active");
        assertThat(badge.get("evidence").l()).extracting(value -> value.m().get("name").s())
                .containsExactly("Feedback samples", "Lesson video", "Reflection");
        assertThat(badge.get("evidence").l().get(0).m()).containsEntry("artifactId", AttributeValue.fromS("art-file"))
                .containsEntry("requirementId", AttributeValue.fromS("feedback-samples"))
                .containsEntry("requirement", AttributeValue.fromS("Feedback samples"))
                .containsEntry("kind", AttributeValue.fromS("file"))
                .containsEntry("fileName", AttributeValue.fromS("samples-week-3.pdf"));
        assertThat(badge.get("evidence").l().get(1).m()).containsEntry("url",
                AttributeValue.fromS("https://video.example/clip-42"));
        assertThat(badge.get("results").l()).extracting(value -> value.m().get("criterionId").s() + "="
                + value.m().get("level").s() + "/" + value.m().get("passed").bool())
                .containsExactly("actionable=Exemplary/true", "follow-up=Proficient/true");
        String salt = badge.get("recipientSalt").s();
        assertThat(salt).matches("[0-9a-f]{32}");
        assertThat(badge.get("recipientHash").s())
                .isEqualTo(BadgeIds.recipientHash("maya.lopez@riverbend.example", salt)).startsWith("sha256$");
    }

    @Test
    void mastery_publishesTheIssuersPublicKey_andQueuesTheLearnersEmail() throws Exception {
        String enrollmentId = fixture.enrolledWithEvidence("Sam <b>Okafor</b>", "sam.okafor@riverbend.example");

        invoke(batch(insert(fixture.decided(enrollmentId, 1, "mastery"))));

        String kid = fixture.signingKey.computeThumbprint().toString();
        assertThat(fixture.issuerKeys()).singleElement().satisfies(key -> {
            assertThat(key.get("sk").s()).isEqualTo("KEY#" + kid);
            assertThat(key.get("kid").s()).isEqualTo(kid);
            assertThat(key.get("createdAt").s()).isNotBlank();
            assertThat(key.get("jwk").s()).doesNotContain("\"d\"");
        });
        Map<String, AttributeValue> email = fixture.email(enrollmentId);
        String link = AwardFixture.API_URL + "/badges/" + BadgeIds.forEnrollment(enrollmentId);
        assertThat(email.get("to").l()).extracting(AttributeValue::s).containsExactly("sam.okafor@riverbend.example");
        assertThat(email.get("messageId").s()).isEqualTo(enrollmentId + "#badge-issued");
        assertThat(email.get("fromName").s()).isEqualTo(AwardFixture.ORGANIZATION_NAME);
        assertThat(email.get("subject").s()).isEqualTo("Your badge: Feedback Loops that Move Learning Forward");
        assertThat(OutboxItems.email(email).html()).contains("Hello Sam &lt;b&gt;Okafor&lt;/b&gt;,", "href=\"" + link + "\"")
                .doesNotContain("<b>Okafor");
        assertThat(OutboxItems.email(email).text()).contains("Hello Sam <b>Okafor</b>,", "View your badge: " + link);
    }

    @Test
    void credential_verifiesWithAnIndependentLibrary_againstThePublishedKey() throws Exception {
        String enrollmentId = fixture.enrolledWithEvidence("Ana Silva", "ana.silva@riverbend.example");
        invoke(batch(insert(fixture.decided(enrollmentId, 1, "mastery"))));

        JWSObject jws = JWSObject.parse(fixture.credentialJwt(enrollmentId));
        ECKey published = ECKey.parse(fixture.issuerKeys().get(0).get("jwk").s());

        assertThat(published.isPrivate()).isFalse();
        assertThat(jws.verify(new ECDSAVerifier(published))).isTrue();
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jws.getHeader().getKeyID()).isEqualTo(AwardFixture.API_URL + "/issuers/" + AwardFixture.ORGANIZATION
                + "/keys/" + published.getKeyID());
        assertThat(jws.getHeader().getType().getType()).isEqualTo("vc+jwt");
    }

    @Test
    void credential_withOneByteOfThePayloadChanged_failsVerification() throws Exception {
        String enrollmentId = fixture.enrolledWithEvidence("Lee Chen", "lee.chen@riverbend.example");
        invoke(batch(insert(fixture.decided(enrollmentId, 1, "mastery"))));
        String jwt = fixture.credentialJwt(enrollmentId);
        ECKey published = ECKey.parse(fixture.issuerKeys().get(0).get("jwk").s());
        String[] parts = jwt.split("\\.");
        byte[] payload = java.util.Base64.getUrlDecoder().decode(parts[1]);
        int at = new String(payload, java.nio.charset.StandardCharsets.UTF_8).indexOf("Lee Chen");
        payload[at] = (byte) 'M';
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload)
                + "." + parts[2];

        assertThat(JWSObject.parse(jwt).verify(new ECDSAVerifier(published))).isTrue();
        assertThat(JWSObject.parse(tampered).verify(new ECDSAVerifier(published))).isFalse();
    }

    @Test
    void fiftyParallelDeliveriesOfOneAward_issueOneBadgeAndOneEmail() throws Exception {
        String enrollmentId = fixture.enrolledWithEvidence("Priya Raman", "priya.raman@riverbend.example");
        DynamodbEvent event = batch(insert(fixture.decided(enrollmentId, 1, "mastery")));
        List<BadgeIssuerHandler> containers = List.of(fixture.handler(), fixture.handler(), fixture.handler());

        List<StreamsEventResponse> responses = Parallel.run(50, i -> containers.get(i % containers.size())
                .handleRequest(event, new LambdaTestContext("BadgeIssuerFunction")));

        assertThat(responses).hasSize(50).allSatisfy(response -> assertThat(response.getBatchItemFailures()).isEmpty());
        assertThat(fixture.badgeItemsFor(enrollmentId)).isEqualTo(1);
        assertThat(fixture.outboxItemsFor(enrollmentId)).isEqualTo(1);
    }

    @Test
    void replayedAward_changesNothing() {
        String enrollmentId = fixture.enrolledWithEvidence("Tom Becker", "tom.becker@riverbend.example");
        DynamodbEvent event = batch(insert(fixture.decided(enrollmentId, 1, "mastery")));
        invoke(event);
        Map<String, AttributeValue> first = fixture.badge(enrollmentId);
        Map<String, AttributeValue> firstEmail = fixture.email(enrollmentId);

        StreamsEventResponse replay = fixture.handler().handleRequest(event, new LambdaTestContext("BadgeIssuerFunction"));

        assertThat(replay.getBatchItemFailures()).isEmpty();
        assertThat(fixture.badge(enrollmentId)).isEqualTo(first);
        assertThat(fixture.email(enrollmentId)).isEqualTo(firstEmail);
        assertThat(fixture.badgeItemsFor(enrollmentId)).isEqualTo(1);
    }

    @Test
    void needsRevisionAndOtherChanges_issueNothing() {
        String enrollmentId = fixture.enrolledWithEvidence("Eva Novak", "eva.novak@riverbend.example");
        Map<String, AttributeValue> revision = fixture.decided(enrollmentId, 1, "needs-revision");
        Map<String, AttributeValue> mastery = new HashMap<>(revision);
        mastery.put("outcome", AttributeValue.fromS("mastery"));
        Map<String, AttributeValue> notADecision = new HashMap<>(mastery);
        notADecision.put("sk", AttributeValue.fromS("ATTEMPT#0001"));

        StreamsEventResponse response = invoke(batch(insert(revision), modify(revision, mastery), insert(notADecision)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(fixture.badge(enrollmentId)).isEmpty();
        assertThat(fixture.outboxItemsFor(enrollmentId)).isZero();
    }

    @Test
    void awardWithoutItsEnrolment_isReportedForRetry_afterTheAwardsBeforeItAreIssued() {
        String issued = fixture.enrolledWithEvidence("Ines Duarte", "ines.duarte@riverbend.example");
        var first = insert(fixture.decided(issued, 1, "mastery"));
        var orphan = insert(fixture.decided("enr-missing-" + issued, 1, "mastery"));
        String later = fixture.enrolledWithEvidence("Kofi Mensah", "kofi.mensah@riverbend.example");
        var third = insert(fixture.decided(later, 1, "mastery"));

        StreamsEventResponse response = invokeExpectingAFailure(batch(first, orphan, third));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sequenceNumber(orphan));
        assertThat(fixture.badge(issued)).isNotEmpty();
        assertThat(fixture.badge(later)).isEmpty();
    }

    @Test
    void masteryWithAnUnreadableDecision_isReportedForRetry_notDropped() {
        String enrollmentId = fixture.enrolledWithEvidence("Noor Haddad", "noor.haddad@riverbend.example");
        Map<String, AttributeValue> broken = new HashMap<>(fixture.decided(enrollmentId, 1, "mastery"));
        broken.put("decision", AttributeValue.fromS("{not json"));
        var record = insert(broken);

        StreamsEventResponse response = invokeExpectingAFailure(batch(record));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sequenceNumber(record));
        assertThat(fixture.badge(enrollmentId)).isEmpty();
    }

    /** The handler logs the record it reports for retry; the test asserts the report instead. */
    private static StreamsEventResponse invokeExpectingAFailure(DynamodbEvent event) {
        try (var expected = ExpectedErrorLog.from(BadgeIssuerHandler.class)) {
            return invoke(event);
        }
    }

    private static StreamsEventResponse invoke(DynamodbEvent event) {
        return handler.handleRequest(event, new LambdaTestContext("BadgeIssuerFunction"));
    }
}
