package org.microcred.review.model;

import java.util.List;

/** An organisation's waiting reviews, oldest first, with how many are over its target. */
public record OverdueReport(String organizationId, int targetBusinessDays, int waitingCount, int overTargetCount,
                           List<WaitingReview> items) {
    public OverdueReport {
        items = List.copyOf(items);
    }
}
