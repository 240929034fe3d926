package org.microcred.records.learning;

import java.util.Optional;

/**
 * An outbox email as it stands: the email and, once the notification function is done with it,
 * when it was sent or given up.
 */
public record QueuedEmail(OutboxEmail email, Optional<String> sentAt, Optional<String> failedAt) {
    /** Sent or given up: nothing more to do. */
    public boolean isDone() {
        return sentAt.isPresent() || failedAt.isPresent();
    }
}
