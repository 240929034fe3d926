package org.microcred.local.cognito;

/**
 * Delivers the invitation Cognito would email to a new account (locally: to the SES emulator's
 * inbox), so a person can try the first sign-in with the temporary password.
 */
@FunctionalInterface
public interface InvitationSender {
    /** For pools whose invitations nobody reads (tests that only need the accounts). */
    InvitationSender NONE = (email, name, temporaryPassword) -> { };

    /**
     * @param email             the new account's address (its sign-in name)
     * @param name              the person's full name, for the greeting
     * @param temporaryPassword valid for the first sign-in only, where a new one is chosen
     */
    void invite(String email, String name, String temporaryPassword);
}
