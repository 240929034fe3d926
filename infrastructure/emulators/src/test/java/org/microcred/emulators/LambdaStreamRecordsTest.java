package org.microcred.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** What a stream handler receives is what Lambda would deliver for the same SDK stream record. */
class LambdaStreamRecordsTest {
    private static final String ARN = "arn:aws:dynamodb:ddblocal:000000000000:table/LearningTable/stream/2026-01-01T00:00:00.000";

    @Test
    void everyAttributeTypeSurvivesIncludingNestedMapsAndLists() {
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("ENR#1"),
                "count", AttributeValue.fromN("42.5"),
                "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")),
                "tags", AttributeValue.fromSs(List.of("a", "b")),
                "scores", AttributeValue.fromNs(List.of("1", "2")),
                "blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))),
                "live", AttributeValue.fromBool(true),
                "gone", AttributeValue.fromNul(true),
                "nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(
                        AttributeValue.fromS("s"), AttributeValue.fromM(Map.of("n", AttributeValue.fromN("7"))))))));

        var image = LambdaStreamRecords.image(item);

        assertThat(image.get("pk").getS()).isEqualTo("ENR#1");
        assertThat(image.get("count").getN()).isEqualTo("42.5");
        assertThat(text(image.get("blob").getB())).isEqualTo("bytes");
        assertThat(image.get("tags").getSS()).containsExactly("a", "b");
        assertThat(image.get("scores").getNS()).containsExactly("1", "2");
        assertThat(image.get("blobs").getBS()).extracting(LambdaStreamRecordsTest::text).containsExactly("x");
        assertThat(image.get("live").getBOOL()).isTrue();
        assertThat(image.get("gone").getNULL()).isTrue();
        var list = image.get("nested").getM().get("list").getL();
        assertThat(list.get(0).getS()).isEqualTo("s");
        assertThat(list.get(1).getM().get("n").getN()).isEqualTo("7");
        assertThat(LambdaStreamRecords.image(null)).isNull();
    }

    @Test
    void recordCarriesEventNameSequenceNumberImagesAndCreationTime() {
        Instant created = Instant.parse("2026-03-01T10:15:30Z");
        Record modify = Record.builder().eventID("e1").eventName(OperationType.MODIFY).eventVersion("1.1")
                .awsRegion("eu-west-1")
                .dynamodb(StreamRecord.builder()
                        .approximateCreationDateTime(created)
                        .keys(Map.of("pk", AttributeValue.fromS("K")))
                        .oldImage(Map.of("pk", AttributeValue.fromS("K"), "v", AttributeValue.fromN("1")))
                        .newImage(Map.of("pk", AttributeValue.fromS("K"), "v", AttributeValue.fromN("2")))
                        .sequenceNumber("100000000000000000001").sizeBytes(64L)
                        .streamViewType("NEW_AND_OLD_IMAGES").build())
                .build();
        Record remove = Record.builder().eventID("e2").eventName(OperationType.REMOVE).eventVersion("1.1")
                .dynamodb(StreamRecord.builder().keys(Map.of("pk", AttributeValue.fromS("K")))
                        .oldImage(Map.of("pk", AttributeValue.fromS("K"))).sequenceNumber("100000000000000000002")
                        .sizeBytes(16L).build())
                .build();

        DynamodbEvent event = LambdaStreamRecords.event(List.of(modify, remove), ARN);

        DynamodbEvent.DynamodbStreamRecord first = event.getRecords().get(0);
        assertThat(first.getEventID()).isEqualTo("e1");
        assertThat(first.getEventName()).isEqualTo("MODIFY");
        assertThat(first.getEventVersion()).isEqualTo("1.1");
        assertThat(first.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(first.getAwsRegion()).isEqualTo("eu-west-1");
        assertThat(first.getEventSourceARN()).isEqualTo(ARN);
        assertThat(first.getDynamodb().getApproximateCreationDateTime()).isEqualTo(Date.from(created));
        assertThat(first.getDynamodb().getKeys().get("pk").getS()).isEqualTo("K");
        assertThat(first.getDynamodb().getOldImage().get("v").getN()).isEqualTo("1");
        assertThat(first.getDynamodb().getNewImage().get("v").getN()).isEqualTo("2");
        assertThat(first.getDynamodb().getSequenceNumber()).isEqualTo("100000000000000000001");
        assertThat(first.getDynamodb().getSizeBytes()).isEqualTo(64L);
        assertThat(first.getDynamodb().getStreamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES.toString());

        DynamodbEvent.DynamodbStreamRecord second = event.getRecords().get(1);
        assertThat(second.getEventName()).isEqualTo("REMOVE");
        assertThat(second.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(second.getDynamodb().getNewImage()).isNull();
        assertThat(second.getDynamodb().getOldImage()).containsOnlyKeys("pk");
        assertThat(second.getDynamodb().getApproximateCreationDateTime()).isNull();
        assertThat(second.getDynamodb().getStreamViewType()).isNull();
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
