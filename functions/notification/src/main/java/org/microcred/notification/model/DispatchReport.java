package org.microcred.notification.model;

import java.util.List;
import java.util.Optional;

/**
 * The result of one batch: the outcome of every email dealt with, in stream order, and the
 * sequence number of the email that failed in a way worth retrying, if one did. Emails after
 * that one were not attempted.
 */
public record DispatchReport(List<Delivery> deliveries, Optional<String> retryFrom) {
    public DispatchReport {
        deliveries = List.copyOf(deliveries);
    }

    public long count(Delivery outcome) {
        return deliveries.stream().filter(outcome::equals).count();
    }
}
