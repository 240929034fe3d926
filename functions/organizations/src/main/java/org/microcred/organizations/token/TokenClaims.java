package org.microcred.organizations.token;

import java.util.List;

/**
 * What a token says about its holder: the organisation they act in and their roles there
 * (as Cognito group names). No organisation and no roles for someone who is no member.
 */
public record TokenClaims(String organizationId, List<String> groups) {
    public static final TokenClaims NONE = new TokenClaims(null, List.of());

    public TokenClaims {
        groups = List.copyOf(groups);
    }
}
