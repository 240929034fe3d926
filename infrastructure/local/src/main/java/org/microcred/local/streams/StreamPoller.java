package org.microcred.local.streams;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microcred.emulators.StreamEventSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads one table's stream for one function, shard by shard (a child only after its parent is
 * done), in batches of the event's {@code BatchSize}. Called over and over by {@link StreamWiring}.
 */
final class StreamPoller {
    private final StreamEventSource source;
    private final String tableName;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final BatchDelivery delivery;
    private final ShardIteratorType firstPosition;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Map<String, String> parents = new LinkedHashMap<>();
    /** The last record delivered per shard: where to resume when an iterator goes stale. */
    private final Map<String, String> lastSequence = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private String streamArn;
    private boolean discoveredOnce;

    StreamPoller(StreamEventSource source, String tableName, DynamoDbClient dynamoDb, DynamoDbStreamsClient streams,
                 BatchDelivery delivery, ShardIteratorType firstPosition) {
        this.source = source;
        this.tableName = tableName;
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.delivery = delivery;
        this.firstPosition = firstPosition;
    }

    /** Finds the stream and its shards; shards present now start at the configured position. */
    void discover() {
        if (streamArn == null) {
            streamArn = dynamoDb.describeTable(request -> request.tableName(tableName)).table().latestStreamArn();
            if (streamArn == null) {
                throw new IllegalStateException("Table " + tableName + " has no stream, but " + source.functionLogicalId()
                        + " subscribes to it; give the table a StreamSpecification in template.yaml");
            }
        }
        String lastShard = null;
        do {
            String startAfter = lastShard;
            var description = streams.describeStream(request -> request.streamArn(streamArn).exclusiveStartShardId(startAfter))
                    .streamDescription();
            for (Shard shard : description.shards()) {
                track(shard);
            }
            lastShard = description.lastEvaluatedShardId();
        } while (lastShard != null);
        discoveredOnce = true;
    }

    private void track(Shard shard) {
        String id = shard.shardId();
        if (iterators.containsKey(id) || finished.contains(id)) {
            return;
        }
        ShardIteratorType position = discoveredOnce ? ShardIteratorType.TRIM_HORIZON : firstPosition;
        String iterator = streams.getShardIterator(request -> request.streamArn(streamArn).shardId(id)
                .shardIteratorType(position)).shardIterator();
        iterators.put(id, iterator);
        if (shard.parentShardId() != null) {
            parents.put(id, shard.parentShardId());
        }
    }

    /** One round: new shards, then a batch from every shard whose parent is done. */
    void poll() throws InterruptedException {
        discover();
        for (String shardId : List.copyOf(iterators.keySet())) {
            String parent = parents.get(shardId);
            if (parent != null && iterators.containsKey(parent)) {
                continue;
            }
            pollShard(shardId);
        }
    }

    private void pollShard(String shardId) throws InterruptedException {
        String iterator = iterators.get(shardId);
        GetRecordsResponse response;
        try {
            response = streams.getRecords(request -> request.shardIterator(iterator).limit(source.batchSize()));
        } catch (TrimmedDataAccessException | ExpiredIteratorException stale) {
            // DynamoDB Local numbers records with one counter across all tables, so an iterator
            // parked on a quiet stream goes stale as soon as another table is written.
            iterators.put(shardId, resumeIterator(shardId));
            return;
        }
        if (!response.records().isEmpty()) {
            delivery.deliver(response.records(), streamArn);
            lastSequence.put(shardId, response.records().get(response.records().size() - 1).dynamodb().sequenceNumber());
        }
        if (response.nextShardIterator() == null) {
            iterators.remove(shardId);
            finished.add(shardId);
        } else {
            iterators.put(shardId, response.nextShardIterator());
        }
    }

    private String resumeIterator(String shardId) {
        String after = lastSequence.get(shardId);
        return streams.getShardIterator(request -> {
            request.streamArn(streamArn).shardId(shardId);
            if (after == null) {
                request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
            }
        }).shardIterator();
    }

    StreamEventSource source() {
        return source;
    }
}
