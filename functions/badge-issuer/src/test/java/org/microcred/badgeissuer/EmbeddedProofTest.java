package org.microcred.badgeissuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.StreamEvents.batch;
import static org.microcred.emulators.junit.StreamEvents.insert;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.badgeissuer.support.AwardFixture;
import org.microcred.dataintegrity.Ed25519Keys;
import org.microcred.dataintegrity.EddsaRdfc2022;
import org.microcred.emulators.junit.LambdaTestContext;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The badge's second form: the same credential with an embedded eddsa-rdfc-2022 proof (the
 * suite itself is checked against the OB 3.0 guide's test vector in microcred-data-integrity).
 */
@WithEmulators
class EmbeddedProofTest {
    private static AwardFixture fixture;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new AwardFixture(stack);
    }

    @Test
    void issuedBadge_carriesAProofByThePublishedMultikey_overTheSameCredential() {
        String enrollmentId = fixture.enrolledWithEvidence("Ana Ruiz", "ana.ruiz@riverbend.example");

        fixture.handler().handleRequest(batch(insert(fixture.decided(enrollmentId, 1, "mastery"))),
                new LambdaTestContext("BadgeIssuerFunction"));

        Map<String, AttributeValue> badge = fixture.badge(enrollmentId);
        JsonObject secured = parse(fixture.credentialWithProof(enrollmentId));
        JsonObject proof = secured.getJsonObject("proof");
        String multikey = Ed25519Keys.publicKeyMultibase(Ed25519Keys.publicKeyOf(
                HexFormat.of().parseHex(AwardFixture.PROOF_KEY_SEED)));
        assertThat(proof.getString("type")).isEqualTo("DataIntegrityProof");
        assertThat(proof.getString("cryptosuite")).isEqualTo("eddsa-rdfc-2022");
        assertThat(proof.getString("proofPurpose")).isEqualTo("assertionMethod");
        assertThat(proof.getString("verificationMethod"))
                .isEqualTo(AwardFixture.API_URL + "/issuers/" + AwardFixture.ORGANIZATION + "#" + multikey);
        assertThat(badge.get("proofKeyMultibase").s()).isEqualTo(multikey);
        Map<String, AttributeValue> published = fixture.stack.dynamoDb().getItem(r -> r
                .tableName(fixture.stack.tableName("BadgesTable")).key(Map.of(
                        "pk", AttributeValue.fromS("ISSUER#" + AwardFixture.ORGANIZATION),
                        "sk", AttributeValue.fromS("MULTIKEY#" + multikey)))).item();
        assertThat(published.get("publicKeyMultibase").s()).isEqualTo(multikey);

        JsonObject withoutProof = Json.createObjectBuilder(secured).remove("proof").build();
        JsonObject jwtPayload = parse(new String(java.util.Base64.getUrlDecoder().decode(
                fixture.credentialJwt(enrollmentId).split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(withoutProof).isEqualTo(Json.createObjectBuilder(jwtPayload).remove("iss").remove("jti")
                .remove("sub").remove("nbf").build());
        byte[] publicKey = Ed25519Keys.publicKeyOf(HexFormat.of().parseHex(AwardFixture.PROOF_KEY_SEED));
        EddsaRdfc2022 suite = new EddsaRdfc2022();
        assertThat(suite.verify(secured, publicKey)).isTrue();
        JsonObject otherLearner = Json.createObjectBuilder(secured).add("credentialSubject", Json.createObjectBuilder(
                secured.getJsonObject("credentialSubject")).add("id", "urn:uuid:00000000-0000-4000-8000-000000000000"))
                .build();
        assertThat(suite.verify(otherLearner, publicKey)).isFalse();
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
