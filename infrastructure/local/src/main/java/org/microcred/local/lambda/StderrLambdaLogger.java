package org.microcred.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** What {@code context.getLogger()} writes to locally: standard error, tagged with the function. */
final class StderrLambdaLogger implements LambdaLogger {
    private final String functionName;

    StderrLambdaLogger(String functionName) {
        this.functionName = functionName;
    }

    @Override
    public void log(String message) {
        System.err.println("[" + functionName + "] " + message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
