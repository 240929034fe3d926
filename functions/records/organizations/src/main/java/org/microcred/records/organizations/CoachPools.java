package org.microcred.records.organizations;

import static org.microcred.records.core.Attributes.bool;
import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.s;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Coach pools per micro-credential, and the coach entries (with loads) they choose from. The
 * loads are changed by other functions' transactions (an enrolment and its coach's counters
 * commit together), so those writes are handed out as transaction items.
 */
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

    /**
     * What choosing a coach for the micro-credential reads (consistent): the pool (GetItem), then
     * its coaches' entries (BatchGetItem) when there is one, or every coach entry of the
     * organisation (Query) when there is none. Seats without a coach entry are left out.
     */
    public CoachCandidates candidates(String organizationId, String microCredentialId) {
        Optional<CoachPool> pool = find(organizationId, microCredentialId);
        if (pool.isEmpty()) {
            return new CoachCandidates(pool, coaches(organizationId));
        }
        return new CoachCandidates(pool, coaches(organizationId, pool.get().seats().stream()
                .map(CoachSeat::userId).toList()));
    }

    /** The coach entries of these users (consistent BatchGetItem, at most {@link #MAX_COACHES}), in no order. */
    public List<Coach> coaches(String organizationId, Collection<String> userIds) {
        if (userIds.size() > MAX_COACHES) {
            throw new IllegalArgumentException("At most " + MAX_COACHES + " coaches at once, not " + userIds.size());
        }
        return table.getAll(userIds.stream().distinct().map(userId -> OrganizationKeys.coach(organizationId, userId))
                .toList()).stream().map(OrganizationItems::coachFrom).toList();
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
                    .expressionAttributeValues(Map.of(":true", bool(true)))).build());
        }
        table.transact(writes, "The coach pool of " + pool.microCredentialId() + " changed meanwhile");
    }

    /**
     * A transaction item that adds a seat (no capacity) for the user to the pool, on condition
     * that the pool is still at the revision read; the revision goes up by one, so an admin
     * editing the pool from an older read gets a conflict instead of dropping the new seat.
     * The caller checks first that the user holds no seat yet (that makes adding idempotent).
     */
    public TransactWriteItem addSeat(CoachPool pool, String userId, String now) {
        Map<String, AttributeValue> seat = Map.of("userId", s(userId));
        return TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(OrganizationKeys.pool(pool.organizationId(), pool.microCredentialId()))
                .updateExpression("SET coaches = list_append(if_not_exists(coaches, :none), :seat), "
                        + "revision = :next, updatedAt = :now")
                .conditionExpression("revision = :read")
                .expressionAttributeValues(Map.of(":none", AttributeValue.fromL(List.of()),
                        ":seat", AttributeValue.fromL(List.of(AttributeValue.fromM(seat))),
                        ":next", n(pool.revision() + 1), ":now", s(now), ":read", n(pool.revision())))
                .build()).build();
    }

    /**
     * A transaction item that gives a coach {@code count} more open enrolments of the
     * micro-credential: {@code openEnrollments} and {@code open#<mcId>} both go up by
     * {@code count}, on condition that the coach entry exists, is active and, with a
     * {@code capacity}, still has room for all of them.
     */
    public TransactWriteItem addLoad(String organizationId, String coachId, String microCredentialId, int count,
                                     Integer capacity) {
        if (count < 1 || (capacity != null && count > capacity)) {
            throw new IllegalArgumentException(count + " learners do not fit a capacity of " + capacity);
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":n", n(count));
        values.put(":true", bool(true));
        String condition = "attribute_exists(pk) AND (attribute_not_exists(active) OR active = :true)";
        if (capacity != null) {
            values.put(":room", n(capacity - count));
            condition += " AND (attribute_not_exists(#open) OR #open <= :room)";
        }
        return loadUpdate(organizationId, coachId, microCredentialId, condition, values);
    }

    /**
     * A transaction item that moves a coach's open enrolments of the micro-credential by
     * {@code delta} (negative when one is mastered, withdrawn or moved away): both counters by
     * the same amount, on condition only that the coach entry still exists.
     */
    public TransactWriteItem changeLoad(String organizationId, String coachId, String microCredentialId, long delta) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":n", n(delta));
        return loadUpdate(organizationId, coachId, microCredentialId, "attribute_exists(pk)", values);
    }

    private TransactWriteItem loadUpdate(String organizationId, String coachId, String microCredentialId,
                                         String condition, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(OrganizationKeys.coach(organizationId, coachId))
                .updateExpression("ADD openEnrollments :n, #open :n")
                .conditionExpression(condition)
                // '#' in the attribute's name: it can only be named through a placeholder.
                .expressionAttributeNames(Map.of("#open", OrganizationKeys.openForMicroCredential(microCredentialId)))
                .expressionAttributeValues(values).build()).build();
    }
}
