package org.microcred.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.evidence.support.Fixture.file;
import static org.microcred.evidence.support.Fixture.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.PresignedRequests;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.evidence.service.ArtifactIds;
import org.microcred.evidence.support.Browser;
import org.microcred.evidence.support.Call;
import org.microcred.evidence.support.Fixture;
import org.microcred.evidence.support.Who;
import org.microcred.records.learning.evidence.EvidenceFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the coach reviews is exactly what was checked, and nothing evidence serves runs in the
 * coach's browser. Each test is the attack, against DynamoDB Local and S3Proxy over real HTTP.
 */
@WithEmulators
class EvidenceIntegrityTest {
    static final Who MARIA = Who.learner("u-maria", "Maria Delgado");
    static final Who PRIYA = Who.coach("u-priya", "Priya Raman");
    static final byte[] LESSON_PLAN = "Exit ticket: what is 3/4 of 12? <script>alert(1)</script>\n"
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);

    private static Fixture fixture;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
    }

    private static JsonNode call(Call call, Who who, int status) {
        var response = fixture.call(call.as(who));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return response.getBody() == null || response.getBody().isEmpty() ? null : body(response);
    }

    private static HttpResponse<byte[]> download(String enrollment, String artifactId, Who who) {
        return PresignedRequests.get(call(Call.download(enrollment, artifactId), who, 200).path("url").asText());
    }

    private static String sha256(HttpResponse<byte[]> response) {
        return PresignedRequests.sha256(response.body());
    }

    @Test
    void overwrite_withTheSamePresignedPut_afterSubmitting_changesNothingTheCoachOrLearnerDownloads() {
        String enrollment = fixture.seed.enrollment(MARIA, PRIYA, null);
        JsonNode plan = call(Call.declare(enrollment, file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN)), MARIA,
                201);
        assertThat(Browser.upload(plan, LESSON_PLAN).statusCode()).isEqualTo(200);
        call(Call.complete(enrollment, plan.path("id").asText()), MARIA, 200);
        call(Call.declare(enrollment, text("reflection", "It worked.")), MARIA, 201);
        call(Call.submit(enrollment), MARIA, 201);
        byte[] forged = LESSON_PLAN.clone();
        forged[0] = 'X';

        Browser.upload(plan, forged);

        var coach = download(enrollment, plan.path("id").asText(), PRIYA);
        var learner = download(enrollment, plan.path("id").asText(), MARIA);
        assertThat(sha256(coach)).isEqualTo(PresignedRequests.sha256(LESSON_PLAN))
                .isEqualTo(plan.path("sha256").asText());
        assertThat(sha256(learner)).isEqualTo(PresignedRequests.sha256(LESSON_PLAN));
    }

    @Test
    void overwrite_afterConfirming_beforeSubmitting_changesNothingServed_andTheUploadKeyIsNotKept() {
        String enrollment = fixture.seed.enrollment(MARIA, PRIYA, null);
        JsonNode plan = call(Call.declare(enrollment, file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN)), MARIA,
                201);
        Browser.upload(plan, LESSON_PLAN);
        call(Call.complete(enrollment, plan.path("id").asText()), MARIA, 200);
        String bucket = fixture.stack.bucketName("EvidenceBucket");
        var uploadsLeft = fixture.stack.s3().listObjectsV2(r -> r.bucket(bucket)
                .prefix("evidence/org-riverbend/" + enrollment + "/")).contents();

        Browser.upload(plan, Arrays.copyOf("Another plan entirely, same length".getBytes(StandardCharsets.UTF_8),
                LESSON_PLAN.length));

        assertThat(uploadsLeft).isEmpty();
        assertThat(download(enrollment, plan.path("id").asText(), PRIYA).body()).isEqualTo(LESSON_PLAN);
        assertThat(call(Call.complete(enrollment, plan.path("id").asText()), MARIA, 200).path("sha256").asText())
                .isEqualTo(PresignedRequests.sha256(LESSON_PLAN));
        assertThat(download(enrollment, plan.path("id").asText(), PRIYA).body()).isEqualTo(LESSON_PLAN);
    }

    @Test
    void multipartFile_partUploadedAgainAfterConfirming_changesNothingServed() {
        String enrollment = fixture.seed.enrollment(MARIA, PRIYA, null);
        byte[] video = new byte[7 * 1024 * 1024];
        new Random(11).nextBytes(video);
        JsonNode artifact = call(Call.declare(enrollment, file("classroom-video", "lesson.mp4", "video/mp4", video)),
                MARIA, 201);
        List<Map<String, Object>> etags = new ArrayList<>();
        int offset = 0;
        for (JsonNode part : artifact.path("upload").path("parts")) {
            int size = part.path("sizeBytes").asInt();
            var put = PresignedRequests.put(part.path("url").asText(), "video/mp4",
                    Arrays.copyOfRange(video, offset, offset + size));
            etags.add(Map.of("partNumber", part.path("partNumber").asInt(), "etag",
                    put.headers().firstValue("etag").orElseThrow()));
            offset += size;
        }
        call(Call.complete(enrollment, artifact.path("id").asText()).json(Map.of("parts", etags)), MARIA, 200);
        JsonNode first = artifact.path("upload").path("parts").get(0);

        // S3 answers 404 NoSuchUpload: the upload ended when the function completed it. S3Proxy 2.6
        // takes the part, which then joins nothing.
        PresignedRequests.put(first.path("url").asText(), "video/mp4", new byte[first.path("sizeBytes").asInt()]);

        assertThat(sha256(download(enrollment, artifact.path("id").asText(), PRIYA)))
                .isEqualTo(PresignedRequests.sha256(video));
    }

    @Test
    void seal_whenTheUploadWasReplacedAfterItWasChecked_copiesNothing() {
        EvidenceFiles files = EvidenceFiles.forEnvironment(fixture.environment,
                fixture.stack.bucketName("EvidenceBucket"));
        String bucket = fixture.stack.bucketName("EvidenceBucket");
        String upload = ArtifactIds.objectKey("org-riverbend", "enr-seal", 1, ArtifactIds.newArtifactId());
        String sealed = ArtifactIds.sealedKey("org-riverbend", "enr-seal", 1, ArtifactIds.newArtifactId());
        fixture.stack.s3().putObject(r -> r.bucket(bucket).key(upload).contentType("text/plain"),
                RequestBody.fromBytes(LESSON_PLAN));
        EvidenceFiles.ReadBack checked = files.readBack(upload).orElseThrow();
        byte[] forged = LESSON_PLAN.clone();
        forged[1] = 'Y';
        fixture.stack.s3().putObject(r -> r.bucket(bucket).key(upload).contentType("text/plain"),
                RequestBody.fromBytes(forged));

        boolean sealedStale = files.seal(upload, checked.object(), sealed, "text/plain");

        assertThat(sealedStale).isFalse();
        assertThat(files.head(sealed)).isEmpty();
        assertThat(files.seal(upload, files.readBack(upload).orElseThrow().object(), sealed, "text/plain")).isTrue();
        assertThat(fixture.stack.s3().getObjectAsBytes(r -> r.bucket(bucket).key(sealed)).asByteArray())
                .isEqualTo(forged);
    }

    @Test
    void svgOrHtml_areRefusedAtDeclaration_evenWhenThePublishedRequirementListsThem() {
        String enrollment = fixture.seed.enrollment(MARIA, PRIYA, null);

        JsonNode svg = call(Call.declare(enrollment, file("student-work", "drawing.svg", "image/svg+xml", SVG)), MARIA,
                422);
        JsonNode html = call(Call.declare(enrollment, file("student-work", "page.html", "text/html", SVG)), MARIA, 422);
        JsonNode png = call(Call.declare(enrollment, file("student-work", "drawing.png", "image/png", SVG)), MARIA, 201);

        assertThat(svg.path("errors").get(0).path("field").asText()).isEqualTo("mediaType");
        assertThat(svg.path("errors").get(0).path("message").asText()).contains("never accepted", "[image/png]");
        assertThat(html.path("errors").get(0).path("field").asText()).isEqualTo("mediaType");
        assertThat(png.path("upload").path("url").asText()).contains("/evidence/");
    }

    @Test
    void svgStoredBeforeTypesWereRestricted_downloadsAsAnOpaqueAttachment_notAsAnImageThatRunsScripts() {
        String enrollment = fixture.seed.enrollment(MARIA, PRIYA, null);
        String artifactId = legacyFile(enrollment, "drawing.svg", "image/svg+xml", SVG, true);

        var fetched = download(enrollment, artifactId, PRIYA);

        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("content-type").orElse("")).isEqualTo("application/octet-stream");
        assertThat(fetched.headers().firstValue("content-disposition").orElse("")).startsWith("attachment;")
                .contains("drawing.svg");
        assertThat(fetched.body()).isEqualTo(SVG);
    }

    @Test
    void passiveFile_downloadsAsAnAttachmentWithItsDeclaredType() {
        String enrollment = fixture.seed.enrollment(MARIA, PRIYA, null);
        JsonNode plan = call(Call.declare(enrollment, file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN)), MARIA,
                201);
        Browser.upload(plan, LESSON_PLAN);
        call(Call.complete(enrollment, plan.path("id").asText()), MARIA, 200);

        var fetched = download(enrollment, plan.path("id").asText(), PRIYA);

        assertThat(fetched.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        assertThat(fetched.headers().firstValue("content-disposition").orElse("")).startsWith("attachment;");
    }

    @Test
    void fileConfirmedBeforeSealing_isNotServed_becauseItsCheckedBytesCannotBeToldApart() {
        String enrollment = fixture.seed.enrollment(MARIA, PRIYA, null);
        String artifactId = legacyFile(enrollment, "plan.txt", "text/plain", LESSON_PLAN, false);

        var response = fixture.call(Call.download(enrollment, artifactId).as(PRIYA));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(body(response).path("type").asText()).endsWith("/not-sealed");
    }

    /**
     * A confirmed file in attempt 1 as an earlier release stored it: written straight to the table
     * and the bucket, with a sealed copy or (before sealing existed) only the upload.
     */
    private static String legacyFile(String enrollment, String name, String type, byte[] bytes, boolean sealed) {
        String id = ArtifactIds.newArtifactId();
        String upload = ArtifactIds.objectKey("org-riverbend", enrollment, 1, id);
        String sealedKey = ArtifactIds.sealedKey("org-riverbend", enrollment, 1, id);
        String bucket = fixture.stack.bucketName("EvidenceBucket");
        fixture.stack.s3().putObject(r -> r.bucket(bucket).key(sealed ? sealedKey : upload).contentType(type),
                RequestBody.fromBytes(bytes));
        Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", AttributeValue.fromS("ENR#" + enrollment),
                "sk", AttributeValue.fromS("ATTEMPT#0001#ARTIFACT#" + id), "artifactId", AttributeValue.fromS(id),
                "enrollmentId", AttributeValue.fromS(enrollment), "attempt", AttributeValue.fromN("1"),
                "requirementId", AttributeValue.fromS("student-work"), "kind", AttributeValue.fromS("file"),
                "status", AttributeValue.fromS("confirmed"), "createdAt", AttributeValue.fromS("2026-01-01T00:00:00.000Z"),
                "confirmedAt", AttributeValue.fromS("2026-01-01T00:00:01.000Z")));
        item.putAll(Map.of("fileName", AttributeValue.fromS(name), "mediaType", AttributeValue.fromS(type),
                "sizeBytes", AttributeValue.fromN(Integer.toString(bytes.length)),
                "sha256", AttributeValue.fromS(PresignedRequests.sha256(bytes)),
                "checksumVerified", AttributeValue.fromBool(true), "objectKey", AttributeValue.fromS(upload)));
        if (sealed) {
            item.put("sealedKey", AttributeValue.fromS(sealedKey));
        }
        fixture.stack.dynamoDb().putItem(r -> r.tableName(fixture.stack.tableName("LearningTable")).item(item));
        return id;
    }
}
