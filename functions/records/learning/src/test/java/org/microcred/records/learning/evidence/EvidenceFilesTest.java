package org.microcred.records.learning.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.shared.aws.ObjectUrls;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Presigned requests against S3Proxy, which checks Signature Version 4 as S3 does: what the
 * signature covers (type, length, part, response headers) is what the storage enforces.
 */
@ExtendWith(EmulatorsExtension.class)
class EvidenceFilesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestStack stack;
    private static EvidenceFiles files;
    private static String bucket;

    @BeforeAll
    static void bucket(TestStack testStack) {
        stack = testStack;
        bucket = stack.bucketName("EvidenceBucket");
        files = EvidenceFiles.forEnvironment(stack.environment("EvidenceFunction"), bucket);
    }

    @Test
    void presignPut_acceptsExactlyTheSignedTypeAndLength_forAKeyThatNeedsEncoding() throws Exception {
        String key = "uploads/enr 1/plan été+final.pdf";
        byte[] body = "%PDF-1.7 lesson plan".getBytes(StandardCharsets.UTF_8);
        String url = files.presignPut(key, "application/pdf", body.length, Duration.ofMinutes(5));

        assertThat(put(url, "text/html", body)).isEqualTo(403);
        assertThat(put(url, "application/pdf", "%PDF-1.7 longer plan!".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(403);
        assertThat(put(url, "application/pdf", body)).isEqualTo(200);
        assertThat(files.head(key)).get().extracting(EvidenceFiles.StoredObject::sizeBytes)
                .isEqualTo((long) body.length);
    }

    @Test
    void presignPut_whoseSignatureHasExpired_isRefused() throws Exception {
        ObjectUrls yesterday = new ObjectUrls(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                "local")), "us-east-1", Optional.of(stack.emulators().s3Endpoint()),
                Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC));
        byte[] body = "late".getBytes(StandardCharsets.UTF_8);
        String url = new EvidenceFiles(stack::s3, yesterday, bucket)
                .presignPut("uploads/late.txt", "text/plain", body.length, Duration.ofMinutes(5));

        assertThat(put(url, "text/plain", body)).isEqualTo(403);
    }

    @Test
    void presignGet_servesASealedObjectWithTheSignedDispositionAndType() throws Exception {
        String key = EvidenceFiles.SEALED_PREFIX + "enr-2/video.mp4";
        stack.s3().putObject(r -> r.bucket(bucket).key(key).contentType("video/mp4"),
                RequestBody.fromString("frames"));

        String url = files.presignGet(key, "attachment; filename=\"video.mp4\"", "application/octet-stream",
                Duration.ofMinutes(5));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("frames");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"video.mp4\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThatThrownBy(() -> files.presignGet("uploads/unchecked.mp4", "attachment", "video/mp4",
                Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void presignPart_uploadsOnePartOfAMultipartUploadThatThenCompletes() throws Exception {
        String key = EvidenceFiles.SEALED_PREFIX + "enr-3/large.mp4";
        String uploadId = files.startMultipart(key, "video/mp4");
        byte[] part = "only part".getBytes(StandardCharsets.UTF_8);
        String url = files.presignPart(key, uploadId, 1, part.length, Duration.ofMinutes(5));

        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(part)).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        String eTag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(files.completeMultipart(key, uploadId, List.of(CompletedPart.builder().partNumber(1).eTag(eTag)
                .build()))).isTrue();
        assertThat(files.head(key)).get().extracting(EvidenceFiles.StoredObject::sizeBytes)
                .isEqualTo((long) part.length);
    }

    @Test
    void urlsInAws_areVirtualHostedAndCarryTheSessionToken() {
        ObjectUrls aws = new ObjectUrls(StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create("AKID", "secret", "token+/=")),
                "eu-west-1", Optional.empty(), Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

        URI url = URI.create(aws.put("microcred-evidence", "uploads/a b.pdf", "application/pdf", 10,
                Duration.ofMinutes(15)));

        assertThat(url.getHost()).isEqualTo("microcred-evidence.s3.eu-west-1.amazonaws.com");
        assertThat(url.getRawPath()).isEqualTo("/uploads/a%20b.pdf");
        assertThat(url.getRawQuery()).contains("X-Amz-Algorithm=AWS4-HMAC-SHA256",
                "X-Amz-Credential=AKID%2F20261207%2Feu-west-1%2Fs3%2Faws4_request", "X-Amz-Date=20261207T100000Z",
                "X-Amz-Expires=900", "X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost",
                "X-Amz-Security-Token=token%2B%2F%3D", "X-Amz-Signature=");
    }

    private static int put(String url, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
