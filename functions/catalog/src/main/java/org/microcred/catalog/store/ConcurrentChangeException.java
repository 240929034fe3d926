package org.microcred.catalog.store;

/** A conditional write lost a race: someone else changed the item since it was read. */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
