package org.microcred.organizations.token;

import java.util.List;

/**
 * What a token says about its holder: the organisation they act in and their roles there
 * (as Cognito group names). No organisation and no roles for someone who is no member.
 *
 * @param userId the id their records know them by (the member's or platform administrator's
 *               {@code userId}); differs from the token's {@code sub} for a federated sign-in
 *               whose membership was made for another account with the same address; null
 *               for someone who is no member
 */
public record TokenClaims(String organizationId, List<String> groups, String userId) {
    public static final TokenClaims NONE = new TokenClaims(null, List.of(), null);

    public TokenClaims {
        groups = List.copyOf(groups);
    }
}
