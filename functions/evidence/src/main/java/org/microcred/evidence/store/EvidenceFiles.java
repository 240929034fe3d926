package org.microcred.evidence.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.microcred.shared.aws.AwsClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The evidence bucket. Browsers send and fetch bytes through presigned requests; the function
 * itself only looks at what arrived (HEAD, and a streamed read for the checksum) and cleans up.
 */
public class EvidenceFiles {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public EvidenceFiles(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /**
     * The evidence bucket as a function reaches it: S3Proxy locally (path-style), S3 in AWS. Checksums
     * only when S3 requires them, because S3Proxy 2.6 refuses the SDK's default CRC headers.
     */
    public static EvidenceFiles forEnvironment(FunctionEnvironment environment, String bucket) {
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
        return new EvidenceFiles(client.build(), presigner.build(), bucket);
    }

    /** What the bucket holds under a key. */
    public record StoredObject(long sizeBytes, String contentType) {
    }

    /**
     * A PUT URL whose signature covers Content-Type and Content-Length: the storage answers 403
     * to any other type or size.
     */
    public String presignPut(String key, String contentType, long sizeBytes, Duration expiry) {
        return presigner.presignPutObject(p -> p.signatureDuration(expiry).putObjectRequest(r -> r.bucket(bucket)
                .key(key).contentType(contentType).contentLength(sizeBytes))).url().toString();
    }

    public String startMultipart(String key, String contentType) {
        return s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)).uploadId();
    }

    /** A PUT URL for one part, its length signed like a single upload's. */
    public String presignPart(String key, String uploadId, int partNumber, long sizeBytes, Duration expiry) {
        return presigner.presignUploadPart(p -> p.signatureDuration(expiry).uploadPartRequest(r -> r.bucket(bucket)
                .key(key).uploadId(uploadId).partNumber(partNumber).contentLength(sizeBytes))).url().toString();
    }

    /**
     * Joins the parts the browser uploaded.
     *
     * @return false when the storage refuses the parts (missing, wrong ETag, unknown upload)
     */
    public boolean completeMultipart(String key, String uploadId, List<CompletedPart> parts) {
        try {
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
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
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (S3Exception e) {
            if (e.statusCode() >= 500) {
                throw e;
            }
        }
    }

    public Optional<StoredObject> head(String key) {
        try {
            var head = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new StoredObject(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The SHA-256 of the stored object as lower-case hex, read as a stream (never held in memory). */
    public String sha256(String key) {
        try (InputStream in = s3.getObject(r -> r.bucket(bucket).key(key))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw SdkClientException.create("Reading " + key + " for its checksum failed", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    /** A GET URL that downloads the object as an attachment named {@code contentDisposition}. */
    public String presignGet(String key, String contentDisposition, Duration expiry) {
        return presigner.presignGetObject(p -> p.signatureDuration(expiry).getObjectRequest(r -> r.bucket(bucket)
                .key(key).responseContentDisposition(contentDisposition))).url().toString();
    }
}
