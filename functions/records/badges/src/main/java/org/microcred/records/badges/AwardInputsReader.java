package org.microcred.records.badges;

import static org.microcred.records.core.Attributes.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.core.Queries;
import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a badge is built from that lives in other tables: the enrolment and the mastered
 * attempt's artifacts (LearningTable), the published micro-credential version's document
 * (CatalogTable) and the issuing organisation's profile (OrganizationsTable, through its
 * library). Kept apart from the BadgesTable's own records so each read can give way to its
 * table's library.
 */
public final class AwardInputsReader {
    private final DynamoDbClient dynamoDb;
    private final String learningTable;
    private final String catalogTable;
    private final OrganizationProfiles profiles;

    public AwardInputsReader(DynamoDbClient dynamoDb, String learningTable, String catalogTable,
                             String organizationsTable) {
        this.dynamoDb = dynamoDb;
        this.learningTable = learningTable;
        this.catalogTable = catalogTable;
        this.profiles = new OrganizationProfiles(new OrganizationsTable(dynamoDb, organizationsTable));
    }

    public static AwardInputsReader forEnvironment(FunctionEnvironment environment, String learningTable,
                                                   String catalogTable, String organizationsTable) {
        return new AwardInputsReader(DynamoDbClients.forEnvironment(environment), learningTable, catalogTable,
                organizationsTable);
    }

    /** The parts of an enrolment a badge names: who earned what, offered by whom. */
    public record EnrollmentInput(String enrollmentId, String learnerId, String learnerName, String learnerEmail,
                                  String organizationId, String organizationName, String microCredentialId,
                                  int microCredentialVersion, String title) {
    }

    /** One confirmed artifact of the mastered attempt; {@code kind} is {@code file}, {@code text} or {@code link}. */
    public record ArtifactInput(String artifactId, String requirementId, String kind, String fileName, String url) {
    }

    /** The enrolment ({@code ENR#<id> / ENROLLMENT}), strongly consistent. */
    public Optional<EnrollmentInput> enrollment(String enrollmentId) {
        var item = dynamoDb.getItem(r -> r.tableName(learningTable).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("ENR#" + enrollmentId), "sk", AttributeValue.fromS("ENROLLMENT")))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EnrollmentInput(enrollmentId, text(item, "learnerId"), text(item, "learnerName"),
                text(item, "learnerEmail"), text(item, "organizationId"), text(item, "organizationName"),
                text(item, "microCredentialId"), Integer.parseInt(item.get("microCredentialVersion").n()),
                text(item, "title")));
    }

    /** The attempt's confirmed artifacts, in key order (frozen once the attempt was submitted). */
    public List<ArtifactInput> artifacts(String enrollmentId, int attempt) {
        List<ArtifactInput> artifacts = new ArrayList<>();
        Queries.forEachItem(dynamoDb, r -> r.tableName(learningTable).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ENR#" + enrollmentId),
                        ":prefix", AttributeValue.fromS(String.format("ATTEMPT#%04d#ARTIFACT#", attempt)))), item -> {
                    if (!"declared".equals(text(item, "status"))) {
                        artifacts.add(new ArtifactInput(text(item, "artifactId"), text(item, "requirementId"),
                                text(item, "kind"), text(item, "fileName"), text(item, "url")));
                    }
                });
        return artifacts;
    }

    /** The document (JSON, docs/catalog-format.md) of a published version ({@code MC#<id> / V#<version>}). */
    public Optional<String> publishedDocument(String microCredentialId, int version) {
        var item = dynamoDb.getItem(r -> r.tableName(catalogTable).key(Map.of("pk", AttributeValue.fromS("MC#"
                + microCredentialId), "sk", AttributeValue.fromS(String.format("V#%06d", version))))).item();
        if (item == null || !item.containsKey("document")) {
            return Optional.empty();
        }
        return Optional.of(item.get("document").s());
    }

    /** The organisation's profile; empty for an organisation without one. */
    public Optional<OrganizationProfile> profile(String organizationId) {
        return profiles.find(organizationId);
    }
}
