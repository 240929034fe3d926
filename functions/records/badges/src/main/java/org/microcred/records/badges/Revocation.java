package org.microcred.records.badges;

/** A revoked badge as the issuer's revocation list holds it ({@code ISSUER#<org> / REVOKED#<badgeId>}). */
public record Revocation(String badgeId, String revokedAt, String reason) {
}
