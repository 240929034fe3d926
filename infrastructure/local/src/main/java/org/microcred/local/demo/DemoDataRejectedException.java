package org.microcred.local.demo;

/** A demo document the real API refused: the demo data no longer meets the real rules. */
public final class DemoDataRejectedException extends RuntimeException {
    public DemoDataRejectedException(String message) {
        super(message);
    }
}
