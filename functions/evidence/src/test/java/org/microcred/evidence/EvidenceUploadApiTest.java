package org.microcred.evidence;

import org.microcred.emulators.junit.PresignedRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.evidence.support.Fixture.file;
import static org.microcred.evidence.support.Fixture.link;
import static org.microcred.evidence.support.Fixture.text;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.evidence.support.Browser;
import org.microcred.evidence.support.Call;
import org.microcred.evidence.support.Fixture;
import org.microcred.evidence.support.Who;

/**
 * Declaring, uploading through presigned URLs (real HTTP to S3Proxy), confirming and removing
 * evidence through the real handler against DynamoDB Local and S3Proxy.
 */
@ExtendWith(EmulatorsExtension.class)
class EvidenceUploadApiTest {
    static final Who MARIA = Who.learner("u-maria", "Maria Delgado");
    static final Who PRIYA = Who.coach("u-priya", "Priya Raman");
    static final byte[] LESSON_PLAN = "Exit ticket: what is 3/4 of 12? Answer key: 9.\n".getBytes(StandardCharsets.UTF_8);

    private static Fixture fixture;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
    }

    private static String enrolled() {
        return fixture.seed.enrollment(MARIA, PRIYA, null);
    }

    private static APIGatewayV2HTTPResponse declare(String enrollmentId, Object declaration) {
        return fixture.call(Call.declare(enrollmentId, declaration).as(MARIA));
    }

    private static APIGatewayV2HTTPResponse complete(String enrollmentId, String artifactId) {
        return fixture.call(Call.complete(enrollmentId, artifactId).as(MARIA));
    }

    @Test
    void declareFile_uploadExactFile_complete_confirmsWithVerifiedChecksum() {
        String enrollment = enrolled();
        var declared = declare(enrollment, file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN));
        assertThat(declared.getStatusCode()).isEqualTo(201);
        JsonNode artifact = body(declared);
        assertThat(artifact.path("status").asText()).isEqualTo("declared");
        assertThat(artifact.path("attempt").asInt()).isEqualTo(1);
        assertThat(artifact.path("upload").path("method").asText()).isEqualTo("PUT");
        assertThat(artifact.path("upload").path("headers").path("Content-Type").asText()).isEqualTo("text/plain");

        assertThat(Browser.upload(artifact, LESSON_PLAN).statusCode()).isEqualTo(200);
        var completed = complete(enrollment, artifact.path("id").asText());

        assertThat(completed.getStatusCode()).isEqualTo(200);
        assertThat(body(completed).path("status").asText()).isEqualTo("confirmed");
        assertThat(body(completed).path("checksumVerified").asBoolean()).isTrue();
    }

    @Test
    void presignedPut_whenSizeDiffers_isRefusedByStorage() {
        JsonNode artifact = body(declare(enrolled(), file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN)));
        byte[] longer = Arrays.copyOf(LESSON_PLAN, LESSON_PLAN.length + 1);

        assertThat(PresignedRequests.put(artifact.path("upload").path("url").asText(), "text/plain", longer).statusCode())
                .isEqualTo(403);
    }

    @Test
    void presignedPut_whenContentTypeDiffers_isRefusedByStorage() {
        JsonNode artifact = body(declare(enrolled(), file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN)));

        assertThat(PresignedRequests.put(artifact.path("upload").path("url").asText(), "application/pdf", LESSON_PLAN)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void complete_whenNothingUploaded_is409AndArtifactStaysDeclared() {
        String enrollment = enrolled();
        JsonNode artifact = body(declare(enrollment, file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN)));

        var completed = complete(enrollment, artifact.path("id").asText());

        assertThat(completed.getStatusCode()).isEqualTo(409);
        assertThat(body(completed).path("type").asText()).endsWith("/not-uploaded");
        assertThat(fixture.call(Call.submit(enrollment).as(MARIA)).getStatusCode()).isEqualTo(422);
    }

    @Test
    void complete_whenStoredBytesDifferFromDeclaredChecksum_is422AndNothingCounts() {
        String enrollment = enrolled();
        JsonNode artifact = body(declare(enrollment, file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN)));
        byte[] other = LESSON_PLAN.clone();
        other[0] = 'X';
        assertThat(Browser.upload(artifact, other).statusCode()).isEqualTo(200);

        var completed = complete(enrollment, artifact.path("id").asText());

        assertThat(completed.getStatusCode()).isEqualTo(422);
        assertThat(body(completed).path("type").asText()).endsWith("/upload-mismatch");
        assertThat(body(completed).path("errors").get(0).path("field").asText()).isEqualTo("sha256");
        var download = fixture.call(Call.download(enrollment, artifact.path("id").asText()).as(MARIA));
        assertThat(download.getStatusCode()).isEqualTo(409);
    }

    @Test
    void largeFile_goesMultipart_partsUploadAndComplete() {
        String enrollment = enrolled();
        byte[] video = new byte[11 * 1024 * 1024 + 123];
        new java.util.Random(7).nextBytes(video);
        JsonNode artifact = body(declare(enrollment, file("classroom-video", "lesson.mp4", "video/mp4", video)));
        JsonNode parts = artifact.path("upload").path("parts");
        assertThat(parts).hasSize(3);
        assertThat(artifact.path("upload").has("url")).isFalse();

        List<Map<String, Object>> etags = new ArrayList<>();
        int offset = 0;
        for (JsonNode part : parts) {
            int size = part.path("sizeBytes").asInt();
            var put = PresignedRequests.put(part.path("url").asText(), "video/mp4", Arrays.copyOfRange(video, offset, offset + size));
            assertThat(put.statusCode()).isEqualTo(200);
            etags.add(Map.of("partNumber", part.path("partNumber").asInt(), "etag",
                    put.headers().firstValue("etag").orElseThrow()));
            offset += size;
        }
        var completed = fixture.call(Call.complete(enrollment, artifact.path("id").asText())
                .json(Map.of("parts", etags)).as(MARIA));

        assertThat(completed.getStatusCode()).isEqualTo(200);
        assertThat(body(completed).path("status").asText()).isEqualTo("confirmed");
        assertThat(body(completed).path("sizeBytes").asLong()).isEqualTo(video.length);
    }

    @Test
    void multipartPart_whenSizeDiffers_isRefusedByStorage() {
        byte[] video = new byte[7 * 1024 * 1024];
        JsonNode artifact = body(declare(enrolled(), file("classroom-video", "lesson.mp4", "video/mp4", video)));
        JsonNode first = artifact.path("upload").path("parts").get(0);

        assertThat(PresignedRequests.put(first.path("url").asText(), "video/mp4", new byte[100]).statusCode()).isEqualTo(403);
    }

    @Test
    void fileNames_withTraversalControlCharactersOrLength_neverReachTheKey_andAreKeptAsData() {
        String enrollment = enrolled();
        for (String name : List.of("../../etc/passwd", "plan\u0000\r\nX-Evil: 1.txt", "a".repeat(296) + ".txt")) {
            JsonNode artifact = body(declare(enrollment, file("lesson-plan", name, "text/plain", LESSON_PLAN)));
            String url = artifact.path("upload").path("url").asText();
            String key = url.substring(0, url.indexOf('?'));

            assertThat(key).matches(".*/evidence/org-riverbend/" + enrollment + "/1/art-[a-z0-9]{20}");
            assertThat(artifact.path("fileName").asText()).isEqualTo(name);
            assertThat(Browser.upload(artifact, LESSON_PLAN).statusCode()).isEqualTo(200);
            assertThat(complete(enrollment, artifact.path("id").asText()).getStatusCode()).isEqualTo(200);
            JsonNode download = body(fixture.call(Call.download(enrollment, artifact.path("id").asText()).as(MARIA)));
            var fetched = PresignedRequests.get(download.path("url").asText());
            assertThat(fetched.statusCode()).isEqualTo(200);
            assertThat(fetched.body()).isEqualTo(LESSON_PLAN);
            String disposition = fetched.headers().firstValue("content-disposition").orElse("");
            assertThat(disposition).startsWith("attachment;").doesNotContain("/", "\r", "\n", "\u0000");
            assertThat(download.path("fileName").asText()).doesNotContain("/", "\u0000").hasSizeLessThanOrEqualTo(150);
        }
    }

    @Test
    void textAndHttpsLink_countAtOnce() {
        String enrollment = enrolled();
        var text = declare(enrollment, text("reflection", "Half the class confused numerator and denominator."));
        var link = declare(enrollment, link("lesson-plan", "https://docs.example.org/plan"));

        assertThat(text.getStatusCode()).isEqualTo(201);
        assertThat(body(text).path("status").asText()).isEqualTo("confirmed");
        assertThat(link.getStatusCode()).isEqualTo(201);
        assertThat(body(link).path("url").asText()).isEqualTo("https://docs.example.org/plan");
    }

    @Test
    void link_whenNotHttps_is400NamingUrl() {
        var declared = declare(enrolled(), link("lesson-plan", "http://docs.example.org/plan"));

        assertThat(declared.getStatusCode()).isEqualTo(400);
        assertThat(body(declared).path("errors").get(0).path("field").asText()).isEqualTo("url");
    }

    @Test
    void declare_whenTypeOrSizeOrKindDoesNotFitTheRequirement_is422NamingTheField() {
        String enrollment = enrolled();
        var wrongType = declare(enrollment, file("lesson-plan", "plan.exe", "application/x-msdownload", LESSON_PLAN));
        Map<String, Object> huge = new HashMap<>(file("lesson-plan", "plan.pdf", "application/pdf", LESSON_PLAN));
        huge.put("sizeBytes", 26214401L);
        var tooLarge = declare(enrollment, huge);
        var wrongKind = declare(enrollment, text("classroom-video", "I forgot to film it."));

        assertThat(wrongType.getStatusCode()).isEqualTo(422);
        assertThat(body(wrongType).path("errors").get(0).path("field").asText()).isEqualTo("mediaType");
        assertThat(tooLarge.getStatusCode()).isEqualTo(422);
        assertThat(body(tooLarge).path("errors").get(0).path("field").asText()).isEqualTo("sizeBytes");
        assertThat(wrongKind.getStatusCode()).isEqualTo(422);
        assertThat(body(wrongKind).path("errors").get(0).path("field").asText()).isEqualTo("kind");
    }

    @Test
    void declare_whenBodyHasUnknownFieldOrMissingChecksum_is400() {
        String enrollment = enrolled();
        var unknown = declare(enrollment, Map.of("requirementId", "reflection", "kind", "text", "text", "x", "path", "/"));
        Map<String, Object> noChecksum = new HashMap<>(file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN));
        noChecksum.remove("sha256");

        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(declare(enrollment, noChecksum).getStatusCode()).isEqualTo(400);
    }

    @Test
    void remove_draftArtifact_isGoneWithItsObject() {
        String enrollment = enrolled();
        JsonNode artifact = body(declare(enrollment, file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN)));
        Browser.upload(artifact, LESSON_PLAN);
        String id = artifact.path("id").asText();

        assertThat(fixture.call(Call.remove(enrollment, id).as(MARIA)).getStatusCode()).isEqualTo(204);
        assertThat(complete(enrollment, id).getStatusCode()).isEqualTo(404);
        String bucket = fixture.stack.bucketName("EvidenceBucket");
        assertThat(fixture.stack.s3().listObjectsV2(r -> r.bucket(bucket)
                .prefix("evidence/org-riverbend/" + enrollment + "/")).contents()).isEmpty();
    }

    @Test
    void remove_confirmedDraftArtifact_deletesItsSealedCopyToo() {
        String enrollment = enrolled();
        JsonNode artifact = body(declare(enrollment, file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN)));
        Browser.upload(artifact, LESSON_PLAN);
        String id = artifact.path("id").asText();
        assertThat(complete(enrollment, id).getStatusCode()).isEqualTo(200);
        String bucket = fixture.stack.bucketName("EvidenceBucket");
        assertThat(fixture.stack.s3().listObjectsV2(r -> r.bucket(bucket)
                .prefix("sealed/org-riverbend/" + enrollment + "/")).contents()).hasSize(1);

        assertThat(fixture.call(Call.remove(enrollment, id).as(MARIA)).getStatusCode()).isEqualTo(204);

        for (String prefix : List.of("evidence/", "sealed/")) {
            assertThat(fixture.stack.s3().listObjectsV2(r -> r.bucket(bucket)
                    .prefix(prefix + "org-riverbend/" + enrollment + "/")).contents()).as(prefix).isEmpty();
        }
    }

    @Test
    void declare_withReplaces_swapsTheDraftArtifactInOneWrite() {
        String enrollment = enrolled();
        String first = body(declare(enrollment, text("reflection", "First draft."))).path("id").asText();
        Map<String, Object> second = new HashMap<>(text("reflection", "Second draft."));
        second.put("replaces", first);

        var replaced = declare(enrollment, second);

        assertThat(replaced.getStatusCode()).isEqualTo(201);
        assertThat(complete(enrollment, first).getStatusCode()).isEqualTo(404);
        assertThat(complete(enrollment, body(replaced).path("id").asText()).getStatusCode()).isEqualTo(200);
        var again = declare(enrollment, second);
        assertThat(again.getStatusCode()).isEqualTo(404);
    }

    @Test
    void complete_whenStoredObjectHasAnotherTypeOrSize_is422NamingEachDifference() {
        String enrollment = enrolled();
        JsonNode artifact = body(declare(enrollment, file("lesson-plan", "plan.pdf", "application/pdf", LESSON_PLAN)));
        String url = artifact.path("upload").path("url").asText();
        String key = url.substring(url.indexOf("/evidence/") + 1, url.indexOf('?'));
        fixture.stack.s3().putObject(r -> r.bucket(fixture.stack.bucketName("EvidenceBucket")).key(key)
                .contentType("text/html"), software.amazon.awssdk.core.sync.RequestBody.fromString("<script>"));

        var completed = complete(enrollment, artifact.path("id").asText());

        assertThat(completed.getStatusCode()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        body(completed).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).containsExactly("sizeBytes", "mediaType");
        assertThat(fixture.call(Call.download(enrollment, artifact.path("id").asText()).as(MARIA)).getStatusCode())
                .isEqualTo(409);
    }

    @Test
    void text_whenLongerThan20000Characters_is400() {
        var declared = declare(enrolled(), text("reflection", "x".repeat(20_001)));

        assertThat(declared.getStatusCode()).isEqualTo(400);
        assertThat(body(declared).path("errors").get(0).path("field").asText()).isEqualTo("text");
    }

    @Test
    void declare_whenEnrolmentAlreadySubmitted_is409() {
        String enrollment = enrolled();
        JsonNode plan = body(declare(enrollment, link("lesson-plan", "https://docs.example.org/plan")));
        declare(enrollment, text("reflection", "Done."));
        assertThat(fixture.call(Call.submit(enrollment).as(MARIA)).getStatusCode()).isEqualTo(201);

        assertThat(declare(enrollment, text("reflection", "Late.")).getStatusCode()).isEqualTo(409);
        assertThat(fixture.call(Call.remove(enrollment, plan.path("id").asText()).as(MARIA)).getStatusCode())
                .isEqualTo(409);
    }
}
