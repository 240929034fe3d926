package org.microcred.notification;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.notification.model.OutboxArrival;
import org.microcred.records.learning.LearningKeys;

/**
 * Picks the new outbox emails out of a stream batch, in stream order. In AWS the event source's
 * FilterCriteria already drops everything but inserted {@code EMAIL} items; the local stack
 * delivers every record, and this function's own status items come back as INSERTs of
 * {@code STATUS} items, so the same filter is applied here too (plus the {@code OUTBOX#} key prefix, which
 * the filter cannot express). Dropped records need no answer: only a failure is reported.
 */
final class OutboxArrivals {
    private OutboxArrivals() {
    }

    static List<OutboxArrival> in(DynamodbEvent event) {
        List<OutboxArrival> arrivals = new ArrayList<>();
        if (event == null || event.getRecords() == null) {
            return arrivals;
        }
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            arrival(record).ifPresent(arrivals::add);
        }
        return arrivals;
    }

    private static Optional<OutboxArrival> arrival(DynamodbEvent.DynamodbStreamRecord record) {
        StreamRecord change = record.getDynamodb();
        if (!"INSERT".equals(record.getEventName()) || change == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> key = change.getKeys() != null ? change.getKeys() : change.getNewImage();
        if (key == null) {
            return Optional.empty();
        }
        String pk = string(key, LearningKeys.PK);
        if (!LearningKeys.isOutboxEmail(pk, string(key, LearningKeys.SK))) {
            return Optional.empty();
        }
        return LearningKeys.messageIdOf(pk)
                .map(messageId -> new OutboxArrival(messageId, change.getSequenceNumber()));
    }

    private static String string(Map<String, AttributeValue> attributes, String name) {
        AttributeValue value = attributes.get(name);
        return value == null ? null : value.getS();
    }
}
