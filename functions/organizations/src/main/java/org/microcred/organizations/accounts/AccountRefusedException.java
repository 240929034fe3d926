package org.microcred.organizations.accounts;

/** The user pool refused to create an account (an address or name it does not accept). */
public class AccountRefusedException extends RuntimeException {
    private final String field;

    public AccountRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the refusal is about ({@code email}, {@code givenName}, ...). */
    public String field() {
        return field;
    }
}
