package org.microcred.shared.snapstart;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Synthetic DynamoDB stream events that prime a stream function's path (see {@link Priming}). */
public final class PrimingEvents {
    private PrimingEvents() {
    }

    /**
     * One INSERT record of an item with these string attributes, its keys {@code pk} and {@code sk}, as
     * the stream delivers it; its item names nothing that exists, so the function finds nothing to do.
     */
    public static DynamodbEvent insert(Map<String, String> item) {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        item.forEach((name, value) -> image.put(name, new AttributeValue().withS(value)));
        Map<String, AttributeValue> keys = new LinkedHashMap<>();
        keys.put("pk", image.get("pk"));
        keys.put("sk", image.get("sk"));
        StreamRecord change = new StreamRecord().withKeys(keys).withNewImage(image)
                .withSequenceNumber("0").withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(PrimingRequest.ID);
        record.setEventName("INSERT");
        record.setEventSource("aws:dynamodb");
        record.setDynamodb(change);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
