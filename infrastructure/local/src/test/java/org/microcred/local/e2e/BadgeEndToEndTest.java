package org.microcred.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
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
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;
import org.microcred.shared.json.Json;
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
        HttpResponse<String> enrolled = post(stack, ROSA, "/microcredentials/"
                + microCredentialId(stack, "safe student supervision") + "/enrollments", null);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String enrollment = json(enrolled).path("id").asText();
        String coach = json(enrolled).path("coach").path("id").asText();
        uploadAndConfirm(stack, enrollment, "zone-map", "recess-zones.pdf", "%PDF-1.4 zones");
        uploadAndConfirm(stack, enrollment, "observation-checklist", "checklist.pdf", "%PDF-1.4 checklist");
        HttpResponse<String> responses = post(stack, ROSA, "/enrollments/" + enrollment + "/artifacts", Map.of(
                "requirementId", "procedure-responses", "kind", "text", "text", "I radio the office first."));
        assertThat(responses.statusCode()).as(responses.body()).isEqualTo(201);
        HttpResponse<String> submitted = post(stack, ROSA, "/enrollments/" + enrollment + "/submissions", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

        HttpResponse<String> decided = post(stack, coach, "/submissions/" + enrollment + ".1/decision", Map.of(
                "outcome", "mastery", "feedback", "Clear zones and calm procedures.", "scores", List.of(
                        Map.of("criterionId", "active-supervision", "levelId", "proficient"),
                        Map.of("criterionId", "procedures", "levelId", "exemplary"),
                        Map.of("criterionId", "zone-planning", "levelId", "proficient"))));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        Map<String, AttributeValue> badge = awaitBadge(stack, enrollment, Duration.ofSeconds(20));
        assertThat(badge.get("learnerName").s()).isEqualTo("Rosa Gutiérrez");
        assertThat(badge.get("status").s()).isEqualTo("active");
        JWSObject jws = JWSObject.parse(badge.get("credentialJwt").s());
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

    private static String issuerKey(RunningStack stack, String kid) {
        return stack.stack().emulators().dynamoDb().getItem(r -> r
                .tableName(stack.stack().physicalNames().get("BadgesTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("ISSUER#org-riverbend"), "sk", AttributeValue.fromS("KEY#" + kid))))
                .item().get("jwk").s();
    }

    private static void uploadAndConfirm(RunningStack stack, String enrollment, String requirementId, String name,
                                         String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = post(stack, ROSA, "/enrollments/" + enrollment + "/artifacts", Map.of(
                "requirementId", requirementId, "kind", "file", "fileName", name, "mediaType", "application/pdf",
                "sizeBytes", bytes.length, "sha256",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        JsonNode upload = json(declared).path("upload");
        HttpResponse<String> put = stack.http().send(HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .header("Content-Type", upload.path("headers").path("Content-Type").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        HttpResponse<String> confirmed = post(stack, ROSA, "/enrollments/" + enrollment + "/artifacts/"
                + json(declared).path("id").asText() + "/complete", null);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    }

    private static HttpResponse<String> post(RunningStack stack, String userId, String path, Object body) {
        HttpRequest.Builder request = stack.request(path).header("authorization", "Bearer " + stack.tokenFor(userId));
        if (body == null) {
            return send(stack, request.POST(HttpRequest.BodyPublishers.noBody()));
        }
        return send(stack, request.header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    private static String microCredentialId(RunningStack stack, String query) {
        HttpResponse<String> response = send(stack, stack.request("/microcredentials?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        return json(response).path("items").get(0).path("id").asText();
    }
}
