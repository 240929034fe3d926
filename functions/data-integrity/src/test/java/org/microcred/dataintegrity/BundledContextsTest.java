package org.microcred.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The bundled contexts are the published ones, byte for byte, and canonicalisation is as strict
 * as a verifier in safe mode: a type or term no context defines is an error, not a silent gap in
 * what the proof covers.
 */
class BundledContextsTest {
    private final RdfCanonicalizer canonicalizer = new RdfCanonicalizer();

    @Test
    void everyBundledContext_hashesAsThePublishedDocument() throws Exception {
        for (var published : OfflineContexts.PUBLISHED_SHA256.entrySet()) {
            byte[] bundled = OfflineContexts.bundledBytes(published.getKey());

            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bundled)))
                    .as(published.getKey()).isEqualTo(published.getValue());
        }
    }

    @Test
    void vc2Context_isTheFinalRecommendation_withoutVocab() {
        JsonObject context;
        try (var reader = Json.createReader(new java.io.ByteArrayInputStream(
                OfflineContexts.bundledBytes(OfflineContexts.CREDENTIALS_V2)))) {
            context = reader.readObject().getJsonObject("@context");
        }

        assertThat(context.keySet()).doesNotContain("@vocab").contains("BitstringStatusListEntry");
    }

    @Test
    void extensionsContext_definesThe1EdTechStatusAndSchemaTypes() {
        String nquads = canonicalizer.canonicalNQuads(credential(true));

        assertThat(nquads)
                .contains("<https://purl.imsglobal.org/spec/vcrl/v1p0/context.json#1EdTechRevocationList>")
                .contains("<https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019>");
    }

    @Test
    void withoutTheExtensionsContext_the1EdTechTypesAreRelative_andRefused() {
        assertThatThrownBy(() -> canonicalizer.canonicalNQuads(credential(false)))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("Relative @type reference '1EdTechRevocationList'");
    }

    @Test
    void aTermNoContextDefines_isRefused() {
        JsonObject extra = Json.createObjectBuilder(credential(true)).add("favouriteColour", "teal").build();

        assertThatThrownBy(() -> canonicalizer.canonicalNQuads(extra))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("favouriteColour");
    }

    @Test
    void proofsMadeBeforeIssue13_stillVerify_butOnlyWithTheOldCanonicalisation() {
        byte[] seed = new byte[32];
        seed[0] = 7;
        EddsaRdfc2022 before = new EddsaRdfc2022(RdfCanonicalizer.beforeIssue13());
        JsonObject signed = before.sign(credential(false), new ProofOptions(java.time.Instant.parse(
                "2026-01-01T00:00:00Z"), "https://badges.example/issuers/org#key"), new LocalEd25519Signer(seed));
        byte[] publicKey = Ed25519Keys.publicKeyOf(seed);

        assertThat(before.verify(signed, publicKey)).isTrue();
        assertThat(new EddsaRdfc2022().verify(signed, publicKey)).isFalse();
        assertThat(RdfCanonicalizer.beforeIssue13().canonicalNQuads(credential(false)))
                .contains("<https://www.w3.org/ns/credentials/issuer-dependent#1EdTechRevocationList>");
    }

    private static JsonObject credential(boolean withExtensions) {
        var context = Json.createArrayBuilder().add(OfflineContexts.CREDENTIALS_V2).add(OfflineContexts.OPEN_BADGES_V3);
        if (withExtensions) {
            context.add(OfflineContexts.OPEN_BADGES_V3_EXTENSIONS);
        }
        return Json.createObjectBuilder()
                .add("@context", context)
                .add("id", "https://badges.example/badges/1")
                .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
                .add("issuer", Json.createObjectBuilder().add("id", "https://badges.example/issuers/org")
                        .add("type", Json.createArrayBuilder().add("Profile")).add("name", "Example District"))
                .add("validFrom", "2026-01-01T00:00:00Z")
                .add("name", "Exit Tickets")
                .add("credentialSubject", Json.createObjectBuilder().add("id", "urn:uuid:0f8e8d6c-1111-4a4a-9b9b-000000000001")
                        .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                        .add("achievement", Json.createObjectBuilder().add("id", "https://badges.example/a/1")
                                .add("type", Json.createArrayBuilder().add("Achievement")).add("name", "Exit Tickets")
                                .add("description", "Exit tickets.").add("criteria", Json.createObjectBuilder()
                                        .add("narrative", "Proficient on every criterion."))))
                .add("credentialStatus", Json.createObjectBuilder().add("id", "https://badges.example/issuers/org/revocations#1")
                        .add("type", "1EdTechRevocationList"))
                .add("credentialSchema", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json")
                        .add("type", "1EdTechJsonSchemaValidator2019")))
                .build();
    }
}
