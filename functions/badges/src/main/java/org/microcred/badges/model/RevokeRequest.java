package org.microcred.badges.model;

/** Body of {@code POST /badges/{id}/revoke}: why the organisation withdraws the badge (shown publicly). */
public record RevokeRequest(String reason) {
}
