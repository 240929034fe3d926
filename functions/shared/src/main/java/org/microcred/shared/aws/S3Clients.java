package org.microcred.shared.aws;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A function's S3 client: S3Proxy locally (path-style, {@code MICROCRED_S3_ENDPOINT}), S3 in
 * AWS; presigned URLs come from {@link ObjectUrls}. Checksums only when S3 requires them, because S3Proxy 2.6 refuses the SDK's default
 * CRC headers. Only functions that declare the S3 SDK themselves use this (it is optional here).
 */
public final class S3Clients {
    private S3Clients() {
    }

    /**
     * The client, built on first use: a request that only needs a presigned URL ({@link ObjectUrls})
     * never pays for building it. Priming before a SnapStart snapshot asks for it.
     */
    public static Supplier<S3Client> lazyClient(FunctionEnvironment environment) {
        return new Supplier<>() {
            private volatile S3Client client;

            @Override
            public S3Client get() {
                S3Client built = client;
                if (built == null) {
                    synchronized (this) {
                        if (client == null) {
                            client = build(environment);
                        }
                        built = client;
                    }
                }
                return built;
            }
        };
    }

    public static S3Client build(FunctionEnvironment environment) {
        Optional<String> endpoint = environment.optional(FunctionEnvironment.S3_ENDPOINT);
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build();
        var client = S3Client.builder().httpClient(AwsClients.httpClient()).region(AwsClients.region(environment))
                .credentialsProvider(AwsClients.credentials(endpoint)).serviceConfiguration(pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        endpoint.map(URI::create).ifPresent(client::endpointOverride);
        return client.build();
    }

    /**
     * What a request about one object answers, or empty when there is no such object: S3 says so
     * with NoSuchKey on a GET and with a bare 404 on a HEAD (which has no body to name the error).
     */
    public static <T> Optional<T> unlessMissing(Supplier<T> request) {
        try {
            return Optional.of(request.get());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
