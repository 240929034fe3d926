package org.microcred.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The Open Badges 3.0 implementation guide's eddsa-rdfc-2022 example, reproduced: canonical
 * forms from our JSON-LD pipeline, the key pair, and the published signature and proofValue.
 */
class EddsaRdfc2022VectorTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SEED = HEX.parseHex("6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4");
    private static final String PUBLIC_KEY = "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5";
    private static final String VERIFICATION_METHOD =
            "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
    private static final String PUBLISHED_DATA_TO_SIGN = "3cf3c265b6c8ebb29b4d5ea310b87d2f31c79b633eff8af561d2e8c97a85c8cb"
            + "d994aebd5e53f4af4495dbe9e1155410bae683811107c26acf83671075c163b3";
    private static final String PUBLISHED_SIGNATURE = "17a898a91832fa58bd66433e18dc8256522bcf84382994c395c23c26cba71ff8"
            + "060a2587390e5ed20c4decec45c0c0c9eec1f7d2d1ce91e1ffc992983a74a300";
    private static final String PUBLISHED_PROOF_VALUE =
            "zUSD5bjo6mYV1n9i9E6ZwUiHuj4JyZDjCDfDqoJcPi9XJrc9LYstik9mdBvutdwBdquWXjWrwJDVGJrAarvRs8uD";

    private final RdfCanonicalizer canonicalizer = new RdfCanonicalizer();
    private final EddsaRdfc2022 suite = new EddsaRdfc2022(canonicalizer);

    @Test
    void documentCanonicalForm_isTheVectors() throws IOException {
        assertThat(canonicalizer.canonicalNQuads(credential())).isEqualTo(resource("test-vector-document-canon.txt"));
    }

    @Test
    void proofConfigurationCanonicalForm_isTheVectors() throws IOException {
        JsonObject config = Json.createObjectBuilder()
                .add("@context", credential().get("@context"))
                .add("type", "DataIntegrityProof")
                .add("created", "2010-01-01T19:23:24Z")
                .add("verificationMethod", VERIFICATION_METHOD)
                .add("cryptosuite", "eddsa-rdfc-2022")
                .add("proofPurpose", "assertionMethod")
                .build();

        assertThat(canonicalizer.canonicalNQuads(config)).isEqualTo(resource("test-vector-proof-canon.txt"));
    }

    @Test
    void keyPair_isTheVectors() {
        byte[] publicKey = Ed25519Keys.publicKeyOf(SEED);

        assertThat(HEX.formatHex(publicKey)).isEqualTo(PUBLIC_KEY);
        assertThat(Ed25519Keys.publicKeyMultibase(publicKey)).isEqualTo("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
        assertThat(Ed25519Keys.publicKeyFromMultibase("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"))
                .isEqualTo(publicKey);
        assertThat(Ed25519Keys.fromSubjectPublicKeyInfo(Ed25519Keys.publicKey(publicKey).getEncoded())).isEqualTo(publicKey);
    }

    @Test
    void multikeyOfAnotherKeyType_isRefused() {
        byte[] p256Prefixed = new byte[35];
        p256Prefixed[0] = (byte) 0x80;
        p256Prefixed[1] = 0x24;

        assertThatThrownBy(() -> Ed25519Keys.publicKeyFromMultibase(Base58Btc.multibase(p256Prefixed)))
                .isInstanceOf(Ed25519Keys.NotEd25519Exception.class);
        assertThatThrownBy(() -> Ed25519Keys.publicKeyFromMultibase("not-multibase"))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(Ed25519Keys.NotEd25519Exception.class);
    }

    @Test
    void signatureAndProofValue_ofThePublishedDataToSign_areReproduced() {
        byte[] signature = new LocalEd25519Signer(SEED).sign(HEX.parseHex(PUBLISHED_DATA_TO_SIGN));

        assertThat(HEX.formatHex(signature)).isEqualTo(PUBLISHED_SIGNATURE);
        assertThat(Base58Btc.multibase(signature)).isEqualTo(PUBLISHED_PROOF_VALUE);
        assertThat(Base58Btc.fromMultibase(PUBLISHED_PROOF_VALUE)).isEqualTo(signature);
    }

    @Test
    void hashData_isTheHashesOfTheCurrentCanonicalForms_notThePagesOlderOnes() throws Exception {
        JsonObject config = Json.createObjectBuilder().add("type", "DataIntegrityProof")
                .add("created", "2010-01-01T19:23:24Z").add("verificationMethod", VERIFICATION_METHOD)
                .add("cryptosuite", "eddsa-rdfc-2022").add("proofPurpose", "assertionMethod").build();

        byte[] hashData = suite.hashData(config, credential());

        assertThat(HEX.formatHex(hashData)).isEqualTo(sha256Hex(resource("test-vector-proof-canon.txt"))
                + sha256Hex(resource("test-vector-document-canon.txt")));
        // The page's hashes belong to its earlier (VC 1.1) canonical forms; see vectors/README.md.
        assertThat(HEX.formatHex(hashData)).isNotEqualTo(PUBLISHED_DATA_TO_SIGN);
    }

    @Test
    void signedCredential_verifies_andAnyChangeBreaksIt() throws IOException {
        JsonObject signed = suite.sign(credential(), new ProofOptions(Instant.parse("2010-01-01T19:23:24Z"),
                VERIFICATION_METHOD), new LocalEd25519Signer(SEED));
        byte[] publicKey = HEX.parseHex(PUBLIC_KEY);

        assertThat(signed.getJsonObject("proof").getString("proofValue")).startsWith("z");
        assertThat(suite.verify(signed, publicKey)).isTrue();
        JsonObject renamed = Json.createObjectBuilder(signed).add("name", "Teamwork Badge!").build();
        assertThat(suite.verify(renamed, publicKey)).isFalse();
        JsonObject otherTime = Json.createObjectBuilder(signed).add("proof", Json.createObjectBuilder(
                signed.getJsonObject("proof")).add("created", "2011-01-01T19:23:24Z")).build();
        assertThat(suite.verify(otherTime, publicKey)).isFalse();
        assertThat(suite.verify(signed, Ed25519Keys.publicKeyOf(new byte[32]))).isFalse();
    }

    @Test
    void unbundledContext_isRefused_notFetched() throws IOException {
        JsonObject foreign = Json.createObjectBuilder(credential())
                .add("@context", Json.createArrayBuilder().add("https://example.org/context.jsonld")).build();

        assertThatThrownBy(() -> canonicalizer.canonicalNQuads(foreign))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("not bundled");
    }

    @Test
    void base58_roundTripsLeadingZeros() {
        byte[] bytes = {0, 0, 1, 2, (byte) 0xff};

        assertThat(Base58Btc.decode(Base58Btc.encode(bytes))).isEqualTo(bytes);
        assertThat(Base58Btc.encode(bytes)).startsWith("11");
        assertThatThrownBy(() -> Base58Btc.fromMultibase("u0OIl")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The guide's sample names the unversioned alias {@code .../context/ob_v3p0.jsonld}, which is
     * published as an older document than 3.0.3; we bundle only byte-identical copies, so the
     * sample is read with the 3.0.3 URL. Every term it uses maps to the same IRI in both.
     */
    private static JsonObject credential() throws IOException {
        try (InputStream in = EddsaRdfc2022VectorTest.class.getResourceAsStream("/vectors/credential.json");
             JsonReader reader = Json.createReader(in)) {
            JsonObject sample = reader.readObject();
            return Json.createObjectBuilder(sample).add("@context", Json.createArrayBuilder()
                    .add(OfflineContexts.CREDENTIALS_V2).add(OfflineContexts.OPEN_BADGES_V3)).build();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EddsaRdfc2022VectorTest.class.getResourceAsStream("/vectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256Hex(String text) throws Exception {
        return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
