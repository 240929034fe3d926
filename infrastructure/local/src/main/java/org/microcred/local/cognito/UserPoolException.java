package org.microcred.local.cognito;

/**
 * A request the local user pool refuses, named as Cognito names it
 * ({@code UsernameExistsException}, {@code InvalidParameterException}, ...) so the wire protocol
 * can answer exactly what the SDK expects from the real service.
 */
public class UserPoolException extends RuntimeException {
    private final String type;

    public UserPoolException(String type, String message) {
        super(message);
        this.type = type;
    }

    public static UserPoolException userNotFound() {
        return new UserPoolException("UserNotFoundException", "User does not exist.");
    }

    public static UserPoolException invalidParameter(String message) {
        return new UserPoolException("InvalidParameterException", message);
    }

    /** Cognito's error code, the {@code __type} of the error response. */
    public String type() {
        return type;
    }
}
