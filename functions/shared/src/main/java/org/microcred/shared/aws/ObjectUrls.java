package org.microcred.shared.aws;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Presigned S3 URLs, signed with Signature Version 4 in the query string as S3 documents it,
 * through the SDK's own V4 signer (the one the DynamoDB client already loads) rather than the S3
 * presigner: building the presigner and its request models loaded some 260 S3 classes on a cold
 * start that only needed one URL. Path-style against an emulator endpoint (S3Proxy),
 * virtual-hosted style in AWS. The payload is never signed (UNSIGNED-PAYLOAD), as with the S3
 * presigner; what the browser may send is fixed by the signed headers instead.
 */
public final class ObjectUrls {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Optional<URI> endpoint;
    private final Clock clock;

    public ObjectUrls(AwsCredentialsProvider credentials, String region, Optional<URI> endpoint, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    public static ObjectUrls forEnvironment(FunctionEnvironment environment) {
        Optional<String> endpoint = environment.optional(FunctionEnvironment.S3_ENDPOINT);
        return new ObjectUrls(AwsClients.credentials(endpoint), AwsClients.region(environment).id(),
                endpoint.map(URI::create), Clock.systemUTC());
    }

    /** A PUT whose signature covers Content-Type and Content-Length: S3 answers 403 to any other. */
    public String put(String bucket, String key, String contentType, long sizeBytes, Duration expiry) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Content-Length", Long.toString(sizeBytes));
        return sign(SdkHttpMethod.PUT, bucket, key, Map.of(), headers, expiry);
    }

    /** A PUT of one part of a multipart upload, its length signed. */
    public String uploadPart(String bucket, String key, String uploadId, int partNumber, long sizeBytes,
                             Duration expiry) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("partNumber", Integer.toString(partNumber));
        query.put("uploadId", uploadId);
        return sign(SdkHttpMethod.PUT, bucket, key, query, Map.of("Content-Length", Long.toString(sizeBytes)), expiry);
    }

    /** A GET whose response carries the given Content-Disposition and Content-Type, whatever the object says. */
    public String get(String bucket, String key, String contentDisposition, String contentType, Duration expiry) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response-content-disposition", contentDisposition);
        query.put("response-content-type", contentType);
        return sign(SdkHttpMethod.GET, bucket, key, query, Map.of(), expiry);
    }

    private String sign(SdkHttpMethod method, String bucket, String key, Map<String, String> query,
                        Map<String, String> headers, Duration expiry) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(method).uri(objectUri(bucket, key));
        query.forEach(request::putRawQueryParameter);
        headers.forEach(request::putHeader);
        return SIGNER.sign(signing -> signing.identity(credentials.resolveCredentials()).request(request.build())
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expiry)
                        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        // S3 signs the path as sent: no second encoding, no dot-segment clean-up.
                        .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock))
                .request().getUri().toString();
    }

    private URI objectUri(String bucket, String key) {
        String path = "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        return endpoint.map(base -> URI.create(trimSlash(base.toString()) + "/" + bucket + path))
                .orElseGet(() -> URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com" + path));
    }

    private static String trimSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
