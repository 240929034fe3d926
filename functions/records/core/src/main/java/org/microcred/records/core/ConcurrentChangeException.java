package org.microcred.records.core;

/**
 * A conditional write or transaction was refused: a condition failed (someone changed an item
 * since it was read, or it already exists) or another transaction touched the same items at
 * once. The service decides which by reading again.
 */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
