package org.microcred.emulators.junit;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.microcred.emulators.LambdaStreamRecords;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB stream records as Lambda delivers them (the aws-lambda-java-events model), built
 * from the same items a test puts in the table, for tests that call a stream handler directly.
 * Sequence numbers grow like a shard's.
 */
public final class StreamEvents {
    private static final AtomicLong SEQUENCE = new AtomicLong(100_000_000_000_000_000L);

    private StreamEvents() {
    }

    public static DynamodbEvent batch(DynamodbEvent.DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(Arrays.asList(records));
        return event;
    }

    public static DynamodbEvent batch(List<DynamodbEvent.DynamodbStreamRecord> records) {
        return batch(records.toArray(DynamodbEvent.DynamodbStreamRecord[]::new));
    }

    public static DynamodbEvent.DynamodbStreamRecord insert(Map<String, AttributeValue> item) {
        return record("INSERT", item, null, item);
    }

    public static DynamodbEvent.DynamodbStreamRecord modify(Map<String, AttributeValue> oldItem,
                                                            Map<String, AttributeValue> newItem) {
        return record("MODIFY", newItem, oldItem, newItem);
    }

    public static DynamodbEvent.DynamodbStreamRecord remove(Map<String, AttributeValue> item) {
        return record("REMOVE", item, item, null);
    }

    public static String sequenceNumber(DynamodbEvent.DynamodbStreamRecord record) {
        return record.getDynamodb().getSequenceNumber();
    }

    /** An SDK item as a stream image (the events model's own AttributeValue). */
    public static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(
            Map<String, AttributeValue> item) {
        return LambdaStreamRecords.image(item);
    }

    private static DynamodbEvent.DynamodbStreamRecord record(String eventName, Map<String, AttributeValue> keySource,
                                                             Map<String, AttributeValue> oldImage,
                                                             Map<String, AttributeValue> newImage) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(Long.toHexString(SEQUENCE.get()));
        record.setEventName(eventName);
        record.setEventVersion("1.1");
        record.setEventSource("aws:dynamodb");
        record.setAwsRegion("us-east-1");
        record.setEventSourceARN("arn:aws:dynamodb:us-east-1:000000000000:table/LearningTable/stream/2026-01-01T00:00:00.000");
        StreamRecord change = new StreamRecord();
        change.setKeys(image(Map.of("pk", keySource.get("pk"), "sk", keySource.get("sk"))));
        change.setOldImage(oldImage == null ? null : image(oldImage));
        change.setNewImage(newImage == null ? null : image(newImage));
        change.setSequenceNumber(Long.toString(SEQUENCE.incrementAndGet()));
        change.setSizeBytes(256L);
        change.setStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        record.setDynamodb(change);
        return record;
    }
}
