package org.microcred.organizations.accounts;

/**
 * A sign-in account.
 *
 * @param userId   the account's {@code sub}: the id every record uses for the person
 * @param username the user pool's name for it (for email sign-in pools a generated id; for a
 *                 federated user {@code <provider>_<id>}), needed by admin operations
 * @param email    lower-cased
 * @param created  true when {@link UserAccounts#provision} made it just now
 */
public record Account(String userId, String username, String email, boolean created) {
}
