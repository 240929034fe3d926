package org.microcred.organizations.model;

import java.util.List;

/** The body of {@code PATCH /orgs/{orgId}/members/{userId}}: only the fields given change. */
public record MemberPatch(String givenName, String familyName, List<String> roles, Boolean active) {
}
