package org.microcred.badgeissuer.service;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.microcred.badgeissuer.signing.ProofKey;
import org.microcred.dataintegrity.EddsaRdfc2022;
import org.microcred.dataintegrity.JsonDocuments;
import org.microcred.dataintegrity.ProofOptions;
import org.microcred.records.badges.BadgeUrls;

/**
 * The credential once more, with an embedded DataIntegrityProof (eddsa-rdfc-2022) for verifiers
 * that take Linked Data proofs rather than JWTs. The verification method is the issuer profile's
 * URL with the Multikey as fragment; the profile lists that Multikey.
 */
public final class EmbeddedProofs {
    private final EddsaRdfc2022 suite;
    private final ProofKey key;
    private final BadgeUrls urls;

    public EmbeddedProofs(EddsaRdfc2022 suite, ProofKey key, BadgeUrls urls) {
        this.suite = suite;
        this.key = key;
        this.urls = urls;
    }

    public ProofKey key() {
        return key;
    }

    /** The credential JSON with {@code proof}; the same members the JWT carries, in the same order. */
    public String sign(String credentialJson, String organizationId, Instant created) {
        JsonObject document = JsonDocuments.object(credentialJson)
                .orElseThrow(() -> new JsonException("The credential to sign is not a JSON object"));
        ProofOptions options = new ProofOptions(created, urls.verificationMethod(organizationId, key.multibase()));
        return suite.sign(document, options, key.signer()).toString();
    }
}
