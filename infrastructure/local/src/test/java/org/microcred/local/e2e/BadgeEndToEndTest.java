package org.microcred.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.LearnerJourney;
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.BadgesTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A demo paraprofessional enrols, submits her evidence, her coach records mastery over HTTP,
 * and within seconds the stream-triggered issuer has written a signed Open Badges 3.0 badge that
 * an independent JOSE library verifies against the issuer's published key.
 */
@WithLocalStack(seeded = true)
class BadgeEndToEndTest {
    private static final String ROSA = "u-riverbend-learner-rosa";

    @Test
    void coachRecordsMastery_andASignedBadgeIsIssuedWithinSeconds(RunningStack stack) throws Exception {
        LearnerJourney rosa = new LearnerJourney(stack, ROSA);
        JsonNode enrolled = rosa.enrol(LearnerJourney.microCredentialId(stack, "safe student supervision"));
        String enrollment = enrolled.path("id").asText();
        String coach = enrolled.path("coach").path("id").asText();
        rosa.uploadAndConfirm(enrollment, "zone-map", "recess-zones.pdf", "application/pdf", "%PDF-1.4 zones");
        rosa.uploadAndConfirm(enrollment, "observation-checklist", "checklist.pdf", "application/pdf",
                "%PDF-1.4 checklist");
        rosa.declareText(enrollment, "procedure-responses", "I radio the office first.");
        rosa.submit(enrollment);

        HttpResponse<String> decided = LearnerJourney.post(stack, coach, "/submissions/" + enrollment + ".1/decision", Map.of(
                "outcome", "mastery", "feedback", "Clear zones and calm procedures.", "scores", List.of(
                        Map.of("criterionId", "active-supervision", "levelId", "proficient"),
                        Map.of("criterionId", "procedures", "levelId", "exemplary"),
                        Map.of("criterionId", "zone-planning", "levelId", "proficient"))));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        Map<String, AttributeValue> badge = awaitBadge(stack, enrollment, Duration.ofSeconds(20));
        assertThat(badge.get("learnerName").s()).isEqualTo("Rosa Gutiérrez");
        assertThat(badge.get("status").s()).isEqualTo("active");
        JWSObject jws = JWSObject.parse(credentialJwt(stack, badge.get("badgeId").s()));
        ECKey published = ECKey.parse(issuerKey(stack, badge.get("keyId").s()));
        assertThat(jws.verify(new ECDSAVerifier(published))).isTrue();
        String base = stack.baseUri().toString().replaceAll("/$", "");
        assertThat(jws.getPayload().toJSONObject()).containsEntry("id", base + "/badges/" + badge.get("badgeId").s());

        boolean publicBadgeFunction = stack.stack().template().functions().stream()
                .anyMatch(function -> function.logicalId().equals("BadgeFunction"));
        if (publicBadgeFunction) {
            HttpResponse<String> verified = send(stack, stack.request("/badges/" + badge.get("badgeId").s() + "/verify"));
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            assertThat(json(verified).path("valid").asBoolean()).as(verified.body()).isTrue();
            for (String path : new String[] {"", "/image.svg"}) {
                HttpResponse<String> document = send(stack, stack.request("/badges/" + badge.get("badgeId").s() + path)
                        .header("accept", "text/html,image/svg+xml,*/*"));
                assertThat(document.statusCode()).as(path).isEqualTo(200);
                CatalogEndToEndTest.assertStrictPageHeaders(document);
            }
        }
    }

    private static Map<String, AttributeValue> awaitBadge(RunningStack stack, String enrollment, Duration timeout)
            throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("badge|" + enrollment).getBytes(StandardCharsets.UTF_8));
        String badgeId = "bdg-" + HexFormat.of().formatHex(Arrays.copyOf(digest, 12));
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, AttributeValue> item = stack.stack().emulators().dynamoDb().getItem(r -> r
                    .tableName(stack.stack().physicalNames().get("BadgesTable")).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("BADGE#" + badgeId), "sk", AttributeValue.fromS("BADGE"))))
                    .item();
            if (item != null && !item.isEmpty()) {
                return item;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No badge " + badgeId + " for enrolment " + enrollment + " after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** The VC-JWT as the badge function reads it (the item keeps it compressed, docs/data-model.md). */
    private static String credentialJwt(RunningStack stack, String badgeId) {
        return new BadgeRecords(new BadgesTable(stack.stack().emulators().dynamoDb(),
                stack.stack().physicalNames().get("BadgesTable"))).find(badgeId, true).orElseThrow().credentialJwt();
    }

    private static String issuerKey(RunningStack stack, String kid) {
        return stack.stack().emulators().dynamoDb().getItem(r -> r
                .tableName(stack.stack().physicalNames().get("BadgesTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("ISSUER#org-riverbend"), "sk", AttributeValue.fromS("KEY#" + kid))))
                .item().get("jwk").s();
    }
}
