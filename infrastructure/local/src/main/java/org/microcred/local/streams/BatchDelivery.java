package org.microcred.local.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Consumer;
import org.microcred.emulators.LambdaStreamRecords;
import org.microcred.emulators.StreamEventSource;
import org.microcred.local.lambda.FunctionFailedException;
import org.microcred.local.lambda.LocalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Hands one batch of stream records to a function the way Lambda's event source mapping does:
 * a thrown error retries the whole batch; with {@code ReportBatchItemFailures} the batch is
 * retried from the first reported failure. After the retry limit the rest goes to the dead letters.
 */
final class BatchDelivery {
    static final int DEFAULT_MAXIMUM_RETRIES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(BatchDelivery.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final StreamEventSource source;
    private final LocalFunction function;
    private final Consumer<DeadLetter> deadLetters;
    private final int maximumRetries;
    private final long backoffMillis;

    BatchDelivery(StreamEventSource source, LocalFunction function, Consumer<DeadLetter> deadLetters, long backoffMillis) {
        this.source = source;
        this.function = function;
        this.deadLetters = deadLetters;
        int configured = source.maximumRetryAttempts().orElse(DEFAULT_MAXIMUM_RETRIES);
        this.maximumRetries = configured < 0 ? DEFAULT_MAXIMUM_RETRIES : configured;
        this.backoffMillis = backoffMillis;
    }

    void deliver(List<Record> batch, String streamArn) throws InterruptedException {
        List<Record> remaining = batch;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            DynamodbEvent event = LambdaStreamRecords.event(remaining, streamArn);
            int failedFrom;
            String reason;
            try {
                Object response = function.invoke(event);
                failedFrom = source.reportBatchItemFailures() ? firstFailure(response, remaining) : remaining.size();
                reason = "reported batch item failure";
            } catch (FunctionFailedException e) {
                failedFrom = 0;
                reason = e.getMessage();
            }
            if (failedFrom >= remaining.size()) {
                return;
            }
            remaining = remaining.subList(failedFrom, remaining.size());
            if (attempt > maximumRetries) {
                giveUp(remaining, attempt, reason);
                return;
            }
            LOG.debug("{} failed on {} records ({}); retry {} of {}", source.functionLogicalId(), remaining.size(),
                    reason, attempt, maximumRetries);
            Thread.sleep(backoffMillis * attempt);
        }
    }

    /**
     * The index of the first failed record; everything before it succeeded. A failure naming a
     * record not in the batch fails the whole batch, as Lambda does.
     */
    private static int firstFailure(Object response, List<Record> batch) {
        if (response == null) {
            return batch.size();
        }
        JsonNode failures = MAPPER.valueToTree(response).path("batchItemFailures");
        int first = batch.size();
        for (JsonNode failure : failures) {
            String identifier = failure.path("itemIdentifier").asText("");
            int index = indexOf(batch, identifier);
            if (index < 0) {
                return 0;
            }
            first = Math.min(first, index);
        }
        return first;
    }

    private static int indexOf(List<Record> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    private void giveUp(List<Record> records, int attempts, String reason) {
        List<String> sequenceNumbers = records.stream().map(record -> record.dynamodb().sequenceNumber()).toList();
        LOG.error("Dead letter: {} ({}) gave up on {} stream records after {} attempts: {}", source.functionLogicalId(),
                source.eventName(), records.size(), attempts, reason);
        deadLetters.accept(new DeadLetter(source.functionLogicalId(), source.eventName(), sequenceNumbers, attempts, reason));
    }
}
