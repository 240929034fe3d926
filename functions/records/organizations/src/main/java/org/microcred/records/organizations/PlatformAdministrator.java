package org.microcred.records.organizations;

/**
 * Someone who runs the platform itself (creates organisations). Kept in the table like a
 * member, so the token trigger reads the role from data like every other role.
 */
public record PlatformAdministrator(String userId, String email, String name, boolean active, String createdAt) {
}
