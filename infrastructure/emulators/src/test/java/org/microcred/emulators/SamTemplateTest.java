package org.microcred.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class SamTemplateTest {
    private static final Map<String, String> PHYSICAL = Map.of("OutboxTable", "t1-OutboxTable",
            "FilesBucket", "t1-filesbucket", "PlainTable", "t1-PlainTable");

    private final SamTemplate template = SamTemplate.load(fixture("templates/events-template.yaml"));

    @Test
    void tables_carryKeysIndexesProjectionsAndStream() {
        TableDefinition outbox = template.table("OutboxTable");

        assertThat(outbox.keySchema()).singleElement()
                .satisfies(key -> assertThat(key.attributeName()).isEqualTo("id"));
        GlobalSecondaryIndex byDue = outbox.globalSecondaryIndexes().get(0);
        assertThat(byDue.indexName()).isEqualTo("ByDue");
        assertThat(byDue.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(byDue.projection().nonKeyAttributes()).containsExactly("status");
        assertThat(outbox.streamViewType()).contains(StreamViewType.NEW_IMAGE);
        assertThat(template.table("PlainTable").hasStream()).isFalse();
    }

    @Test
    void buckets_knowWhetherTheyAreVersioned() {
        assertThat(template.buckets()).singleElement()
                .isEqualTo(new BucketDefinition("FilesBucket", false));
    }

    @Test
    void bucket_withAclsEnabled_isRefused_becauseTheLocalS3RefusesEveryAcl() throws Exception {
        var properties = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"OwnershipControls\": {\"Rules\": [{\"ObjectOwnership\": \"ObjectWriter\"}]}}");

        assertThatThrownBy(() -> BucketDefinition.from("PublicBucket", properties))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BucketOwnerEnforced");
    }

    @Test
    void function_readsHandlerClassMethodAndSizesWithGlobalsAsFallback() {
        FunctionDefinition worker = template.function("Worker");

        assertThat(worker.handlerClass()).isEqualTo("org.example.Worker");
        assertThat(worker.handlerMethod()).isEqualTo("handle");
        assertThat(worker.timeoutSeconds()).isEqualTo(20);
        assertThat(worker.memorySizeMb()).isEqualTo(512);
    }

    @Test
    void httpRoutes_areAuthorizedUnlessTheEventOptsOut() {
        assertThat(template.routes()).containsExactly(
                new HttpRoute("Worker", "Public", "GET", "/things/{id}", false),
                new HttpRoute("Worker", "Private", "POST", "/things", true));
        assertThat(template.routes().get(0).routeKey()).isEqualTo("GET /things/{id}");
    }

    @Test
    void streamAndScheduleEvents_areRead() {
        FunctionDefinition worker = template.function("Worker");

        assertThat(worker.streamEvents()).containsExactly(new StreamEventSource("Worker", "Outbox", "OutboxTable",
                5, "LATEST", true, OptionalInt.of(2)));
        assertThat(worker.scheduleEvents()).containsExactly(new ScheduleEvent("Worker", "Nightly", "rate(1 day)", true));
    }

    @Test
    void environment_mergesGlobalsAndResolvesRefsToPhysicalNamesAndParameterDefaults() {
        Map<String, String> environment = template.environment("Worker", PHYSICAL);

        assertThat(environment)
                .containsEntry("SHARED", "from-globals")
                .containsEntry("OVERRIDDEN", "function")
                .containsEntry("TABLE", "t1-OutboxTable")
                .containsEntry("BUCKET", "t1-filesbucket")
                .containsEntry("ORIGIN", "https://web.example")
                .containsEntry("NUMBER", "42")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:us-east-1:000000000000:table/t1-OutboxTable");
    }

    @Test
    void environment_resolvesSubWithPseudoParametersResourcesVariablesAndEscapes() {
        Map<String, String> environment = template.environment("Worker", PHYSICAL);

        assertThat(environment.get("LINK"))
                .isEqualTo("https://web.example/review?region=us-east-1&bucket=t1-filesbucket&literal=${kept}");
        assertThat(environment.get("SUB_WITH_VARIABLES")).isEqualTo("https://https://web.example");
    }

    @Test
    void environment_marksWhatHasNoLocalMeaningInsteadOfGuessing() {
        Map<String, String> environment = template.environment("Worker", PHYSICAL);

        assertThat(environment.get("STREAM")).isEqualTo("<unresolved locally: Fn::GetAtt OutboxTable.StreamArn>");
        assertThat(environment.get("JOINED")).isEqualTo("<unresolved locally: Fn::Join>");
    }

    @Test
    void cors_resolvesOriginsFromParameters() {
        CorsConfiguration cors = template.httpApiCors().orElseThrow();

        assertThat(cors.allowOrigins()).containsExactly("https://web.example");
        assertThat(cors.allowMethods()).containsExactly("GET", "POST");
        assertThat(cors.maxAgeSeconds()).isEqualTo(600);
        assertThat(cors.allowsOrigin("https://evil.example")).isFalse();
    }

    @Test
    void function_unknownLogicalId_namesTheKnownOnes() {
        assertThatThrownBy(() -> template.function("Nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nope").hasMessageContaining("Worker");
    }

    @Test
    void locate_findsTheRepositoryTemplateFromAModuleDirectory() {
        Path found = SamTemplate.locateFile();

        assertThat(found.getFileName()).hasToString("template.yaml");
        assertThat(found.getParent().resolve("infrastructure")).isDirectory();
    }

    @Test
    void physicalNames_areLegalForEachService() {
        assertThat(PhysicalNames.table("t7-My Test-", "CatalogTable")).isEqualTo("t7-My-Test-CatalogTable");
        assertThat(PhysicalNames.bucket("t7-MyTest-", "EvidenceBucket")).isEqualTo("t7-mytest-evidencebucket");
        assertThat(PhysicalNames.bucket("", "x".repeat(80))).hasSize(63);
    }

    static Path fixture(String name) {
        try {
            return Path.of(SamTemplateTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
