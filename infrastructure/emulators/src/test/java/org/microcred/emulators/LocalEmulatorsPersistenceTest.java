package org.microcred.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The local stack keeps its data under a directory and finds it again after a restart. */
class LocalEmulatorsPersistenceTest {
    private final SamTemplate template = SamTemplate.load(SamTemplateTest.fixture("templates/events-template.yaml"));

    @Test
    void restart_overTheSameDirectory_keepsItemsObjectsAndTables(@TempDir Path data) {
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("outbox-1"));
        try (LocalEmulators first = LocalEmulators.builder().persistentUnder(data).ses(SesMode.OFF).start()) {
            Map<String, String> names = first.createResources(template, "");
            first.dynamoDb().putItem(request -> request.tableName(names.get("OutboxTable")).item(item));
            first.s3().putObject(request -> request.bucket(names.get("FilesBucket")).key("kept.txt"),
                    RequestBody.fromString("still here", StandardCharsets.UTF_8));
        }

        try (LocalEmulators second = LocalEmulators.builder().persistentUnder(data).ses(SesMode.OFF).start()) {
            Map<String, String> names = second.createResources(template, "");

            assertThat(names).containsEntry("OutboxTable", "OutboxTable").containsEntry("FilesBucket", "filesbucket");
            assertThat(second.dynamoDb().getItem(request -> request.tableName("OutboxTable").key(item)).item())
                    .isEqualTo(item);
            assertThat(second.s3().getObjectAsBytes(request -> request.bucket("filesbucket").key("kept.txt"))
                    .asUtf8String()).isEqualTo("still here");
        }
    }

    @Test
    void functionEnvironment_withoutSes_hasNoSesEndpoint() {
        try (LocalEmulators emulators = LocalEmulators.builder().ses(SesMode.OFF).start()) {
            Map<String, String> names = emulators.createResources(template, "env-");

            Map<String, String> environment = emulators.functionEnvironment(template, "Worker", names);

            assertThat(environment).containsEntry("TABLE", "env-OutboxTable")
                    .containsEntry("MICROCRED_DYNAMODB_ENDPOINT", emulators.dynamoDbEndpoint().toString())
                    .containsEntry("AWS_REGION", "us-east-1")
                    .doesNotContainKey("MICROCRED_SES_ENDPOINT");
            assertThat(emulators.sesInboxUrl()).isEmpty();
        }
    }
}
