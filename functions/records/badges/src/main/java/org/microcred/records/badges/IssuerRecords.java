package org.microcred.records.badges;

import java.util.List;
import java.util.Optional;

/**
 * What an issuing organisation publishes in BadgesTable: its signing keys, the Multikeys of its
 * embedded proofs and its revocation list. Written with each issuance and revocation
 * ({@link BadgeRecords}); read here.
 */
public final class IssuerRecords {
    private final BadgesTable table;

    public IssuerRecords(BadgesTable table) {
        this.table = table;
    }

    public Optional<IssuerKey> key(String organizationId, String kid) {
        return Optional.ofNullable(table.get(BadgeKeys.key(organizationId, kid), false)).map(IssuerKeyItems::key);
    }

    public List<IssuerKey> keys(String organizationId) {
        return table.issuerItems(organizationId, BadgeKeys.KEY_PREFIX).stream().map(IssuerKeyItems::key).toList();
    }

    /** Whether the issuer publishes this Ed25519 Multikey (the embedded proofs' verification method). */
    public boolean publishesMultikey(String organizationId, String publicKeyMultibase) {
        return table.get(BadgeKeys.multikey(organizationId, publicKeyMultibase), false) != null;
    }

    public List<String> multikeys(String organizationId) {
        return table.issuerItems(organizationId, BadgeKeys.MULTIKEY_PREFIX).stream().map(IssuerKeyItems::multikey)
                .toList();
    }

    public List<Revocation> revocations(String organizationId) {
        return table.issuerItems(organizationId, BadgeKeys.REVOKED_PREFIX).stream()
                .map(RevocationItems::revocation).toList();
    }
}
