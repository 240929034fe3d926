package org.microcred.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.PresignedRequests;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The template's buckets are {@code BucketOwnerEnforced}: S3 refuses every request that would set
 * an ACL (400 AccessControlListNotSupported), so nothing can be made public with one. The local
 * S3 must refuse it too, over real HTTP to the embedded S3Proxy.
 */
@WithEmulators
class AclsDisabledTest {
    private static final byte[] PLAN = "Exit ticket plan".getBytes(StandardCharsets.UTF_8);
    private static S3Presigner presigner;

    private final TestStack stack;
    private final String bucket;

    AclsDisabledTest(TestStack stack) {
        this.stack = stack;
        this.bucket = stack.bucketName("EvidenceBucket");
    }

    @BeforeAll
    static void presigner(TestStack stack) {
        presigner = S3Presigner.builder().region(Region.of(LocalEmulators.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .endpointOverride(stack.emulators().s3Endpoint()).build();
    }

    @AfterAll
    static void closePresigner() {
        presigner.close();
    }

    private String presignedPut(String key) {
        return presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5)).putObjectRequest(r -> r
                .bucket(bucket).key(key).contentType("text/plain").contentLength((long) PLAN.length))).url().toString();
    }

    private String anonymousUrl(String key) {
        return stack.emulators().s3Endpoint() + "/" + bucket + "/" + key;
    }

    @Test
    void presignedPut_withUnsignedPublicReadAcl_isRefused_andNothingIsStoredOrPublic() {
        String key = "evidence/org-riverbend/enr-1/1/art-public";

        var put = PresignedRequests.put(presignedPut(key), "text/plain", PLAN, Map.of("x-amz-acl", "public-read"));

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("<Code>AccessControlListNotSupported</Code>");
        assertThat(PresignedRequests.get(anonymousUrl(key)).statusCode()).isIn(403, 404);
        assertThat(stack.s3().listObjectsV2(r -> r.bucket(bucket).prefix(key)).contents()).isEmpty();
    }

    @Test
    void presignedPut_withoutAcl_storesAPrivateObject() {
        String key = "evidence/org-riverbend/enr-1/1/art-private";

        var put = PresignedRequests.put(presignedPut(key), "text/plain", PLAN);

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(PresignedRequests.get(anonymousUrl(key)).statusCode()).isEqualTo(403);
    }

    @Test
    void sdkRequests_thatSetAnAcl_areRefusedWithTheS3ErrorCode() {
        String key = "evidence/org-riverbend/enr-1/1/art-sdk";
        S3Exception onPut = catchThrowableOfType(S3Exception.class, () -> stack.s3().putObject(r -> r.bucket(bucket)
                .key(key).contentType("text/plain").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromBytes(PLAN)));
        stack.s3().putObject(r -> r.bucket(bucket).key(key).contentType("text/plain"), RequestBody.fromBytes(PLAN));
        S3Exception onPutAcl = catchThrowableOfType(S3Exception.class, () -> stack.s3().putObjectAcl(r -> r
                .bucket(bucket).key(key).acl(ObjectCannedACL.PUBLIC_READ)));

        assertThat(onPut.statusCode()).isEqualTo(400);
        assertThat(onPut.awsErrorDetails().errorCode()).isEqualTo("AccessControlListNotSupported");
        assertThat(onPutAcl.statusCode()).isEqualTo(400);
        assertThat(onPutAcl.awsErrorDetails().errorCode()).isEqualTo("AccessControlListNotSupported");
        assertThat(PresignedRequests.get(anonymousUrl(key)).statusCode()).isEqualTo(403);
    }
}
