package org.microcred.emulators;

import java.util.OptionalInt;

/**
 * A {@code Type: DynamoDB} event of a function: which table's stream feeds it, in what batches,
 * and whether it reports partial batch failures ({@code ReportBatchItemFailures}).
 */
public record StreamEventSource(String functionLogicalId,
                                String eventName,
                                String tableLogicalId,
                                int batchSize,
                                String startingPosition,
                                boolean reportBatchItemFailures,
                                OptionalInt maximumRetryAttempts) {
}
