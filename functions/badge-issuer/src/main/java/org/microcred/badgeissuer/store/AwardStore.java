package org.microcred.badgeissuer.store;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.microcred.badgeissuer.model.Artifact;
import org.microcred.badgeissuer.model.Enrollment;
import org.microcred.badgeissuer.model.Issuer;
import org.microcred.badgeissuer.model.MicroCredential;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads what a badge is built from: the enrolment and the mastered attempt's artifacts (learning
 * table), the published micro-credential version (catalog table; versions never change, so each
 * is read once per container) and the offering organisation's profile.
 */
public class AwardStore {
    private final DynamoDbClient dynamoDb;
    private final String learningTable;
    private final String catalogTable;
    private final OrganizationProfiles profiles;
    private final Map<String, MicroCredential> versions = new ConcurrentHashMap<>();

    public AwardStore(DynamoDbClient dynamoDb, String learningTable, String catalogTable, String organizationsTable) {
        this.dynamoDb = dynamoDb;
        this.learningTable = learningTable;
        this.catalogTable = catalogTable;
        this.profiles = new OrganizationProfiles(new OrganizationsTable(dynamoDb, organizationsTable));
    }

    public Optional<Enrollment> enrollment(String enrollmentId) {
        var item = dynamoDb.getItem(r -> r.tableName(learningTable).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("ENR#" + enrollmentId), "sk", AttributeValue.fromS("ENROLLMENT")))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Enrollment(enrollmentId, text(item, "learnerId"), text(item, "learnerName"),
                text(item, "learnerEmail"), text(item, "organizationId"), text(item, "organizationName"),
                text(item, "microCredentialId"), Integer.parseInt(item.get("microCredentialVersion").n()),
                text(item, "title")));
    }

    public Optional<MicroCredential> microCredential(String microCredentialId, int version) {
        String versionKey = String.format("V#%06d", version);
        String cacheKey = microCredentialId + "/" + versionKey;
        MicroCredential cached = versions.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        var item = dynamoDb.getItem(r -> r.tableName(catalogTable).key(Map.of("pk", AttributeValue.fromS("MC#"
                + microCredentialId), "sk", AttributeValue.fromS(versionKey)))).item();
        if (item == null || !item.containsKey("document")) {
            return Optional.empty();
        }
        MicroCredential parsed = MicroCredentialDocument.parse(microCredentialId, version, item.get("document").s());
        versions.put(cacheKey, parsed);
        return Optional.of(parsed);
    }

    /** The organisation's issuer profile, its name falling back to the enrolment's copy if it has none. */
    public Issuer issuer(String organizationId, String fallbackName) {
        return profiles.find(organizationId).map(profile -> new Issuer(organizationId,
                        profile.name() == null || profile.name().isBlank() ? fallbackName : profile.name(),
                        profile.issuer().url(), profile.issuer().email(), profile.issuer().description(),
                        profile.issuer().imageUrl()))
                .orElseGet(() -> new Issuer(organizationId, fallbackName));
    }

    /** The attempt's confirmed artifacts, in key order (frozen once the attempt was submitted). */
    public List<Artifact> artifacts(String enrollmentId, int attempt) {
        List<Artifact> artifacts = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(r -> r.tableName(learningTable).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ENR#" + enrollmentId),
                            ":prefix", AttributeValue.fromS(String.format("ATTEMPT#%04d#ARTIFACT#", attempt))))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                if (!"declared".equals(text(item, "status"))) {
                    artifacts.add(new Artifact(text(item, "artifactId"), text(item, "requirementId"),
                            text(item, "kind"), text(item, "fileName"), text(item, "url")));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return artifacts;
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
