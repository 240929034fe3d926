package org.microcred.records.insights;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One stream record in SDK v2 attribute values (what the store code speaks). Images are empty
 * maps, never null: an INSERT has no old image, a REMOVE no new one.
 *
 * @param eventId        unique per change, the same on every redelivery: the idempotency key
 * @param sequenceNumber what Lambda needs to resume the shard after a failure
 */
public record StreamChange(String eventId, String sequenceNumber, String eventName,
                           Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
                           Map<String, AttributeValue> newImage) {

    public static StreamChange of(DynamodbEvent.DynamodbStreamRecord record) {
        var change = record.getDynamodb();
        return new StreamChange(record.getEventID(), change == null ? null : change.getSequenceNumber(),
                record.getEventName(), image(change == null ? null : change.getKeys()),
                image(change == null ? null : change.getOldImage()), image(change == null ? null : change.getNewImage()));
    }

    public String pk() {
        return text(keys, "pk");
    }

    public String sk() {
        return text(keys, "sk");
    }

    public boolean isInsert() {
        return "INSERT".equals(eventName);
    }

    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    public static long number(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            return (long) Double.parseDouble(value.n());
        }
    }

    private static Map<String, AttributeValue> image(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        if (image != null) {
            image.forEach((name, value) -> converted.put(name, value(value)));
        }
        return converted;
    }

    private static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        }
        if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        }
        if (v.getL() != null) {
            return AttributeValue.fromL(v.getL().stream().map(StreamChange::value).toList());
        }
        if (v.getM() != null) {
            return AttributeValue.fromM(image(v.getM()));
        }
        if (v.getSS() != null) {
            return AttributeValue.fromSs(v.getSS());
        }
        if (v.getNS() != null) {
            return AttributeValue.fromNs(v.getNS());
        }
        if (v.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB()));
        }
        // NULL, binary sets: nothing the aggregates read.
        return AttributeValue.fromNul(true);
    }
}
