package org.microcred.dataintegrity;

/** The document cannot be canonicalised (invalid JSON-LD, an unbundled context, a protected term redefined). */
public final class InvalidDocumentException extends RuntimeException {
    public InvalidDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
