package org.microcred.insights.aggregate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.microcred.records.insights.AggregateWriter;
import org.microcred.records.insights.Deltas;
import org.microcred.records.insights.FactDeriver;
import org.microcred.records.insights.StreamChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a stream batch to the aggregates in stream order. On the first record that cannot be
 * applied it stops and names that record, so Lambda retries from there; records before it are
 * already applied and their markers make the retry skip them.
 */
public final class Aggregation {
    private static final Logger LOG = LoggerFactory.getLogger(Aggregation.class);

    private final FactDeriver deriver;
    private final AggregateWriter writer;
    private final Clock clock;

    /** What happened to a batch. */
    public record Outcome(int applied, int replayed, int ignored, Optional<String> retryFrom) {
    }

    public Aggregation(FactDeriver deriver, AggregateWriter writer, Clock clock) {
        this.deriver = deriver;
        this.writer = writer;
        this.clock = clock;
    }

    public Outcome apply(List<StreamChange> changes) {
        int applied = 0;
        int replayed = 0;
        int ignored = 0;
        for (StreamChange change : changes) {
            try {
                Deltas deltas = deriver.derive(change);
                if (deltas.isEmpty()) {
                    ignored++;
                } else if (writer.apply(change.eventId(), deltas, clock.instant())) {
                    applied++;
                } else {
                    replayed++;
                }
            } catch (RuntimeException e) {
                LOG.error("Could not aggregate stream record {} ({} {} / {}); retrying from it", change.eventId(),
                        change.eventName(), change.pk(), change.sk(), e);
                return new Outcome(applied, replayed, ignored, Optional.ofNullable(change.sequenceNumber()));
            }
        }
        return new Outcome(applied, replayed, ignored, Optional.empty());
    }
}
