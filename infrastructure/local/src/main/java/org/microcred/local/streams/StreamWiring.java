package org.microcred.local.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.microcred.emulators.FunctionDefinition;
import org.microcred.emulators.LocalEmulators;
import org.microcred.emulators.SamTemplate;
import org.microcred.emulators.StreamEventSource;
import org.microcred.local.lambda.LocalFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Lambda's DynamoDB event source mappings, locally: every {@code Type: DynamoDB} event in the
 * template gets a poller that feeds its table's stream to the function.
 */
public final class StreamWiring implements AutoCloseable {
    static final long POLL_INTERVAL_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(StreamWiring.class);

    private final ScheduledExecutorService executor;
    private final List<DeadLetter> deadLetters;

    private StreamWiring(ScheduledExecutorService executor, List<DeadLetter> deadLetters) {
        this.executor = executor;
        this.deadLetters = deadLetters;
    }

    /**
     * Starts polling. {@code fromTrimHorizon} is true for fresh data (every record counts) and
     * false on a restart over kept data, where old records were already handled in an earlier run.
     */
    public static StreamWiring start(SamTemplate template, LocalEmulators emulators, Map<String, String> physicalNames,
                                     LocalFunctions functions, boolean fromTrimHorizon) {
        List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
        List<StreamPoller> pollers = new ArrayList<>();
        for (FunctionDefinition function : template.functions()) {
            for (StreamEventSource source : function.streamEvents()) {
                BatchDelivery delivery = new BatchDelivery(source, functions.get(function.logicalId()), deadLetters::add, 50);
                StreamPoller poller = new StreamPoller(source, physicalNames.get(source.tableLogicalId()),
                        emulators.dynamoDb(), emulators.dynamoDbStreams(), delivery,
                        fromTrimHorizon ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.LATEST);
                poller.discover();
                pollers.add(poller);
            }
        }
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(Math.max(1, Math.min(pollers.size(), 4)),
                runnable -> {
                    Thread thread = new Thread(runnable, "local-streams");
                    thread.setDaemon(true);
                    return thread;
                });
        for (StreamPoller poller : pollers) {
            executor.scheduleWithFixedDelay(() -> pollSafely(poller), 0, POLL_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
        return new StreamWiring(executor, deadLetters);
    }

    private static void pollSafely(StreamPoller poller) {
        try {
            poller.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || e instanceof AbortedException) {
                return;
            }
            // A poller that throws would never be scheduled again; log and keep polling.
            LOG.warn("Polling the stream for {} failed", poller.source().functionLogicalId(), e);
        }
    }

    /** Records functions gave up on, oldest first. */
    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    @Override
    public void close() {
        // Let a poll in flight finish: interrupting it mid-request makes DynamoDB Local log errors.
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
