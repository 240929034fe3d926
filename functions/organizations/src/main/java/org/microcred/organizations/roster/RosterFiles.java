package org.microcred.organizations.roster;

import java.time.Duration;
import java.util.Optional;
import org.microcred.shared.aws.S3Clients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The roster bucket: an admin's browser puts the file there with a presigned PUT, the import
 * reads it back. Keys are {@code rosters/<orgId>/<importId>.csv}; the bucket expires them after
 * a week.
 */
public class RosterFiles {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public RosterFiles(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** The bucket as the function reaches it (S3Proxy locally, S3 in AWS). */
    public static RosterFiles forEnvironment(FunctionEnvironment environment, String bucket) {
        S3Clients.Pair s3 = S3Clients.forEnvironment(environment);
        return new RosterFiles(s3.client(), s3.presigner(), bucket);
    }

    static String objectKey(String organizationId, String importId) {
        return "rosters/" + organizationId + "/" + importId + ".csv";
    }

    /**
     * A PUT URL whose signature covers Content-Type and Content-Length: the storage answers 403
     * to any other type or size.
     */
    String presignPut(String key, String contentType, long sizeBytes, Duration expiry) {
        return S3Clients.presignPut(presigner, bucket, key, contentType, sizeBytes, expiry);
    }

    /** The stored object's size, if the upload arrived. */
    Optional<Long> size(String key) {
        return S3Clients.unlessMissing(() -> s3.headObject(r -> r.bucket(bucket).key(key)).contentLength());
    }

    /** The whole file (at most 5 MiB, checked at start), if it is still there. */
    Optional<byte[]> read(String key) {
        return S3Clients.unlessMissing(() -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
    }
}
