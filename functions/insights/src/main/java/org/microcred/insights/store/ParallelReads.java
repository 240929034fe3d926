package org.microcred.insights.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A few daemon threads for reads that can run side by side (they never keep a JVM alive), and
 * the join that rethrows a read's failure as it was, so the handler maps it as usual. Each user
 * keeps its own pool: a report waits on its credit history's reads, and one shared fixed pool
 * could fill up with waiters.
 */
public final class ParallelReads implements Executor {
    private final ExecutorService threads;

    public ParallelReads(String threadName, int threadCount) {
        this.threads = Executors.newFixedThreadPool(threadCount, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> CompletableFuture<T> async(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, threads);
    }

    @Override
    public void execute(Runnable command) {
        threads.execute(command);
    }

    /** The result of a read, its failure rethrown as it was. */
    public static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
