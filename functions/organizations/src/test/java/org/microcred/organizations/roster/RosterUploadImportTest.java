package org.microcred.organizations.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.PresignedRequests;
import org.microcred.emulators.junit.StreamEvents;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.organizations.roster.support.RosterCall;
import org.microcred.organizations.roster.support.RosterFixture;
import org.microcred.organizations.support.Who;
import org.microcred.records.organizations.OrganizationKeys;

/**
 * Large rosters: declared, uploaded through the presigned PUT (real HTTP to S3Proxy), started,
 * then imported by RosterImportHandler from the OrganizationsTable's real stream on DynamoDB
 * Local, one chunk of 250 rows per record, and read back page by page.
 */
@WithEmulators
class RosterUploadImportTest {
    /**
     * The limit is 10,000 rows; a test of 1,000 (four chunks) shows the same chunking in a few
     * seconds, where 10,000 would take a minute against DynamoDB Local.
     */
    private static final int ROWS = 1_000;

    private static RosterFixture fixture;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new RosterFixture(stack);
    }

    private static String organization(String id) {
        fixture.organization(id);
        return id;
    }

    private static byte[] roster(String domain, int rows) {
        StringBuilder csv = new StringBuilder("email,givenName,familyName,roles\r\n");
        for (int i = 0; i < rows; i++) {
            String email = i % 100 == 99 ? "broken-" + i : "educator" + i + "@" + domain;
            csv.append(email).append(",Educator,Number ").append(i).append(',')
                    .append(i % 10 == 0 ? "learner;coach" : "learner").append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Declares and uploads; returns the declared import. */
    private static JsonNode upload(String org, byte[] file, boolean dryRun) {
        RosterCall declare = RosterCall.declare(org, "users.csv", file.length).as(Who.orgAdmin(org));
        APIGatewayV2HTTPResponse declared = fixture.call(dryRun ? declare.dryRun() : declare);
        assertThat(declared.getStatusCode()).isEqualTo(201);
        JsonNode rosterImport = body(declared);
        JsonNode upload = rosterImport.path("upload");
        assertThat(PresignedRequests.put(upload.path("url").asText(), upload.path("headers").path("Content-Type")
                .asText(), file).statusCode()).isEqualTo(200);
        return rosterImport;
    }

    private static APIGatewayV2HTTPResponse startImport(String org, String importId) {
        return fixture.call(RosterCall.start(org, importId).as(Who.orgAdmin(org)));
    }

    private static JsonNode get(String org, String importId, String cursor) {
        RosterCall call = RosterCall.get(org, importId).as(Who.orgAdmin(org));
        APIGatewayV2HTTPResponse response = fixture.call(cursor == null ? call : call.query("cursor", cursor));
        assertThat(response.getStatusCode()).isEqualTo(200);
        return body(response);
    }

    private static List<JsonNode> allResults(String org, String importId) {
        List<JsonNode> results = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(org, importId, cursor);
            assertThat(page.path("results").size()).isLessThanOrEqualTo(250);
            page.path("results").forEach(results::add);
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return results;
    }

    @Test
    void uploadedRoster_isImportedFromTheStreamChunkByChunk_andReadBackPageByPage() {
        String org = organization("org-large");
        byte[] file = roster("large.example", ROWS);
        JsonNode declared = upload(org, file, false);
        String importId = declared.path("importId").asText();
        assertThat(declared.path("status").asText()).isEqualTo("awaiting-upload");
        assertThat(declared.path("upload").path("method").asText()).isEqualTo("PUT");
        assertThat(declared.path("upload").path("expiresAt").asText()).isNotBlank();

        APIGatewayV2HTTPResponse started = startImport(org, importId);
        assertThat(started.getStatusCode()).isEqualTo(202);
        assertThat(body(started).path("status").asText()).isEqualTo("queued");
        fixture.runStream();

        JsonNode done = get(org, importId, null);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("totalRows").asInt()).isEqualTo(ROWS);
        assertThat(done.path("processedRows").asInt()).isEqualTo(ROWS);
        assertThat(done.path("counts").path("created").asInt()).isEqualTo(ROWS - ROWS / 100);
        assertThat(done.path("counts").path("errors").asInt()).isEqualTo(ROWS / 100);
        List<JsonNode> results = allResults(org, importId);
        assertThat(results).extracting(result -> result.path("row").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, ROWS + 1).boxed().toList());
        assertThat(results.get(99).path("outcome").asText()).isEqualTo("error");
        assertThat(results.get(99).path("errors").get(0).path("field").asText()).isEqualTo("email");
        assertThat(fixture.members(org)).hasSize(ROWS - ROWS / 100);
    }

    @Test
    void replayedAndRetriedStreamRecords_processNoChunkTwice() {
        String org = organization("org-replay");
        String importId = upload(org, roster("replay.example", 600), false).path("importId").asText();
        startImport(org, importId);
        List<DynamodbEvent.DynamodbStreamRecord> queued = fixture.stream.drain().stream()
                .filter(record -> record.getDynamodb().getKeys().get(OrganizationKeys.SK).getS()
                        .equals(OrganizationKeys.IMPORT_PREFIX + importId))
                .filter(record -> "queued".equals(record.getDynamodb().getNewImage().get("status").getS()))
                .toList();
        assertThat(queued).hasSize(1);

        // Lambda retrying the first record, delivered twice in one batch: one chunk.
        assertThat(fixture.importFunction.process(StreamEvents.batch(queued.get(0), queued.get(0)))
                .getBatchItemFailures()).isEmpty();
        assertThat(fixture.importItem(org, importId).get("nextRow").n()).isEqualTo("250");
        fixture.runStream();
        var finished = fixture.importItem(org, importId);
        int accounts = fixture.accounts.created();

        // Every record of the import again, as a replay from TRIM_HORIZON would bring them.
        List<DynamodbEvent.DynamodbStreamRecord> replay = new ArrayList<>(queued);
        replay.addAll(fixture.delivered);
        for (DynamodbEvent.DynamodbStreamRecord record : replay) {
            fixture.importFunction.process(StreamEvents.batch(record));
        }

        assertThat(fixture.importItem(org, importId)).isEqualTo(finished);
        assertThat(finished.get("status").s()).isEqualTo("completed");
        assertThat(finished.get("resultChunks").n()).isEqualTo("3");
        assertThat(finished.get("created").n()).isEqualTo("594");
        assertThat(fixture.accounts.created()).isEqualTo(accounts);
        assertThat(fixture.stack.dynamoDb().query(q -> q.tableName(fixture.stack.tableName("OrganizationsTable"))
                .keyConditionExpression("pk = :pk").expressionAttributeValues(java.util.Map.of(":pk",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                OrganizationKeys.importResultsPartition(org, importId))))).count()).isEqualTo(3);
    }

    @Test
    void dryRunUpload_reportsEveryRow_andWritesNoMember() {
        String org = organization("org-dryupload");
        int accounts = fixture.accounts.created();
        String importId = upload(org, roster("dry.example", 300), true).path("importId").asText();
        startImport(org, importId);

        fixture.runStream();

        JsonNode done = get(org, importId, null);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("dryRun").asBoolean()).isTrue();
        assertThat(done.path("counts").path("created").asInt()).isEqualTo(297);
        assertThat(allResults(org, importId)).hasSize(300);
        assertThat(fixture.members(org)).isEmpty();
        assertThat(fixture.accounts.created()).isEqualTo(accounts);
    }

    @Test
    void startBeforeTheUpload_is409NotUploaded() {
        String org = organization("org-early");
        JsonNode declared = body(fixture.call(RosterCall.declare(org, "users.csv", 120).as(Who.orgAdmin(org))));

        APIGatewayV2HTTPResponse response = startImport(org, declared.path("importId").asText());

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(body(response).path("type").asText()).endsWith("/not-uploaded");
    }

    @Test
    void startTwice_queuesOnce() {
        String org = organization("org-doubleclick");
        String importId = upload(org, roster("double.example", 3), false).path("importId").asText();

        APIGatewayV2HTTPResponse first = startImport(org, importId);
        APIGatewayV2HTTPResponse second = startImport(org, importId);

        assertThat(second.getStatusCode()).isEqualTo(202);
        assertThat(body(second).path("status").asText()).isEqualTo("queued");
        assertThat(fixture.importItem(org, importId).get("version").n()).isEqualTo("2");
        assertThat(first.getStatusCode()).isEqualTo(202);
    }

    @Test
    void uploadOfAnotherSize_isRefusedByTheStorage() {
        String org = organization("org-resized");
        byte[] file = roster("resized.example", 3);
        JsonNode declared = body(fixture.call(RosterCall.declare(org, "users.csv", file.length - 1)
                .as(Who.orgAdmin(org))));

        var put = PresignedRequests.put(declared.path("upload").path("url").asText(), "text/csv", file);

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(startImport(org, declared.path("importId").asText()).getStatusCode()).isEqualTo(409);
    }

    @Test
    void declaredSizeOver5MiB_is413_andMissingSizeIs400() {
        String org = organization("org-huge");

        APIGatewayV2HTTPResponse huge = fixture.call(RosterCall.declare(org, "users.csv", 5L * 1024 * 1024 + 1)
                .as(Who.orgAdmin(org)));
        APIGatewayV2HTTPResponse sizeless = fixture.call(RosterCall.declare(org, "users.csv", 1)
                .json("{\"fileName\": \"users.csv\"}").as(Who.orgAdmin(org)));

        assertThat(huge.getStatusCode()).isEqualTo(413);
        assertThat(body(huge).path("errors").get(0).path("field").asText()).isEqualTo("size");
        assertThat(sizeless.getStatusCode()).isEqualTo(400);
        assertThat(body(sizeless).path("errors").get(0).path("field").asText()).isEqualTo("size");
    }

    @Test
    void uploadedFileThatIsNotUtf8_failsWithTheReason() {
        String org = organization("org-cp1252");
        byte[] file = "email,givenName,familyName,roles\nzoe@x.example,Zo\u00eb,Lee,learner\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        String importId = upload(org, file, false).path("importId").asText();
        startImport(org, importId);

        fixture.runStream();

        JsonNode failed = get(org, importId, null);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("failureReason").asText()).contains("not UTF-8");
        assertThat(fixture.members(org)).isEmpty();
    }

    @Test
    void uploadedFileOverTenThousandRows_failsWithoutImportingAnyone() {
        String org = organization("org-toomany");
        StringBuilder csv = new StringBuilder("email,givenName,familyName,roles\n");
        for (int i = 0; i <= 10_000; i++) {
            csv.append('p').append(i).append("@many.example,P,Q,learner\n");
        }
        String importId = upload(org, csv.toString().getBytes(StandardCharsets.UTF_8), false).path("importId").asText();
        startImport(org, importId);

        fixture.runStream();

        JsonNode failed = get(org, importId, null);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("failureReason").asText()).contains("10001 rows");
        assertThat(fixture.members(org)).isEmpty();
    }

    @Test
    void unknownImport_is404() {
        String org = organization("org-unknown");

        assertThat(fixture.call(RosterCall.get(org, "imp-000000000000000000000000").as(Who.orgAdmin(org)))
                .getStatusCode()).isEqualTo(404);
        assertThat(fixture.call(RosterCall.get(org, "../PROFILE").as(Who.orgAdmin(org))).getStatusCode())
                .isEqualTo(404);
    }
}
