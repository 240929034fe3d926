package org.microcred.notification.mail;

/**
 * SES refused this particular email for good (a bad request or a rejected message); sending it
 * again would be refused again, so it must not hold up the emails behind it on the stream.
 */
public class EmailRejectedException extends RuntimeException {
    public EmailRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
