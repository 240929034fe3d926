package org.microcred.records.organizations;

/**
 * A conditional write lost: the record already exists, changed since it was read, or is gone.
 * Nothing was written; the caller decides whether that is a 409, a 412 or a retry.
 */
public class RecordConflictException extends RuntimeException {
    public RecordConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
