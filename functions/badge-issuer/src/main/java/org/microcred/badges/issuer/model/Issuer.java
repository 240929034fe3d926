package org.microcred.badges.issuer.model;

/** The organisation that awards the badge, as its profile names it. */
public record Issuer(String organizationId, String name) {
}
