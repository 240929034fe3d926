package org.microcred.emulators.junit;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.microcred.emulators.LambdaStreamRecords;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table's real stream on DynamoDB Local, handed out as the records Lambda delivers
 * (aws-lambda-java-events model), for tests of stream functions. Each {@link #drain()} returns
 * the records not returned before, in sequence order.
 */
public final class TableStream {
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final String table;
    private final Set<String> seen = new HashSet<>();

    public TableStream(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.table = table;
    }

    public List<DynamodbEvent.DynamodbStreamRecord> drain() {
        String arn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        List<Record> fresh = new ArrayList<>();
        for (Shard shard : streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response = streams.getRecords(r -> r.shardIterator(current).limit(1000));
                for (Record record : response.records()) {
                    if (seen.add(record.dynamodb().sequenceNumber())) {
                        fresh.add(record);
                    }
                }
                iterator = response.records().isEmpty() ? null : response.nextShardIterator();
            }
        }
        fresh.sort(Comparator.comparing(record -> new BigInteger(record.dynamodb().sequenceNumber())));
        return fresh.stream().map(record -> LambdaStreamRecords.convert(record, arn)).toList();
    }
}
