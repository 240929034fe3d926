package org.microcred.organizations.roster;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.microcred.shared.aws.ObjectUrls;
import org.microcred.shared.aws.S3Clients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The roster bucket: an admin's browser puts the file there with a presigned PUT, the import
 * reads it back. Keys are {@code rosters/<orgId>/<importId>.csv}; the bucket expires them after
 * a week.
 */
public class RosterFiles {
    private final Supplier<S3Client> s3;
    private final ObjectUrls urls;
    private final String bucket;

    public RosterFiles(Supplier<S3Client> s3, ObjectUrls urls, String bucket) {
        this.s3 = s3;
        this.urls = urls;
        this.bucket = bucket;
    }

    /** The bucket as the function reaches it (S3Proxy locally, S3 in AWS); the client is built on first use. */
    public static RosterFiles forEnvironment(FunctionEnvironment environment, String bucket) {
        return new RosterFiles(S3Clients.lazyClient(environment), ObjectUrls.forEnvironment(environment), bucket);
    }

    static String objectKey(String organizationId, String importId) {
        return "rosters/" + organizationId + "/" + importId + ".csv";
    }

    /**
     * A PUT URL whose signature covers Content-Type and Content-Length: the storage answers 403
     * to any other type or size.
     */
    String presignPut(String key, String contentType, long sizeBytes, Duration expiry) {
        return urls.put(bucket, key, contentType, sizeBytes, expiry);
    }

    /** The stored object's size, if the upload arrived. */
    Optional<Long> size(String key) {
        return S3Clients.unlessMissing(() -> s3.get().headObject(r -> r.bucket(bucket).key(key)).contentLength());
    }

    /** The whole file (at most 5 MiB, checked at start), if it is still there. */
    Optional<byte[]> read(String key) {
        return S3Clients.unlessMissing(() -> s3.get().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
    }
}
