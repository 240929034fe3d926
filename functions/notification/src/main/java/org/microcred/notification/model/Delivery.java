package org.microcred.notification.model;

/** What became of one outbox email in one invocation; each outcome has its own metric. */
public enum Delivery {
    /** Handed to SES now. */
    SENT("EmailsSent"),
    /** Already sent or already given up on: a replayed or duplicate stream record. */
    SKIPPED_AS_DUPLICATE("EmailsSkippedAsDuplicate"),
    /** Malformed or permanently rejected by SES: marked failed in the table, never retried. */
    FAILED("EmailsFailed"),
    /** The outbox item was deleted before it could be sent, so there is nothing to send. */
    SKIPPED_AS_WITHDRAWN("EmailsSkippedAsWithdrawn");

    private final String metricName;

    Delivery(String metricName) {
        this.metricName = metricName;
    }

    public String metricName() {
        return metricName;
    }
}
