package org.microcred.emulators;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The one conversion of DynamoDB stream records read with SDK v2 into the aws-lambda-java-events
 * model, which is what Lambda hands a function subscribed to a DynamoDB stream. The local stack's
 * stream wiring, the stream test helpers and the benchmarks all deliver records through it.
 */
public final class LambdaStreamRecords {
    static final String DEFAULT_REGION = "us-east-1";

    private LambdaStreamRecords() {
    }

    /** One Lambda event holding the records, in the order given. */
    public static DynamodbEvent event(List<Record> records, String streamArn) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records.stream().map(record -> convert(record, streamArn)).toList());
        return event;
    }

    public static DynamodbEvent.DynamodbStreamRecord convert(Record record, String streamArn) {
        DynamodbEvent.DynamodbStreamRecord converted = new DynamodbEvent.DynamodbStreamRecord();
        converted.setEventID(record.eventID());
        converted.setEventName(record.eventNameAsString());
        converted.setEventVersion(record.eventVersion());
        converted.setEventSource("aws:dynamodb");
        converted.setAwsRegion(record.awsRegion() == null ? DEFAULT_REGION : record.awsRegion());
        converted.setEventSourceARN(streamArn);
        var source = record.dynamodb();
        StreamRecord stream = new StreamRecord();
        if (source.approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        stream.setKeys(image(source.keys()));
        stream.setNewImage(source.hasNewImage() ? image(source.newImage()) : null);
        stream.setOldImage(source.hasOldImage() ? image(source.oldImage()) : null);
        stream.setSequenceNumber(source.sequenceNumber());
        stream.setSizeBytes(source.sizeBytes());
        if (source.streamViewTypeAsString() != null) {
            stream.setStreamViewType(StreamViewType.fromValue(source.streamViewTypeAsString()));
        }
        converted.setDynamodb(stream);
        return converted;
    }

    /** An SDK item as a stream image (the events model's own AttributeValue); null stays null. */
    public static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(
            Map<String, AttributeValue> image) {
        if (image == null) {
            return null;
        }
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> converted =
                new LinkedHashMap<>();
        image.forEach((name, value) -> converted.put(name, value(value)));
        return converted;
    }

    public static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(AttributeValue value) {
        var converted = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case B -> converted.setB(value.b().asByteBuffer());
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case BS -> converted.setBS(value.bs().stream().map(SdkBytes::asByteBuffer).toList());
            case M -> converted.setM(image(value.m()));
            case L -> converted.setL(value.l().stream().map(LambdaStreamRecords::value).toList());
            case BOOL -> converted.setBOOL(value.bool());
            case NUL -> converted.setNULL(true);
            default -> throw new IllegalArgumentException("Unknown attribute type in a stream record: " + value);
        }
        return converted;
    }
}
