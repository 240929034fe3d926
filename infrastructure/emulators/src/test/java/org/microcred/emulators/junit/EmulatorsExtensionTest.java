package org.microcred.emulators.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.FunctionDefinition;
import org.microcred.emulators.TableDefinition;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sesv2.SesV2Client;

@WithEmulators
class EmulatorsExtensionTest {
    private final TestStack stack;

    EmulatorsExtensionTest(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void everyTemplateTable_existsWithItsKeysIndexesAndStream() {
        assertThat(stack.template().tables()).isNotEmpty();
        for (TableDefinition table : stack.template().tables()) {
            TableDescription created = stack.dynamoDb()
                    .describeTable(request -> request.tableName(stack.tableName(table.logicalId()))).table();

            assertThat(created.keySchema()).isEqualTo(table.keySchema());
            assertThat(names(created.globalSecondaryIndexes())).isEqualTo(table.globalSecondaryIndexes().stream()
                    .map(index -> index.indexName()).collect(Collectors.toSet()));
            for (GlobalSecondaryIndexDescription index : created.globalSecondaryIndexes()) {
                var declared = table.globalSecondaryIndexes().stream()
                        .filter(candidate -> candidate.indexName().equals(index.indexName())).findFirst().orElseThrow();
                assertThat(index.keySchema()).isEqualTo(declared.keySchema());
                assertThat(index.projection().projectionType()).isEqualTo(declared.projection().projectionType());
            }
            assertThat(created.latestStreamArn() != null).isEqualTo(table.hasStream());
            table.streamViewType().ifPresent(view ->
                    assertThat(created.streamSpecification().streamViewType()).isEqualTo(view));
        }
    }

    @Test
    void tableNames_carryAPrefixUniqueToTheTestClass() {
        String logicalId = stack.template().tables().get(0).logicalId();

        assertThat(stack.namePrefix()).matches("t\\d+-EmulatorsExtensionTest-");
        assertThat(stack.tableName(logicalId)).isEqualTo(stack.namePrefix() + logicalId);
    }

    @Test
    void putItem_thenGetItem_returnsTheItem() {
        TableDefinition table = stack.template().tables().get(0);
        Map<String, AttributeValue> key = keyOf(table, "round-trip");
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("title", AttributeValue.fromS("Exit tickets"));

        stack.dynamoDb().putItem(request -> request.tableName(stack.tableName(table.logicalId())).item(item));
        Map<String, AttributeValue> read = stack.dynamoDb()
                .getItem(request -> request.tableName(stack.tableName(table.logicalId())).key(key).consistentRead(true))
                .item();

        assertThat(read).isEqualTo(item);
    }

    @Test
    void putObject_thenGetObject_returnsTheBytes() {
        assertThat(stack.template().buckets()).isNotEmpty();
        String bucket = stack.bucketName(stack.template().buckets().get(0).logicalId());

        stack.s3().putObject(request -> request.bucket(bucket).key("org/a/evidence.txt").contentType("text/plain"),
                RequestBody.fromString("lesson plan", StandardCharsets.UTF_8));
        String read = stack.s3().getObjectAsBytes(request -> request.bucket(bucket).key("org/a/evidence.txt"))
                .asUtf8String();

        assertThat(read).isEqualTo("lesson plan");
    }

    @Test
    void environment_pointsTheFunctionAtTheEmulatorsAndThisClassesResources() {
        FunctionDefinition function = stack.template().functions().get(0);

        FunctionEnvironment environment = stack.environment(function.logicalId());

        assertThat(environment.required(FunctionEnvironment.DYNAMODB_ENDPOINT))
                .isEqualTo(stack.emulators().dynamoDbEndpoint().toString());
        assertThat(environment.required(FunctionEnvironment.S3_ENDPOINT))
                .isEqualTo(stack.emulators().s3Endpoint().toString());
        assertThat(environment.required("AWS_REGION")).isEqualTo("us-east-1");
        assertThat(environment.asMap()).containsAllEntriesOf(
                stack.template().environment(function.logicalId(), stack.physicalNames()));
    }

    @Test
    void sendEmail_isCapturedByTheSesEmulator() throws Exception {
        assumeTrue(stack.emulators().sesEndpoint().isPresent(),
                "SES emulator not running: node >= 20.19 is not installed on this machine");
        SesV2Client ses = stack.emulators().ses().orElseThrow();
        String recipient = "coach-" + System.nanoTime() + "@riverbend.k12.example";

        ses.sendEmail(request -> request
                .fromEmailAddress("badges@microcred.example")
                .destination(destination -> destination.toAddresses(recipient))
                .content(content -> content.simple(message -> message
                        .subject(subject -> subject.data("A submission is ready for review"))
                        .body(body -> body.text(text -> text.data("Open the review link."))))));

        List<JsonNode> emails = storedEmailsTo(stack.emulators().sesStoreUrl().orElseThrow(), recipient);
        assertThat(emails).singleElement()
                .satisfies(email -> assertThat(email.path("subject").asText()).isEqualTo("A submission is ready for review"));
    }

    static Map<String, AttributeValue> keyOf(TableDefinition table, String value) {
        Map<String, String> types = table.attributeDefinitions().stream()
                .collect(Collectors.toMap(a -> a.attributeName(), a -> a.attributeTypeAsString()));
        Map<String, AttributeValue> key = new HashMap<>();
        table.keySchema().forEach(element -> key.put(element.attributeName(),
                "N".equals(types.get(element.attributeName()))
                        ? AttributeValue.fromN("1") : AttributeValue.fromS(value)));
        return key;
    }

    private static Set<String> names(List<GlobalSecondaryIndexDescription> indexes) {
        return indexes.stream().map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
    }

    private static List<JsonNode> storedEmailsTo(URI store, String recipient) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(store).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode emails = new ObjectMapper().readTree(response.body()).path("emails");
        List<JsonNode> matching = new ArrayList<>();
        emails.forEach(email -> {
            if (email.path("destination").toString().contains(recipient)) {
                matching.add(email);
            }
        });
        return matching;
    }
}
