package org.microcred.dataintegrity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The W3C Data Integrity cryptosuite eddsa-rdfc-2022: hashData = SHA-256(canonical proof
 * configuration) || SHA-256(canonical document), both RDFC-1.0 N-Quads; proofValue =
 * base58btc(Ed25519(hashData)). The proof configuration takes the document's {@code @context}.
 */
public final class EddsaRdfc2022 {
    public static final String CRYPTOSUITE = "eddsa-rdfc-2022";
    private static final String PROOF_TYPE = "DataIntegrityProof";

    private final RdfCanonicalizer canonicalizer;

    public EddsaRdfc2022() {
        this(new RdfCanonicalizer());
    }

    public EddsaRdfc2022(RdfCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    /** The document with an embedded {@code proof}. */
    public JsonObject sign(JsonObject unsecured, ProofOptions options, Ed25519Signer signer) {
        if (unsecured.containsKey("proof")) {
            throw new IllegalArgumentException("The document already carries a proof");
        }
        JsonObject proofConfig = Json.createObjectBuilder()
                .add("type", PROOF_TYPE)
                .add("cryptosuite", CRYPTOSUITE)
                .add("created", DateTimeFormatter.ISO_INSTANT.format(options.created().truncatedTo(ChronoUnit.SECONDS)))
                .add("verificationMethod", options.verificationMethod())
                .add("proofPurpose", "assertionMethod")
                .build();
        byte[] signature = signer.sign(hashData(proofConfig, unsecured));
        JsonObject proof = Json.createObjectBuilder(proofConfig)
                .add("proofValue", Base58Btc.multibase(signature))
                .build();
        return Json.createObjectBuilder(unsecured).add("proof", proof).build();
    }

    /** True when the embedded proof is an eddsa-rdfc-2022 proof by this key over this exact content. */
    public boolean verify(JsonObject secured, byte[] publicKey) {
        JsonValue proofValue = secured.get("proof");
        if (!(proofValue instanceof JsonObject proof)
                || !PROOF_TYPE.equals(text(proof, "type")) || !CRYPTOSUITE.equals(text(proof, "cryptosuite"))
                || !(proof.get("proofValue") instanceof JsonString encoded)) {
            return false;
        }
        JsonObjectBuilder config = Json.createObjectBuilder(proof).remove("proofValue");
        JsonObjectBuilder document = Json.createObjectBuilder(secured).remove("proof");
        try {
            byte[] signature = Base58Btc.fromMultibase(encoded.getString());
            PublicKey key = Ed25519Keys.publicKey(publicKey);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(hashData(config.build(), document.build()));
            return verifier.verify(signature);
        } catch (IllegalArgumentException | InvalidDocumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** SHA-256 of the canonical proof configuration, then of the canonical document (64 bytes). */
    byte[] hashData(JsonObject proofConfig, JsonObject document) {
        JsonObjectBuilder config = Json.createObjectBuilder(proofConfig);
        if (document.containsKey("@context")) {
            config.add("@context", document.get("@context"));
        }
        byte[] proofHash = sha256(canonicalizer.canonicalNQuads(config.build()));
        byte[] documentHash = sha256(canonicalizer.canonicalNQuads(document));
        byte[] out = new byte[64];
        System.arraycopy(proofHash, 0, out, 0, 32);
        System.arraycopy(documentHash, 0, out, 32, 32);
        return out;
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
