package org.microcred.organizations.roster;

/**
 * The body of {@code POST /orgs/{orgId}/roster-imports} with {@code Content-Type: application/json}:
 * a roster too large for one request, to be uploaded.
 *
 * @param fileName what the admin calls the file (shown back, never part of the storage key)
 * @param size     the file's exact size in bytes; the upload's signature allows no other
 */
public record RosterUploadRequest(String fileName, Long size) {
}
