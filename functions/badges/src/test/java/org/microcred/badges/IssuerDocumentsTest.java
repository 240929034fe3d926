package org.microcred.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;
import static org.microcred.emulators.junit.ApiResponses.header;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.badges.support.BadgeFixture;
import org.microcred.badges.support.Call;
import org.microcred.badges.support.Who;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Issuer profile and keys, and the Open Badges 2.0 hosted documents, against DynamoDB Local. */
@ExtendWith(EmulatorsExtension.class)
class IssuerDocumentsTest {
    static final Who MARIA = Who.learner("u-maria-o", "Maria Delgado");

    private static BadgeFixture fixture;
    private static BadgeHandler handler;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new BadgeFixture(stack);
        handler = fixture.handler();
    }

    private static JsonNode ok(Call call) {
        return body(expect(handler.dispatch(call.event()), 200));
    }

    @Test
    void issuerProfile_namesTheOrganisationAndLinksItsKeys() {
        JsonNode profile = ok(Call.issuerProfile("org-riverbend"));

        assertThat(profile.path("id").asText()).isEqualTo(fixture.apiUrl + "/issuers/org-riverbend");
        assertThat(profile.path("type").get(0).asText()).isEqualTo("Profile");
        assertThat(profile.path("name").asText()).isEqualTo(BadgeFixture.ORGANIZATION_NAME);
        assertThat(profile.path("publicKeys").asText()).isEqualTo(fixture.apiUrl + "/issuers/org-riverbend/jwks");
    }

    @Test
    void issuerProfile_andOb2Issuer_carryTheProfileTheOrganisationSetForItself() {
        fixture.put("OrganizationsTable", Map.of("pk", AttributeValue.fromS("ORG#org-cedar"),
                "sk", AttributeValue.fromS("PROFILE"), "organizationId", AttributeValue.fromS("org-cedar"),
                "name", AttributeValue.fromS("Cedar Falls Community Schools"),
                "issuerUrl", AttributeValue.fromS("https://www.cedarfalls.k12.example"),
                "issuerEmail", AttributeValue.fromS("pd@cedarfalls.k12.example"),
                "issuerDescription", AttributeValue.fromS("Professional learning in Cedar Falls."),
                "issuerImageUrl", AttributeValue.fromS("https://www.cedarfalls.k12.example/seal.png")));

        JsonNode profile = ok(Call.issuerProfile("org-cedar"));
        assertThat(profile.path("id").asText()).as("still our document").isEqualTo(fixture.apiUrl + "/issuers/org-cedar");
        assertThat(profile.path("url").asText()).isEqualTo("https://www.cedarfalls.k12.example");
        assertThat(profile.path("email").asText()).isEqualTo("pd@cedarfalls.k12.example");
        assertThat(profile.path("description").asText()).isEqualTo("Professional learning in Cedar Falls.");
        assertThat(profile.path("image").path("id").asText()).isEqualTo("https://www.cedarfalls.k12.example/seal.png");
        JsonNode ob2 = ok(Call.ob2Issuer("org-cedar"));
        assertThat(ob2.path("url").asText()).isEqualTo("https://www.cedarfalls.k12.example");
        assertThat(ob2.path("email").asText()).isEqualTo("pd@cedarfalls.k12.example");
        assertThat(ob2.path("image").asText()).isEqualTo("https://www.cedarfalls.k12.example/seal.png");
    }

    @Test
    void jwks_listsThePublicKeysOnly() {
        var response = expect(handler.dispatch(Call.jwks("org-riverbend").event()), 200);

        assertThat(header(response, "content-type")).isEqualTo("application/jwk-set+json");
        JsonNode keys = body(response).path("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("kid").asText())
                .isEqualTo(fixture.apiUrl + "/issuers/org-riverbend/keys/" + fixture.signingKey.getKeyID());
        assertThat(keys.get(0).path("kty").asText()).isEqualTo("EC");
        assertThat(keys.get(0).path("crv").asText()).isEqualTo("P-256");
        assertThat(keys.get(0).has("d")).isFalse();
    }

    @Test
    void theJwtsKidUrl_answersThatOneKey_withTheSameKidAsTheJwkSet() throws Exception {
        String id = fixture.issue(fixture.badgeFor(MARIA));
        String jwt = expect(handler.dispatch(Call.credential(id).event()), 200).getBody();
        String kid = Json.mapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0])).path("kid").asText();
        assertThat(kid).isEqualTo(fixture.apiUrl + "/issuers/org-riverbend/keys/" + fixture.signingKey.getKeyID());

        var response = expect(handler.dispatch(Call.key("org-riverbend", fixture.signingKey.getKeyID()).event()), 200);

        assertThat(header(response, "content-type")).isEqualTo("application/jwk+json");
        JsonNode jwk = body(response);
        assertThat(jwk.has("keys")).isFalse();
        assertThat(jwk.path("kid").asText()).isEqualTo(kid);
        assertThat(jwk.has("d")).isFalse();
        assertThat(ok(Call.jwks("org-riverbend")).path("keys").findValuesAsText("kid")).contains(kid);
        assertThat(jdkVerify(publicKey(jwk), jwt.substring(0, jwt.lastIndexOf('.')),
                Base64.getUrlDecoder().decode(jwt.substring(jwt.lastIndexOf('.') + 1)))).isTrue();
    }

    @Test
    void keyUrl_ofAnUnknownKey_is404_andOfAMalformedId_is400() {
        assertThat(handler.dispatch(Call.key("org-riverbend", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").event())
                .getStatusCode()).isEqualTo(404);
        assertThat(handler.dispatch(Call.key("org-lakeshore", fixture.signingKey.getKeyID()).event()).getStatusCode())
                .isEqualTo(404);
        assertThat(handler.dispatch(Call.key("org-riverbend", "not a key!").event()).getStatusCode()).isEqualTo(400);
    }

    /**
     * An independent check of the published credential: plain JDK crypto (no nimbus) verifies
     * the JWT from {@code /credential} with the key from {@code /jwks}; one changed payload byte fails.
     */
    @Test
    void credential_verifiesWithThePublishedKeyUsingOnlyTheJdk_andFailsWhenOneByteChanges() throws Exception {
        String id = fixture.issue(fixture.badgeFor(MARIA));
        String jwt = expect(handler.dispatch(Call.credential(id).event()), 200).getBody();
        JsonNode jwk = ok(Call.jwks("org-riverbend")).path("keys").get(0);
        String[] parts = jwt.split("\\.");
        JsonNode header = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asText()).isEqualTo("ES256");
        assertThat(header.path("kid").asText()).isEqualTo(jwk.path("kid").asText());

        PublicKey key = publicKey(jwk);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertThat(jdkVerify(key, parts[0] + "." + parts[1], signature)).isTrue();

        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        payload[payload.length / 2] ^= 0x01;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        assertThat(jdkVerify(key, parts[0] + "." + tampered, signature)).isFalse();
    }

    private static PublicKey publicKey(JsonNode jwk) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("x").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("y").asText())));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }

    private static boolean jdkVerify(PublicKey key, String signingInput, byte[] signature) throws Exception {
        // JWS ES256 signatures are R||S (IEEE P1363), which the JDK verifies directly.
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(key);
        verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(signature);
    }

    @Test
    void ob2Issuer_isAnIssuerWithItsRevocationList() {
        JsonNode issuer = ok(Call.ob2Issuer("org-riverbend"));

        assertThat(issuer.path("@context").asText()).isEqualTo("https://w3id.org/openbadges/v2");
        assertThat(issuer.path("type").asText()).isEqualTo("Issuer");
        assertThat(issuer.path("id").asText()).isEqualTo(fixture.apiUrl + "/issuers/org-riverbend/ob2");
        assertThat(issuer.path("name").asText()).isEqualTo(BadgeFixture.ORGANIZATION_NAME);
        assertThat(issuer.path("revocationList").asText()).isEqualTo(fixture.apiUrl + "/issuers/org-riverbend/revocations");
    }

    @Test
    void badgeClass_describesThePublishedMicroCredential() {
        JsonNode badgeClass = ok(Call.badgeClass("org-riverbend", BadgeFixture.MICRO_CREDENTIAL));

        assertThat(badgeClass.path("type").asText()).isEqualTo("BadgeClass");
        assertThat(badgeClass.path("id").asText())
                .isEqualTo(fixture.apiUrl + "/issuers/org-riverbend/badgeclasses/" + BadgeFixture.MICRO_CREDENTIAL);
        assertThat(badgeClass.path("name").asText()).isEqualTo(BadgeFixture.TITLE);
        assertThat(badgeClass.path("description").asText()).isNotBlank();
        assertThat(badgeClass.path("image").asText()).startsWith("data:image/png;base64,");
        assertThat(badgeClass.path("criteria").path("narrative").asText())
                .contains("Competency:", "Alignment to the objective", "Proficient or above");
        assertThat(badgeClass.path("issuer").asText()).isEqualTo(fixture.apiUrl + "/issuers/org-riverbend/ob2");
    }

    @Test
    void badgeClass_ofAnotherIssuersMicroCredential_is404() {
        var response = handler.dispatch(Call.badgeClass("org-lakeshore", BadgeFixture.MICRO_CREDENTIAL).event());

        assertThat(response.getStatusCode()).isEqualTo(404);
    }

    @Test
    void unknownIssuer_is404OnEveryIssuerRoute() {
        for (Call call : List.of(Call.issuerProfile("org-nowhere"), Call.jwks("org-nowhere"), Call.ob2Issuer("org-nowhere"),
                Call.revocations("org-nowhere"), Call.badgeClass("org-nowhere", "exit-tickets"))) {
            assertThat(handler.dispatch(call.event()).getStatusCode()).as(call.event().getRawPath()).isEqualTo(404);
        }
    }

    @Test
    void malformedIssuerIds_are400() {
        for (Call call : List.of(Call.issuerProfile("ORG_X"), Call.jwks("a"), Call.badgeClass("org-riverbend", "Bad Id"))) {
            assertThat(handler.dispatch(call.event()).getStatusCode()).as(call.event().getRawPath()).isEqualTo(400);
        }
    }

    @Test
    void assertion_isAHostedOb2AssertionWithAHashedRecipient() throws Exception {
        String id = fixture.issue(fixture.badgeFor(MARIA));
        var item = fixture.badgeItem(id);

        var response = expect(handler.dispatch(Call.assertion(id).event()), 200);

        JsonNode assertion = body(response);
        assertThat(assertion.path("@context").asText()).isEqualTo("https://w3id.org/openbadges/v2");
        assertThat(assertion.path("type").asText()).isEqualTo("Assertion");
        assertThat(assertion.path("id").asText()).isEqualTo(fixture.apiUrl + "/badges/" + id + "/assertion");
        assertThat(assertion.path("verification").path("type").asText()).isEqualTo("hosted");
        assertThat(assertion.path("badge").asText())
                .isEqualTo(fixture.apiUrl + "/issuers/org-riverbend/badgeclasses/" + BadgeFixture.MICRO_CREDENTIAL);
        assertThat(assertion.path("issuedOn").asText()).isEqualTo(item.get("issuedAt").s());
        JsonNode recipient = assertion.path("recipient");
        assertThat(recipient.path("type").asText()).isEqualTo("email");
        assertThat(recipient.path("hashed").asBoolean()).isTrue();
        String salt = recipient.path("salt").asText();
        String expected = "sha256$" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((MARIA.email().toLowerCase(Locale.ROOT) + salt).getBytes(StandardCharsets.UTF_8)));
        assertThat(recipient.path("identity").asText()).isEqualTo(expected);
        assertThat(response.getBody()).doesNotContain(MARIA.email());
        assertThat(assertion.path("evidence").get(0).path("name").asText()).isEqualTo("Reflection on <b>exit</b> tickets");
    }

    @Test
    void revocationList_ofAnIssuerWithoutRevocations_isEmpty() {
        JsonNode list = ok(Call.revocations("org-lakeshore"));

        assertThat(list.path("revokedAssertions")).isEmpty();
        assertThat(list.path("revokedCredentials")).isEmpty();
        assertThat(list.path("id").asText()).isEqualTo(fixture.apiUrl + "/issuers/org-lakeshore/revocations");
    }
}
