package org.microcred.records.organizations;

import static org.microcred.records.organizations.Attributes.n;
import static org.microcred.records.organizations.Attributes.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Coach pools per micro-credential, and the coach entries (with loads) they choose from. */
public final class CoachPools {
    /** A pool and its coach checks must fit one transaction (100 items). */
    public static final int MAX_COACHES = 50;

    private final OrganizationsTable table;

    public CoachPools(OrganizationsTable table) {
        this.table = table;
    }

    public Optional<CoachPool> find(String organizationId, String microCredentialId) {
        return Optional.ofNullable(table.get(OrganizationKeys.pool(organizationId, microCredentialId)))
                .map(OrganizationItems::poolFrom);
    }

    /** Every coach entry of the organisation, with current loads (consistent Query on its partition). */
    public List<Coach> coaches(String organizationId) {
        return table.queryAll(q -> q.consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :coach)")
                        .expressionAttributeValues(Map.of(":pk", s(OrganizationKeys.partition(organizationId)),
                                ":coach", s(OrganizationKeys.COACH_PREFIX))))
                .stream().map(OrganizationItems::coachFrom).toList();
    }

    public Optional<Coach> coach(String organizationId, String userId) {
        return Optional.ofNullable(table.get(OrganizationKeys.coach(organizationId, userId)))
                .map(OrganizationItems::coachFrom);
    }

    /**
     * Writes the pool if it is still at {@code expectedRevision} (0 = there is none yet), on
     * condition that every coach in it still has an active coach entry.
     *
     * @throws RecordConflictException when the pool changed, or a coach was deactivated meanwhile
     */
    public void replace(CoachPool pool, long expectedRevision) {
        if (pool.seats().size() > MAX_COACHES) {
            throw new IllegalArgumentException("At most " + MAX_COACHES + " coaches per pool");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        Put.Builder put = Put.builder().tableName(table.name()).item(OrganizationItems.poolItem(pool));
        if (expectedRevision == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("revision = :expected").expressionAttributeValues(Map.of(":expected",
                    n(expectedRevision)));
        }
        writes.add(TransactWriteItem.builder().put(put.build()).build());
        for (CoachSeat seat : pool.seats()) {
            writes.add(TransactWriteItem.builder().conditionCheck(check -> check.tableName(table.name())
                    .key(OrganizationKeys.coach(pool.organizationId(), seat.userId()))
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(active) OR active = :true)")
                    .expressionAttributeValues(Map.of(":true", Attributes.bool(true)))).build());
        }
        table.transact(writes, "The coach pool of " + pool.microCredentialId() + " changed meanwhile");
    }
}
