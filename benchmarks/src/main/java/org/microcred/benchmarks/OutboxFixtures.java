package org.microcred.benchmarks;

import java.util.List;
import org.microcred.records.learning.LearningKeys;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.records.learning.OutboxWriter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes outbox emails through the one outbox writer, as the enrolment service does (bodies
 * compressed), so a notification cold start reads and sends a real one.
 */
final class OutboxFixtures {
    private final OutboxWriter writer;

    OutboxFixtures(DynamoDbClient dynamoDb, String table) {
        this.writer = new OutboxWriter(dynamoDb, table);
    }

    /** A new unsent email; returns its key for the stream record. */
    String newEmail(int run) {
        String messageId = "bench-" + run + "-" + System.nanoTime();
        writer.queue(OutboxEmail.to("learner@bench.example", messageId, "org-bench", "Bench District",
                "Welcome to your micro-credential", "<p>Your coach is Sam.</p>", "Your coach is Sam.",
                "2026-11-23T00:00:00Z"));
        return LearningKeys.outboxPartition(messageId);
    }
}
