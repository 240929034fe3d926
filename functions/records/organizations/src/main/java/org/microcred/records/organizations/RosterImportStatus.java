package org.microcred.records.organizations;

import java.util.Optional;

/**
 * Where a roster import is. A small roster is imported within its request and is
 * {@link #COMPLETED} at once; an uploaded one goes awaiting-upload, queued, running, then
 * completed (or failed, when the file cannot be read as a roster).
 */
public enum RosterImportStatus {
    AWAITING_UPLOAD("awaiting-upload"),
    QUEUED("queued"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String value;

    RosterImportStatus(String value) {
        this.value = value;
    }

    /** The spelling stored and shown by the API. */
    public String value() {
        return value;
    }

    /** Queued or running: the import stream has rows of it left to do. */
    public boolean inProgress() {
        return this == QUEUED || this == RUNNING;
    }

    public static Optional<RosterImportStatus> fromValue(String value) {
        for (RosterImportStatus status : values()) {
            if (status.value.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
