package org.microcred.local;

/**
 * Powertools Metrics reads its namespace from the process environment, not from the
 * FunctionEnvironment the local stack injects, and every handler fails without one. Refusing to
 * start says so once, instead of a 500 on every request.
 */
final class PowertoolsEnvironment {
    static final String DISABLED = "POWERTOOLS_METRICS_DISABLED";
    static final String NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";

    private PowertoolsEnvironment() {
    }

    static void check() {
        boolean disabled = "true".equalsIgnoreCase(System.getenv(DISABLED));
        String namespace = System.getenv(NAMESPACE);
        if (!disabled && (namespace == null || namespace.isBlank())) {
            throw new IllegalStateException("Set " + DISABLED + "=true (or " + NAMESPACE
                    + ") in the environment of the JVM running the local stack: Powertools Metrics reads it from the"
                    + " process environment. infrastructure/run-local.sh sets it; for tests, add it to surefire's"
                    + " <environmentVariables>.");
        }
    }
}
