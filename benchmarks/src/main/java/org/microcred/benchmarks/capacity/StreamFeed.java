package org.microcred.benchmarks.capacity;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microcred.emulators.LambdaStreamRecords;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One table's stream read the way Lambda's event source mapping reads it, on demand: every call
 * of {@link #drain()} returns the records written since the last one, shard by shard, converted
 * to the aws-lambda-java-events model a stream handler receives. Reading a stream costs no
 * read capacity, so the clients here are not metered.
 */
final class StreamFeed {
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> lastSequence = new LinkedHashMap<>();

    StreamFeed(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table) {
        this.streams = streams;
        this.streamArn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("Table " + table + " has no stream");
        }
    }

    /** Passes over everything the stream holds now, so the next drain starts with what comes after. */
    void skipToEnd() {
        drain();
    }

    /** The records written since the last call, in stream order. */
    List<DynamodbEvent.DynamodbStreamRecord> drain() {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (Shard shard : shards()) {
            String after = lastSequence.get(shard.shardId());
            String iterator = streams.getShardIterator(r -> {
                r.streamArn(streamArn).shardId(shard.shardId());
                if (after == null) {
                    r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                } else {
                    r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
                }
            }).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current).limit(1000));
                for (Record record : page.records()) {
                    records.add(LambdaStreamRecords.convert(record, streamArn));
                    lastSequence.put(shard.shardId(), record.dynamodb().sequenceNumber());
                }
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String lastShard = null;
        do {
            String startAfter = lastShard;
            var description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(startAfter))
                    .streamDescription();
            shards.addAll(description.shards());
            lastShard = description.lastEvaluatedShardId();
        } while (lastShard != null);
        return shards;
    }
}
