package org.microcred.organizations.accounts;

import java.util.Optional;

/**
 * The sign-in accounts of the user pool (Cognito in AWS). A member's {@code userId} is the
 * account's {@code sub}; what the account may do is not stored here but in the membership
 * records, which the Pre Token Generation trigger reads at every sign-in.
 */
public interface UserAccounts {

    /**
     * The account for this email address: created when there is none (with an invitation email
     * when {@code invite} is set), otherwise the existing one, unchanged.
     *
     * @throws AccountRefusedException when the user pool refuses the address or the names
     */
    Account provision(NewAccount account);

    /** The account signed in with this email address (lower-cased), if any. */
    Optional<Account> findByEmail(String email);

    /**
     * Ends every session of the account (its refresh tokens stop working), so the person's next
     * token is built from the membership records as they are now.
     */
    void signOutEverywhere(Account account);
}
