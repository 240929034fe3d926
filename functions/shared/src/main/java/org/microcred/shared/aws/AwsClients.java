package org.microcred.shared.aws;

import java.util.Optional;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every SDK client of ours shares: the HTTP client, region and credentials. Clients are built once per endpoint. Building a client costs tens of
 * milliseconds, so it happens at init (where SnapStart snapshots it), never per request.
 * The URL-connection HTTP client keeps jars small and starts faster than Apache or Netty.
 */
public final class AwsClients {
    private static final SdkHttpClient HTTP_CLIENT = UrlConnectionHttpClient.builder().build();
    private AwsClients() {
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
