package org.microcred.local.lambda;

/** An invocation that failed as a Lambda invocation fails: the handler threw, or could not be loaded. */
public final class FunctionFailedException extends RuntimeException {
    public FunctionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
