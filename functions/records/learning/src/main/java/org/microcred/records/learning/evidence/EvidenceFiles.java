package org.microcred.records.learning.evidence;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.microcred.shared.aws.ObjectUrls;
import org.microcred.shared.aws.S3Clients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The evidence bucket. Browsers send and fetch bytes through presigned requests; the function
 * itself looks at what arrived (HEAD, and a streamed read for the checksum), seals what it checked
 * (a server-side copy under {@value #SEALED_PREFIX}, conditional on the very object it read), and
 * cleans up. Downloads are only ever signed for sealed keys.
 */
public class EvidenceFiles {
    /** Where checked files are kept; no single PUT URL is ever signed for a key under it. */
    public static final String SEALED_PREFIX = "sealed/";
    /** What a sealed object says when fetched without a presigned override: save it, do not show it. */
    private static final String SEALED_DISPOSITION = "attachment";

    private final Supplier<S3Client> s3;
    private final ObjectUrls urls;
    private final String bucket;

    public EvidenceFiles(Supplier<S3Client> s3, ObjectUrls urls, String bucket) {
        this.s3 = s3;
        this.urls = urls;
        this.bucket = bucket;
    }

    /** The bucket as the function reaches it (S3Proxy locally, S3 in AWS); the client is built on first use. */
    public static EvidenceFiles forEnvironment(FunctionEnvironment environment, String bucket) {
        return new EvidenceFiles(S3Clients.lazyClient(environment), ObjectUrls.forEnvironment(environment), bucket);
    }

    /**
     * What the bucket holds under a key: one particular object, named by its ETag and, in a versioned
     * bucket, its version id (S3Proxy keeps no versions, so there it is null).
     */
    public record StoredObject(long sizeBytes, String contentType, String eTag, String versionId) {
    }

    /** An object read back in full, with the SHA-256 (lower-case hex) of exactly those bytes. */
    public record ReadBack(StoredObject object, String sha256) {
    }

    public static boolean isSealed(String key) {
        return key != null && key.startsWith(SEALED_PREFIX);
    }

    /**
     * A PUT URL whose signature covers Content-Type and Content-Length: the storage answers 403
     * to any other type or size. Never for a sealed key: a PUT could replace what was checked.
     */
    public String presignPut(String key, String contentType, long sizeBytes, Duration expiry) {
        if (isSealed(key)) {
            throw new IllegalArgumentException("No PUT URL is signed for a sealed key: " + key);
        }
        return urls.put(bucket, key, contentType, sizeBytes, expiry);
    }

    /**
     * Starts the multipart upload of a large file, at its sealed key: only the function's
     * CompleteMultipartUpload can create the object there, and the part URLs die with the upload.
     */
    public String startMultipart(String key, String contentType) {
        return s3.get().createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)
                .contentDisposition(SEALED_DISPOSITION)).uploadId();
    }

    /** A PUT URL for one part, its length signed like a single upload's. */
    public String presignPart(String key, String uploadId, int partNumber, long sizeBytes, Duration expiry) {
        return urls.uploadPart(bucket, key, uploadId, partNumber, sizeBytes, expiry);
    }

    /**
     * Joins the parts the browser uploaded.
     *
     * @return false when the storage refuses the parts (missing, wrong ETag, unknown upload)
     */
    public boolean completeMultipart(String key, String uploadId, List<CompletedPart> parts) {
        try {
            s3.get().completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() >= 500) {
                throw e;
            }
            return false;
        }
    }

    public void abortMultipart(String key, String uploadId) {
        try {
            s3.get().abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (S3Exception e) {
            if (e.statusCode() >= 500) {
                throw e;
            }
        }
    }

    public Optional<StoredObject> head(String key) {
        return S3Clients.unlessMissing(() -> s3.get().headObject(r -> r.bucket(bucket).key(key)))
                .map(head -> new StoredObject(head.contentLength(), head.contentType(), head.eTag(), head.versionId()));
    }

    /**
     * Reads the stored object as a stream (never held in memory): its size, type, ETag and version
     * come from the same response as the bytes the SHA-256 is taken of, so they name those bytes.
     */
    public Optional<ReadBack> readBack(String key) {
        try (ResponseInputStream<GetObjectResponse> in = s3.get().getObject(r -> r.bucket(bucket).key(key))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            GetObjectResponse object = in.response();
            return Optional.of(new ReadBack(new StoredObject(object.contentLength(), object.contentType(),
                    object.eTag(), object.versionId()), HexFormat.of().formatHex(digest.digest())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw SdkClientException.create("Reading " + key + " for its checksum failed", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies the checked object to its sealed key, on condition that the source is still exactly that
     * object ({@code x-amz-copy-source-if-match} its ETag, and its version where the bucket keeps
     * versions), with the declared type and an attachment disposition of its own.
     *
     * @return false when the source changed or vanished since it was checked (nothing is copied)
     */
    public boolean seal(String uploadKey, StoredObject checked, String sealedKey, String mediaType) {
        if (!isSealed(sealedKey) || isSealed(uploadKey)) {
            throw new IllegalArgumentException("Sealing copies an upload to a key under " + SEALED_PREFIX);
        }
        try {
            s3.get().copyObject(r -> r.sourceBucket(bucket).sourceKey(uploadKey).sourceVersionId(checked.versionId())
                    .copySourceIfMatch(checked.eTag()).destinationBucket(bucket).destinationKey(sealedKey)
                    .metadataDirective(MetadataDirective.REPLACE).contentType(mediaType)
                    .contentDisposition(SEALED_DISPOSITION));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    public void delete(String key) {
        s3.get().deleteObject(r -> r.bucket(bucket).key(key));
    }

    /**
     * A GET URL for a sealed object that the browser receives with the given Content-Disposition and
     * Content-Type, whatever the object says; callers pass a passive type (see EvidenceMediaTypes).
     *
     * @throws IllegalArgumentException for a key outside {@value #SEALED_PREFIX}: only checked bytes are served
     */
    public String presignGet(String key, String contentDisposition, String contentType, Duration expiry) {
        if (!isSealed(key)) {
            throw new IllegalArgumentException("Only sealed evidence is served, not " + key);
        }
        return urls.get(bucket, key, contentDisposition, contentType, expiry);
    }
}
