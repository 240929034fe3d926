package org.microcred.evidence.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microcred.evidence.model.Artifact;
import org.microcred.evidence.model.ArtifactKind;
import org.microcred.evidence.model.Submission;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the evidence items of the learning table (docs/data-model.md):
 * {@code ENR#id / ATTEMPT#0001#ARTIFACT#artifactId} an artifact of attempt 1,
 * {@code ENR#id / ATTEMPT#0001} the submitted attempt 1 with its frozen artifact list.
 */
final class ArtifactItems {
    private ArtifactItems() {
    }

    static String attemptSortKey(int attempt) {
        return String.format("ATTEMPT#%04d", attempt);
    }

    static String artifactPrefix(int attempt) {
        return attemptSortKey(attempt) + "#ARTIFACT#";
    }

    static Map<String, AttributeValue> enrollmentKey(String enrollmentId) {
        return Map.of("pk", s("ENR#" + enrollmentId), "sk", s("ENROLLMENT"));
    }

    static Map<String, AttributeValue> artifactKey(String enrollmentId, int attempt, String artifactId) {
        return Map.of("pk", s("ENR#" + enrollmentId), "sk", s(artifactPrefix(attempt) + artifactId));
    }

    static Map<String, AttributeValue> attemptKey(String enrollmentId, int attempt) {
        return Map.of("pk", s("ENR#" + enrollmentId), "sk", s(attemptSortKey(attempt)));
    }

    static Map<String, AttributeValue> artifactItem(Artifact a) {
        Map<String, AttributeValue> item = new HashMap<>(artifactKey(a.enrollmentId(), a.attempt(), a.id()));
        item.put("artifactId", s(a.id()));
        item.put("enrollmentId", s(a.enrollmentId()));
        item.put("attempt", n(a.attempt()));
        item.put("requirementId", s(a.requirementId()));
        item.put("kind", s(a.kind().json()));
        item.put("status", s(a.status()));
        item.put("createdAt", s(a.createdAt()));
        put(item, "confirmedAt", a.confirmedAt());
        put(item, "fileName", a.fileName());
        put(item, "mediaType", a.mediaType());
        if (a.sizeBytes() != null) {
            item.put("sizeBytes", n(a.sizeBytes()));
        }
        put(item, "sha256", a.sha256());
        if (a.checksumVerified() != null) {
            item.put("checksumVerified", AttributeValue.fromBool(a.checksumVerified()));
        }
        put(item, "text", a.text());
        put(item, "url", a.url());
        put(item, "objectKey", a.objectKey());
        put(item, "uploadId", a.uploadId());
        put(item, "sealedKey", a.sealedKey());
        return item;
    }

    static Artifact artifactFrom(Map<String, AttributeValue> item) {
        return new Artifact(text(item, "artifactId"), text(item, "enrollmentId"),
                Integer.parseInt(item.get("attempt").n()), text(item, "requirementId"),
                ArtifactKind.fromJson(text(item, "kind")), text(item, "status"), text(item, "fileName"),
                text(item, "mediaType"), item.containsKey("sizeBytes") ? Long.parseLong(item.get("sizeBytes").n()) : null,
                text(item, "sha256"), item.containsKey("checksumVerified") ? item.get("checksumVerified").bool() : null,
                text(item, "text"), text(item, "url"), text(item, "createdAt"), text(item, "confirmedAt"),
                text(item, "objectKey"), text(item, "uploadId"), text(item, "sealedKey"), null);
    }

    static Map<String, AttributeValue> attemptItem(Submission submission, String coachId) {
        Map<String, AttributeValue> item = new HashMap<>(attemptKey(submission.enrollmentId(), submission.attempt()));
        item.put("submissionId", s(submission.id()));
        item.put("enrollmentId", s(submission.enrollmentId()));
        item.put("attempt", n(submission.attempt()));
        item.put("status", s(submission.status()));
        item.put("submittedAt", s(submission.submittedAt()));
        item.put("artifactIds", AttributeValue.fromL(submission.artifactIds().stream().map(ArtifactItems::s).toList()));
        put(item, "coachId", coachId);
        return item;
    }

    static Submission submissionFrom(Map<String, AttributeValue> item) {
        List<String> ids = item.get("artifactIds").l().stream().map(AttributeValue::s).toList();
        return new Submission(text(item, "submissionId"), text(item, "enrollmentId"),
                Integer.parseInt(item.get("attempt").n()), text(item, "status"), text(item, "submittedAt"), ids);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
