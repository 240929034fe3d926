package org.microcred.enrollment.store;

/** A page cursor this API did not issue for this very query. */
public class InvalidCursorException extends RuntimeException {
    public InvalidCursorException(String message) {
        super(message);
    }
}
