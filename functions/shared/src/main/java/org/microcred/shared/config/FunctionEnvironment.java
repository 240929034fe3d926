package org.microcred.shared.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables a function was deployed with (names as in template.yaml).
 * Injected rather than read from {@link System#getenv()} directly so the local stack can run
 * several functions, each with its own environment, inside one JVM.
 */
public final class FunctionEnvironment {
    /** Set only outside AWS: the endpoint of the local DynamoDB emulator. */
    public static final String DYNAMODB_ENDPOINT = "MICROCRED_DYNAMODB_ENDPOINT";
    /** Set only outside AWS: the endpoint of the local Cognito user pool stand-in. */
    public static final String COGNITO_ENDPOINT = "MICROCRED_COGNITO_ENDPOINT";
    /** Set only outside AWS: the endpoint of the local S3 emulator. */
    public static final String S3_ENDPOINT = "MICROCRED_S3_ENDPOINT";
    /** Set only outside AWS: the endpoint of the local SES emulator. */
    public static final String SES_ENDPOINT = "MICROCRED_SES_ENDPOINT";
    /** Set only outside AWS: the endpoint of a Secrets Manager emulator (moto in tests). */
    public static final String SECRETSMANAGER_ENDPOINT = "MICROCRED_SECRETSMANAGER_ENDPOINT";

    private final Map<String, String> variables;

    private FunctionEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The process environment: what Lambda gives a deployed function. */
    public static FunctionEnvironment fromSystem() {
        return new FunctionEnvironment(System.getenv());
    }

    public static FunctionEnvironment of(Map<String, String> variables) {
        return new FunctionEnvironment(variables);
    }

    /** A copy with one variable added or replaced. */
    public FunctionEnvironment with(String name, String value) {
        Map<String, String> copy = new HashMap<>(variables);
        copy.put(name, value);
        return new FunctionEnvironment(copy);
    }

    /**
     * The value of a variable the function cannot work without.
     *
     * @throws IllegalStateException naming the variable, so a broken deployment fails at init
     */
    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    public String optional(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public Map<String, String> asMap() {
        return variables;
    }
}
