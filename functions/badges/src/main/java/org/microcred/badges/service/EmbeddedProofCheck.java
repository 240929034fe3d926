package org.microcred.badges.service;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microcred.dataintegrity.Ed25519Keys;
import org.microcred.dataintegrity.EddsaRdfc2022;
import org.microcred.dataintegrity.JsonDocuments;
import org.microcred.dataintegrity.OfflineContexts;
import org.microcred.dataintegrity.RdfCanonicalizer;
import org.microcred.records.badges.Badge;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.records.badges.IssuerRecords;

/**
 * Checks the credential's second proof, the embedded eddsa-rdfc-2022 DataIntegrityProof: its
 * verification method must be one of this issuer's published Multikeys and the Ed25519
 * signature must cover the canonical credential. The page and {@code /verify} both run it.
 */
public class EmbeddedProofCheck {
    public static final String NAME = Verification.EMBEDDED_PROOF;

    private final IssuerRecords issuers;
    private final BadgeUrls urls;
    /** Built on first use: its contexts are parsed then, not during every cold start of the function. */
    private volatile EddsaRdfc2022 suite;
    private volatile EddsaRdfc2022 earlierSuite;

    public EmbeddedProofCheck(IssuerRecords issuers, BadgeUrls urls) {
        this.issuers = issuers;
        this.urls = urls;
    }

    /** Empty for badges issued without an embedded proof. */
    public Optional<Verification.Check> check(Badge badge) {
        if (badge.credentialWithProof() == null || badge.credentialWithProof().isBlank()) {
            return Optional.empty();
        }
        JsonObject secured;
        try {
            secured = JsonDocuments.object(badge.credentialWithProof()).orElse(null);
        } catch (JsonException e) {
            secured = null;
        }
        if (secured == null) {
            return Optional.of(failed("The credential with the embedded proof is not JSON."));
        }
        String method = secured.get("proof") instanceof JsonObject proof ? proof.getString("verificationMethod", "") : "";
        String prefix = urls.issuer(badge.organizationId()) + "#";
        if (!method.startsWith(prefix)) {
            return Optional.of(failed("The embedded proof names the key " + method + ", not one of "
                    + badge.organizationName() + "'s (" + urls.issuer(badge.organizationId()) + ")."));
        }
        String multikey = method.substring(prefix.length());
        byte[] publicKey;
        try {
            publicKey = Ed25519Keys.publicKeyFromMultibase(multikey);
        } catch (Ed25519Keys.NotEd25519Exception e) {
            return Optional.of(failed("The embedded proof's key " + multikey + " is not an Ed25519 Multikey."));
        } catch (IllegalArgumentException e) {
            return Optional.of(failed("The embedded proof's key " + multikey + " is not a Multikey."));
        }
        if (multikey.length() > 128 || !issuers.publishesMultikey(badge.organizationId(), multikey)) {
            return Optional.of(failed("The key " + multikey + " is not among the issuer's published keys."));
        }
        boolean beforeIssue13 = !contexts(secured).contains(OfflineContexts.OPEN_BADGES_V3_EXTENSIONS);
        if (!(beforeIssue13 ? earlierSuite() : suite()).verify(secured, publicKey)) {
            return Optional.of(failed("The eddsa-rdfc-2022 proof does not match the credential: it was changed after "
                    + "the issuer signed it."));
        }
        String credentialId = secured.getString("id", "");
        if (!urls.badge(badge.badgeId()).equals(credentialId)) {
            return Optional.of(failed("The proof is valid but the credential belongs to another badge."));
        }
        return Optional.of(new Verification.Check(NAME, true, "eddsa-rdfc-2022 Data Integrity proof by the issuer's key "
                + multikey + " is valid." + (beforeIssue13 ? " It was made with the issuer's earlier copy of the VC 2.0 "
                + "context, so other verifiers may not accept it; the signature above is the badge's portable proof."
                : "")));
    }

    private static List<String> contexts(JsonObject secured) {
        List<String> urls = new ArrayList<>();
        if (secured.get("@context") instanceof JsonArray array) {
            array.forEach(value -> {
                if (value instanceof JsonString url) {
                    urls.add(url.getString());
                }
            });
        }
        return urls;
    }

    private EddsaRdfc2022 suite() {
        EddsaRdfc2022 current = suite;
        if (current == null) {
            current = new EddsaRdfc2022();
            suite = current;
        }
        return current;
    }

    /** Badges issued before issue 13 were signed over our earlier VC 2.0 context, without safe mode. */
    private EddsaRdfc2022 earlierSuite() {
        EddsaRdfc2022 current = earlierSuite;
        if (current == null) {
            current = new EddsaRdfc2022(RdfCanonicalizer.beforeIssue13());
            earlierSuite = current;
        }
        return current;
    }

    private static Verification.Check failed(String detail) {
        return new Verification.Check(NAME, false, detail);
    }
}
