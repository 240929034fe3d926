package org.microcred.emulators.junit;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Silences one logger while a test provokes the failure it reports, so an error the test
 * expects (and asserts on) is not printed as a stack trace in the test log. Restores the level
 * the logger had when closed.
 *
 * <pre>{@code
 * try (var quiet = ExpectedErrorLog.from(Aggregation.class)) {
 *     response = aggregator.aggregate(batchWithABadRecord);
 * }
 * }</pre>
 */
public final class ExpectedErrorLog implements AutoCloseable {
    private final String logger;
    private final Level before;

    private ExpectedErrorLog(String logger) {
        this.logger = logger;
        this.before = LogManager.getLogger(logger).getLevel();
        Configurator.setLevel(logger, Level.OFF);
    }

    public static ExpectedErrorLog from(Class<?> loggingClass) {
        return new ExpectedErrorLog(loggingClass.getName());
    }

    @Override
    public void close() {
        Configurator.setLevel(logger, before);
    }
}
