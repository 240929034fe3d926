package org.microcred.organizations.accounts;

/**
 * What a new account is made with. The email is verified by the organisation that adds the
 * person (it is their school address), so the account starts with {@code email_verified}.
 *
 * @param invite send the user pool's invitation email (temporary password and sign-in link)
 */
public record NewAccount(String email, String givenName, String familyName, boolean invite) {
}
