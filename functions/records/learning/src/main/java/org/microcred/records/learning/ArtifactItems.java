package org.microcred.records.learning;

import static org.microcred.records.core.Attributes.bool;
import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.optionalLong;
import static org.microcred.records.core.Attributes.putIfPresent;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.strings;
import static org.microcred.records.core.Attributes.text;
import static org.microcred.records.core.Attributes.textList;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the evidence items of the learning table (docs/data-model.md):
 * {@code ENR#id / ATTEMPT#0001#ARTIFACT#artifactId} an artifact of attempt 1,
 * {@code ENR#id / ATTEMPT#0001} the submitted attempt 1 with its frozen artifact list.
 */
final class ArtifactItems {
    private ArtifactItems() {
    }

    static Map<String, AttributeValue> artifactItem(Artifact a) {
        Map<String, AttributeValue> item = new HashMap<>(LearningKeys.artifact(a.enrollmentId(), a.attempt(), a.id()));
        item.put("artifactId", s(a.id()));
        item.put("enrollmentId", s(a.enrollmentId()));
        item.put("attempt", n(a.attempt()));
        item.put("requirementId", s(a.requirementId()));
        item.put("kind", s(a.kind().json()));
        item.put("status", s(a.status().json()));
        item.put("createdAt", s(a.createdAt()));
        putIfPresent(item, "confirmedAt", a.confirmedAt());
        putIfPresent(item, "fileName", a.fileName());
        putIfPresent(item, "mediaType", a.mediaType());
        putIfPresent(item, "sizeBytes", a.sizeBytes());
        putIfPresent(item, "sha256", a.sha256());
        if (a.checksumVerified() != null) {
            item.put("checksumVerified", bool(a.checksumVerified()));
        }
        putIfPresent(item, "text", a.text());
        putIfPresent(item, "url", a.url());
        putIfPresent(item, "objectKey", a.objectKey());
        putIfPresent(item, "uploadId", a.uploadId());
        putIfPresent(item, "sealedKey", a.sealedKey());
        return item;
    }

    static Artifact artifactFrom(Map<String, AttributeValue> item) {
        AttributeValue verified = item.get("checksumVerified");
        return Artifact.builder().id(text(item, "artifactId")).enrollmentId(text(item, "enrollmentId"))
                .attempt(Integer.parseInt(item.get("attempt").n())).requirementId(text(item, "requirementId"))
                .kind(ArtifactKind.fromJson(text(item, "kind"))).status(ArtifactStatus.fromJson(text(item, "status")))
                .fileName(text(item, "fileName")).mediaType(text(item, "mediaType"))
                .sizeBytes(optionalLong(item, "sizeBytes")).sha256(text(item, "sha256"))
                .checksumVerified(verified == null ? null : verified.bool())
                .text(text(item, "text")).url(text(item, "url"))
                .createdAt(text(item, "createdAt")).confirmedAt(text(item, "confirmedAt"))
                .objectKey(text(item, "objectKey")).uploadId(text(item, "uploadId")).sealedKey(text(item, "sealedKey"))
                .build();
    }

    static Map<String, AttributeValue> attemptItem(Submission submission, String coachId) {
        Map<String, AttributeValue> item = new HashMap<>(LearningKeys.attempt(submission.enrollmentId(),
                submission.attempt()));
        item.put("submissionId", s(submission.id()));
        item.put("enrollmentId", s(submission.enrollmentId()));
        item.put("attempt", n(submission.attempt()));
        item.put("status", s(submission.status()));
        item.put("submittedAt", s(submission.submittedAt()));
        item.put("artifactIds", strings(submission.artifactIds()));
        putIfPresent(item, "coachId", coachId);
        return item;
    }

    static Submission submissionFrom(Map<String, AttributeValue> item) {
        return new Submission(text(item, "submissionId"), text(item, "enrollmentId"),
                Integer.parseInt(item.get("attempt").n()), text(item, "status"), text(item, "submittedAt"),
                textList(item, "artifactIds"));
    }
}
