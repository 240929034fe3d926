package org.microcred.shared.aws;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds SDK clients once per endpoint and shares them. Building a client costs tens of
 * milliseconds, so it happens at init (where SnapStart snapshots it), never per request.
 * The URL-connection HTTP client keeps jars small and starts faster than Apache or Netty.
 */
public final class AwsClients {
    private static final SdkHttpClient HTTP_CLIENT = UrlConnectionHttpClient.builder().build();
    private static final Map<String, DynamoDbClient> DYNAMODB = new ConcurrentHashMap<>();
    /** Empty in Lambda: only benchmarks and tests add to it (see {@link #addDynamoDbInterceptor}). */
    private static final List<ExecutionInterceptor> DYNAMODB_INTERCEPTORS = new CopyOnWriteArrayList<>();

    private AwsClients() {
    }

    /** The DynamoDB client for this environment: the emulator locally, AWS otherwise. */
    public static DynamoDbClient dynamoDb(FunctionEnvironment environment) {
        Optional<String> endpoint = environment.optional(FunctionEnvironment.DYNAMODB_ENDPOINT);
        return DYNAMODB.computeIfAbsent(endpoint.orElse("aws"), key -> {
            var builder = DynamoDbClient.builder()
                    .httpClient(HTTP_CLIENT)
                    .region(region(environment))
                    .credentialsProvider(credentials(endpoint));
            endpoint.map(URI::create).ifPresent(builder::endpointOverride);
            if (!DYNAMODB_INTERCEPTORS.isEmpty()) {
                builder.overrideConfiguration(c -> DYNAMODB_INTERCEPTORS.forEach(c::addExecutionInterceptor));
            }
            return builder.build();
        });
    }

    /**
     * Benchmark and test hook, never called by a function: DynamoDB clients built from now on
     * also run {@code interceptor} (the capacity benchmark meters every request with it). Clients
     * already handed out keep what they had, so only handlers built afterwards are affected.
     */
    public static void addDynamoDbInterceptor(ExecutionInterceptor interceptor) {
        DYNAMODB_INTERCEPTORS.add(interceptor);
        DYNAMODB.clear();
    }

    /** Undoes {@link #addDynamoDbInterceptor} for clients built from now on. */
    public static void removeDynamoDbInterceptor(ExecutionInterceptor interceptor) {
        if (DYNAMODB_INTERCEPTORS.remove(interceptor)) {
            DYNAMODB.clear();
        }
    }

    public static Region region(FunctionEnvironment environment) {
        return Region.of(environment.optional("AWS_REGION", "us-east-1"));
    }

    public static SdkHttpClient httpClient() {
        return HTTP_CLIENT;
    }

    /**
     * Emulators accept any key; in AWS the default chain reads the function's role
     * (and, unlike the environment-variable provider, keeps working after a SnapStart restore).
     */
    public static AwsCredentialsProvider credentials(Optional<String> emulatorEndpoint) {
        if (emulatorEndpoint.isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
