package org.microcred.records.badges;

/** One public signing key of an issuer ({@code ISSUER#<org> / KEY#<kid>}); {@code jwk} is the public JWK as JSON. */
public record IssuerKey(String kid, String jwk, String createdAt) {
}
