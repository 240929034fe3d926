package org.microcred.assessors.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microcred.assessors.model.LevelChoice;
import org.microcred.enrollment.model.Enrollment;
import org.microcred.enrollment.store.LearningStore;
import org.microcred.evidence.model.Artifact;
import org.microcred.evidence.model.Submission;
import org.microcred.evidence.store.ArtifactStore;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads decided submissions from the learning table: the enrolment, the frozen attempt with its
 * artifacts, and the decision item ({@code ENR#id / ATTEMPT#000n#DECISION}, read-only here).
 */
public class SubmissionReader {
    private static final Pattern SUBMISSION_ID = Pattern.compile("(enr-[a-z0-9]{20})\\.([1-9][0-9]{0,3})");

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final LearningStore enrollments;
    private final ArtifactStore artifacts;

    public SubmissionReader(DynamoDbClient dynamoDb, String tableName, LearningStore enrollments,
                            ArtifactStore artifacts) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.enrollments = enrollments;
        this.artifacts = artifacts;
    }

    /** A submission with its reference decision (levels per criterion and the outcome) and the coach who made it. */
    public record Decided(Enrollment enrollment, Submission submission, String outcome, List<LevelChoice> scores,
                          String decidedBy) {
    }

    /** What a submission id names, if anything: the enrolment and the attempt (never the decision). */
    public record Found(Enrollment enrollment, Submission submission, Optional<Decided> decided) {
    }

    public Optional<Found> find(String submissionId) {
        Matcher matcher = SUBMISSION_ID.matcher(submissionId == null ? "" : submissionId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int attempt = Integer.parseInt(matcher.group(2));
        return enrollments.find(matcher.group(1)).flatMap(enrollment -> artifacts.submission(enrollment.id(), attempt)
                .map(submission -> new Found(enrollment, submission, decision(enrollment, submission))));
    }

    /** The submitted artifacts of an attempt, in the order the attempt froze them. */
    public List<Artifact> artifacts(String enrollmentId, int attempt, List<String> artifactIds) {
        Map<String, Artifact> byId = new java.util.HashMap<>();
        artifacts.artifacts(enrollmentId, attempt).forEach(artifact -> byId.put(artifact.id(), artifact));
        return artifactIds.stream().map(byId::get).filter(a -> a != null && a.isConfirmed()).toList();
    }

    private Optional<Decided> decision(Enrollment enrollment, Submission submission) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of(
                "pk", AttributeValue.fromS("ENR#" + enrollment.id()),
                "sk", AttributeValue.fromS(String.format("ATTEMPT#%04d#DECISION", submission.attempt()))))
                .consistentRead(true)).item();
        if (item == null || !item.containsKey("decision")) {
            return Optional.empty();
        }
        try {
            JsonNode decision = Json.MAPPER.readTree(item.get("decision").s());
            List<LevelChoice> scores = new ArrayList<>();
            decision.path("scores").forEach(score -> scores.add(new LevelChoice(score.path("criterionId").asText(),
                    score.path("levelId").asText())));
            AttributeValue coach = item.get("coachId");
            return Optional.of(new Decided(enrollment, submission, decision.path("outcome").asText(), scores,
                    coach == null ? null : coach.s()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A decision item's decision is not JSON", e);
        }
    }
}
