package org.microcred.enrollment.store;

import static org.microcred.records.core.Attributes.s;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.microcred.enrollment.model.Member;
import org.microcred.enrollment.model.Organization;
import org.microcred.records.organizations.Coach;
import org.microcred.records.organizations.CoachCandidates;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.OrganizationsTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The organisations table as enrolment reads it: profiles and eligibility, the member
 * directory by email, and coach pools with their coaches' loads (through the table's records
 * library, {@link CoachPools}). Coaches' counters are written through {@link LearningWrite},
 * in the transaction of the enrolments they count.
 */
public class OrganizationStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final CoachPools pools;

    public OrganizationStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.pools = new CoachPools(new OrganizationsTable(dynamoDb, tableName));
    }

    public Optional<Organization> profile(String organizationId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(OrganizationItems.profileKey(organizationId))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(OrganizationItems.organizationFrom(organizationId, item));
    }

    /** Every organisation's member entry with this email address (index ByEmail; addresses are stored lower-case). */
    public List<Member> membersByEmail(String email) {
        QueryResponse response = dynamoDb.query(r -> r.tableName(tableName).indexName("ByEmail")
                .keyConditionExpression("email = :email")
                .expressionAttributeValues(Map.of(":email", s(email.toLowerCase(Locale.ROOT)))));
        // Coach entries carry an email too; only member entries are the directory.
        return response.items().stream()
                .filter(item -> item.get("sk").s().startsWith(OrganizationItems.MEMBER_PREFIX))
                .map(OrganizationItems::memberFrom)
                .toList();
    }

    /** The micro-credential's pool, if its organisation set one, and the coaches to choose from, with current loads. */
    public CoachCandidates coachCandidates(String organizationId, String microCredentialId) {
        return pools.candidates(organizationId, microCredentialId);
    }

    public Optional<CoachPool> pool(String organizationId, String microCredentialId) {
        return pools.find(organizationId, microCredentialId);
    }

    /** One coach entry, read strongly consistent. */
    public Optional<Coach> coach(String organizationId, String coachId) {
        return pools.coach(organizationId, coachId);
    }
}
