package org.microcred.records.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading an attempt's artifacts back, including items older writers (or hands) left incomplete. */
@ExtendWith(EmulatorsExtension.class)
class ArtifactReadsTest {
    private static TestStack stack;
    private static ArtifactStore artifacts;

    @BeforeAll
    static void tables(TestStack testStack) {
        stack = testStack;
        artifacts = new ArtifactStore(stack.dynamoDb(), stack.tableName("LearningTable"));
    }

    @Test
    void artifacts_areOldestFirst_andOnesWithoutCreatedAtReadFirstInsteadOfFailing() {
        String enrollmentId = "enr-reads-" + System.nanoTime();
        put(enrollmentId, "art-b", "2026-03-01T10:00:00.000Z");
        put(enrollmentId, "art-a", "2026-03-01T11:00:00.000Z");
        put(enrollmentId, "art-c", null);

        assertThat(artifacts.artifacts(enrollmentId, 1)).extracting(Artifact::id)
                .containsExactly("art-c", "art-b", "art-a");
    }

    private static void put(String enrollmentId, String artifactId, String createdAt) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of(
                "pk", AttributeValue.fromS(LearningKeys.enrollmentPartition(enrollmentId)),
                "sk", AttributeValue.fromS(LearningKeys.artifactPrefix(1) + artifactId),
                "artifactId", AttributeValue.fromS(artifactId), "enrollmentId", AttributeValue.fromS(enrollmentId),
                "attempt", AttributeValue.fromN("1"), "requirementId", AttributeValue.fromS("reflection"),
                "kind", AttributeValue.fromS("text"), "status", AttributeValue.fromS("confirmed"),
                "text", AttributeValue.fromS("What the tickets showed.")));
        if (createdAt != null) {
            item.put("createdAt", AttributeValue.fromS(createdAt));
        }
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("LearningTable")).item(item));
    }
}
