package org.microcred.organizations.model;

import java.util.List;

/** The body of {@code POST /orgs/{orgId}/members}: one person and the roles they hold. */
public record MemberRequest(String email, String givenName, String familyName, List<String> roles, String sourcedId) {
}
