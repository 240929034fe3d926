package org.microcred.shared.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
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

    /**
     * A PUT URL whose signature covers Content-Type and Content-Length: the storage answers 403
     * to any other type or size.
     */
    public static String presignPut(S3Presigner presigner, String bucket, String key, String contentType,
                                    long sizeBytes, Duration expiry) {
        return presigner.presignPutObject(p -> p.signatureDuration(expiry).putObjectRequest(r -> r.bucket(bucket)
                .key(key).contentType(contentType).contentLength(sizeBytes))).url().toString();
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
