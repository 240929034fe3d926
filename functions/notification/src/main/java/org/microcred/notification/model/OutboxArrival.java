package org.microcred.notification.model;

/**
 * An outbox email as it arrived on the table stream: which message to send, and the stream
 * sequence number Lambda needs back if sending it fails (it retries the shard from there).
 */
public record OutboxArrival(String messageId, String sequenceNumber) {
}
