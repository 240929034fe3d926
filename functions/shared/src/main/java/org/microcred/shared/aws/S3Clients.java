package org.microcred.shared.aws;

import java.net.URI;
import java.util.Optional;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A function's S3 client and presigner: S3Proxy locally (path-style, {@code MICROCRED_S3_ENDPOINT}),
 * S3 in AWS. Checksums only when S3 requires them, because S3Proxy 2.6 refuses the SDK's default
 * CRC headers. Only functions that declare the S3 SDK themselves use this (it is optional here).
 */
public final class S3Clients {
    private S3Clients() {
    }

    public record Pair(S3Client client, S3Presigner presigner) {
    }

    public static Pair forEnvironment(FunctionEnvironment environment) {
        Optional<String> endpoint = environment.optional(FunctionEnvironment.S3_ENDPOINT);
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build();
        var client = S3Client.builder().httpClient(AwsClients.httpClient()).region(AwsClients.region(environment))
                .credentialsProvider(AwsClients.credentials(endpoint)).serviceConfiguration(pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presigner = S3Presigner.builder().region(AwsClients.region(environment))
                .credentialsProvider(AwsClients.credentials(endpoint)).serviceConfiguration(pathStyle);
        endpoint.map(URI::create).ifPresent(uri -> {
            client.endpointOverride(uri);
            presigner.endpointOverride(uri);
        });
        return new Pair(client.build(), presigner.build());
    }
}
