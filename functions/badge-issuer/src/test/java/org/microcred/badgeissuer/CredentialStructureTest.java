package org.microcred.badgeissuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.StreamEvents.batch;
import static org.microcred.emulators.junit.StreamEvents.insert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.InputStream;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.badgeissuer.service.BadgeIds;
import org.microcred.badgeissuer.support.AwardFixture;
import org.microcred.emulators.junit.LambdaTestContext;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The issued credential read as a verifier would: an Open Badges 3.0 OpenBadgeCredential as a VC-JWT. */
@WithEmulators
class CredentialStructureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "Grace.Hopper@riverbend.example";
    /** VC 2.0 data model terms (https://www.w3.org/ns/credentials/v2) used here, and the JWT claims. */
    private static final Set<String> VC_TERMS = Set.of("@context", "id", "type", "name", "description", "issuer",
            "validFrom", "validUntil", "credentialSubject", "credentialStatus", "credentialSchema", "evidence",
            "iss", "jti", "sub", "nbf", "exp");

    private static String enrollmentId;
    private static Map<String, AttributeValue> badge;
    private static String credentialJwt;
    private static String credentialWithProof;
    private static JsonNode payload;

    @BeforeAll
    static void issue(TestStack stack) throws Exception {
        AwardFixture fixture = new AwardFixture(stack);
        enrollmentId = fixture.enrolledWithEvidence("Grace Hopper", EMAIL);
        fixture.handler().handleRequest(batch(insert(fixture.decided(enrollmentId, 1, "mastery"))),
                new LambdaTestContext("BadgeIssuerFunction"));
        badge = fixture.badge(enrollmentId);
        credentialJwt = fixture.credentialJwt(enrollmentId);
        credentialWithProof = fixture.credentialWithProof(enrollmentId);
        payload = JSON.readTree(Base64.getUrlDecoder().decode(credentialJwt.split("\\.")[1]));
    }

    @Test
    void credential_isAVerifiableCredential2_withTheOpenBadges3Context() {
        assertThat(texts(payload.path("@context"))).containsExactly("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
        assertThat(texts(payload.path("type"))).containsExactly("VerifiableCredential", "OpenBadgeCredential");
        assertThat(payload.path("id").asText()).isEqualTo(AwardFixture.API_URL + "/badges/"
                + BadgeIds.forEnrollment(enrollmentId));
        assertThat(payload.path("name").asText()).isEqualTo("Feedback Loops that Move Learning Forward");
        assertThat(payload.path("validFrom").asText()).isEqualTo(badge.get("validFrom").s());
        assertThat(payload.has("validUntil")).isFalse();
        assertThat(payload.path("credentialStatus").path("type").asText()).isEqualTo("1EdTechRevocationList");
        assertThat(payload.path("credentialStatus").path("id").asText()).isEqualTo(AwardFixture.API_URL + "/issuers/"
                + AwardFixture.ORGANIZATION + "/revocations#" + BadgeIds.forEnrollment(enrollmentId));
    }

    @Test
    void issuer_isTheOrganisationsProfile() {
        JsonNode issuer = payload.path("issuer");
        assertThat(issuer.path("id").asText()).isEqualTo(AwardFixture.API_URL + "/issuers/" + AwardFixture.ORGANIZATION);
        assertThat(texts(issuer.path("type"))).containsExactly("Profile");
        assertThat(issuer.path("name").asText()).isEqualTo(AwardFixture.ORGANIZATION_NAME);
        assertThat(issuer.path("url").asText()).as("its own website").isEqualTo(AwardFixture.ISSUER_WEBSITE);
        assertThat(issuer.path("email").asText()).isEqualTo(AwardFixture.ISSUER_EMAIL);
        assertThat(issuer.path("description").asText()).startsWith("Professional learning");
        assertThat(issuer.path("image").path("id").asText()).isEqualTo(AwardFixture.ISSUER_IMAGE);
        assertThat(issuer.path("image").path("type").asText()).isEqualTo("Image");
    }

    @Test
    void jwtClaims_mirrorTheCredential() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(credentialJwt).getJWTClaimsSet();

        assertThat(claims.getIssuer()).isEqualTo(payload.path("issuer").path("id").asText());
        assertThat(claims.getJWTID()).isEqualTo(payload.path("id").asText());
        assertThat(claims.getSubject()).isEqualTo(payload.path("credentialSubject").path("id").asText())
                .startsWith("urn:uuid:");
        assertThat(claims.getNotBeforeTime().toInstant().getEpochSecond())
                .isEqualTo(java.time.Instant.parse(payload.path("validFrom").asText()).getEpochSecond());
        assertThat(claims.getExpirationTime()).isNull();
    }

    @Test
    void subject_identifiesTheLearnerByNameAndHashedEmail_neverThePlainEmail() throws Exception {
        JsonNode subject = payload.path("credentialSubject");
        assertThat(texts(subject.path("type"))).containsExactly("AchievementSubject");
        JsonNode email = subject.path("identifier").get(1);
        assertThat(email.path("identityType").asText()).isEqualTo("emailAddress");
        assertThat(email.path("hashed").asBoolean()).isTrue();
        assertThat(email.path("identityHash").asText())
                .isEqualTo(BadgeIds.recipientHash(EMAIL.toLowerCase(), email.path("salt").asText()));
        assertThat(subject.path("identifier").get(0).path("identityHash").asText()).isEqualTo("Grace Hopper");

        String jwtPayload = JSON.writeValueAsString(payload).toLowerCase();
        assertThat(jwtPayload).doesNotContain(EMAIL.toLowerCase()).doesNotContain("@riverbend");
        assertThat(credentialWithProof.toLowerCase()).doesNotContain("@riverbend");
        assertThat(jwtPayload).doesNotContain("private: students revised");
    }

    @Test
    void achievement_describesTheMicroCredentialVersion_withCriteriaRubricAndCredits() {
        JsonNode achievement = payload.path("credentialSubject").path("achievement");
        assertThat(achievement.path("id").asText())
                .isEqualTo(AwardFixture.API_URL + "/microcredentials/feedback-loops?version=2");
        assertThat(texts(achievement.path("type"))).containsExactly("Achievement");
        assertThat(achievement.path("name").asText()).isEqualTo("Feedback Loops that Move Learning Forward");
        assertThat(achievement.path("description").asText()).startsWith("Educators plan, give and follow up");
        assertThat(achievement.path("criteria").path("narrative").asText()).contains(
                "The educator gives actionable feedback", "Feedback samples: Upload three samples",
                "Actionable feedback (at least \"Proficient\")", "Follow-up (at least \"Proficient\")");
        assertThat(achievement.path("image").path("id").asText()).isEqualTo(AwardFixture.API_URL + "/badges/"
                + BadgeIds.forEnrollment(enrollmentId) + "/image.png");
        assertThat(achievement.path("image").path("type").asText()).isEqualTo("Image");
        assertThat(achievement.path("creditsAvailable").asDouble()).isEqualTo(12.5);
        JsonNode actionable = achievement.path("resultDescription").get(0);
        assertThat(actionable.path("name").asText()).isEqualTo("Actionable feedback");
        assertThat(actionable.path("resultType").asText()).isEqualTo("RubricCriterionLevel");
        assertThat(actionable.path("rubricCriterionLevel").findValuesAsText("name"))
                .containsExactly("Not yet", "Proficient", "Exemplary");
        assertThat(actionable.path("requiredLevel").asText()).isEqualTo(actionable.path("rubricCriterionLevel")
                .get(1).path("id").asText());
        assertThat(achievement.path("resultDescription")).hasSize(2);
    }

    @Test
    void results_nameTheLevelAchievedPerCriterion_andEvidenceOnlyByName() {
        JsonNode achievement = payload.path("credentialSubject").path("achievement");
        JsonNode results = payload.path("credentialSubject").path("result");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("resultDescription").asText())
                .isEqualTo(achievement.path("resultDescription").get(0).path("id").asText());
        assertThat(results.get(0).path("achievedLevel").asText())
                .isEqualTo(achievement.path("resultDescription").get(0).path("rubricCriterionLevel").get(2).path("id").asText());
        assertThat(results.get(1).path("achievedLevel").asText()).endsWith("criterion-follow-up-level-proficient");
        assertThat(payload.path("evidence").findValuesAsText("name"))
                .containsExactly("Feedback samples", "Lesson video", "Reflection");
        assertThat(payload.path("evidence").findValuesAsText("genre")).containsExactly("File", "Link", "Written response");
        assertThat(payload.path("evidence").get(0).has("id")).isFalse();
        assertThat(texts(payload.path("evidence").get(0).path("type"))).containsExactly("Evidence");
    }

    @Test
    void publicArtefacts_neverCarryTheFileNameTheLinkOrTheText_butTheLearnersOwnRecordDoes() {
        String json = credentialWithProof
                + new String(Base64.getUrlDecoder().decode(credentialJwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("video.example").doesNotContain("samples-week-3").doesNotContain("students revised");
        List<Map<String, AttributeValue>> evidence = badge.get("evidence").l().stream().map(AttributeValue::m).toList();
        assertThat(evidence).extracting(item -> item.get("name").s())
                .containsExactly("Feedback samples", "Lesson video", "Reflection");
        assertThat(evidence.get(0).get("fileName").s()).isEqualTo("samples-week-3.pdf");
        assertThat(evidence.get(1).get("url").s()).isEqualTo("https://video.example/clip-42");
        assertThat(evidence.get(2)).doesNotContainKeys("fileName", "url", "text");
    }

    @Test
    void everyTermUsed_isDefinedByTheVcOrOpenBadgesContext() throws Exception {
        Set<String> defined = new HashSet<>(VC_TERMS);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("fixtures/ob-context-3.0.3.json")) {
            collectKeys(JSON.readTree(in), defined);
        }
        collectKeys(JSON.readTree(org.microcred.dataintegrity.OfflineContexts.bundledBytes(
                org.microcred.dataintegrity.OfflineContexts.OPEN_BADGES_V3_EXTENSIONS)), defined);
        Set<String> used = new TreeSet<>();
        collectKeys(payload, used);
        used.removeAll(defined);

        assertThat(used).isEmpty();
    }

    @Test
    void storedCredential_isThePayloadWithoutTheJwtClaims_keptOnlyWithItsProof() throws Exception {
        var stored = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(credentialWithProof);
        stored.remove("proof");
        var withoutClaims = payload.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutClaims).remove(List.of("iss", "jti", "sub", "nbf"));

        assertThat(stored).isEqualTo(withoutClaims);
        assertThat(badge).doesNotContainKey("credential");
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                keys.add(field.getKey());
                collectKeys(field.getValue(), keys);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectKeys(child, keys));
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
