package org.microcred.records.core;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.microcred.shared.aws.AwsClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the DynamoDB client once per endpoint and shares it between a function's stores.
 * Building a client costs tens of milliseconds, so it happens at init (where SnapStart
 * snapshots it), never per request. It lives with the records libraries because they are the
 * only code that talks to DynamoDB: a function asks for a store, never for a client.
 */
public final class DynamoDbClients {
    private static final Map<String, DynamoDbClient> CLIENTS = new ConcurrentHashMap<>();
    /** Empty in Lambda: only benchmarks and tests add to it (see {@link #addInterceptor}). */
    private static final List<ExecutionInterceptor> INTERCEPTORS = new CopyOnWriteArrayList<>();

    private DynamoDbClients() {
    }

    /** The client for this environment: the emulator locally, AWS otherwise. */
    public static DynamoDbClient forEnvironment(FunctionEnvironment environment) {
        Optional<String> endpoint = environment.optional(FunctionEnvironment.DYNAMODB_ENDPOINT);
        return CLIENTS.computeIfAbsent(endpoint.orElse("aws"), key -> {
            var builder = DynamoDbClient.builder()
                    .httpClient(AwsClients.httpClient())
                    .region(AwsClients.region(environment))
                    .credentialsProvider(AwsClients.credentials(endpoint));
            endpoint.map(URI::create).ifPresent(builder::endpointOverride);
            if (!INTERCEPTORS.isEmpty()) {
                builder.overrideConfiguration(c -> INTERCEPTORS.forEach(c::addExecutionInterceptor));
            }
            return builder.build();
        });
    }

    /**
     * Benchmark and test hook, never called by a function: clients built from now on also run
     * {@code interceptor} (the capacity benchmark meters every request with it). Clients already
     * handed out keep what they had, so only stores built afterwards are affected.
     */
    public static void addInterceptor(ExecutionInterceptor interceptor) {
        INTERCEPTORS.add(interceptor);
        CLIENTS.clear();
    }

    /** Undoes {@link #addInterceptor} for clients built from now on. */
    public static void removeInterceptor(ExecutionInterceptor interceptor) {
        if (INTERCEPTORS.remove(interceptor)) {
            CLIENTS.clear();
        }
    }
}
