package org.microcred.enrollment.store;

/**
 * A transaction was cancelled: a condition failed (someone changed an item since it was read,
 * or a learner is already enrolled) or another transaction touched the same items at once.
 * The service decides which by reading again.
 */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
