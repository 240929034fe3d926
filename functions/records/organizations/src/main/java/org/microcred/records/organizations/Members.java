package org.microcred.records.organizations;

import static org.microcred.records.core.Attributes.bool;
import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.shared.domain.Invalid;
import org.microcred.records.core.Page;
import org.microcred.records.core.Attributes;
import org.microcred.shared.identity.Role;
import org.microcred.records.core.PageCursors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Members and platform administrators. A member with the coach role has a coach entry
 * ({@code COACH#userId}) that enrolment counts loads on; it is written in the same transaction
 * as the membership, so the two never disagree about whether someone coaches.
 */
public final class Members {
    private static final Set<String> CURSOR_KEYS = Set.of(OrganizationKeys.PK, OrganizationKeys.SK);

    private final OrganizationsTable table;

    public Members(OrganizationsTable table) {
        this.table = table;
    }

    public Optional<Membership> find(String organizationId, String userId) {
        return Optional.ofNullable(table.get(OrganizationKeys.member(organizationId, userId)))
                .map(OrganizationItems::memberFrom);
    }

    /** @throws RecordConflictException when the person is a member already */
    public void add(Membership member) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                .item(OrganizationItems.memberItem(member)).conditionExpression("attribute_not_exists(pk)").build())
                .build());
        if (member.active() && member.has(Role.COACH)) {
            writes.add(activeCoach(member));
        }
        table.transact(writes, member.email() + " is a member of " + member.organizationId() + " already");
    }

    /**
     * Replaces a membership still at {@code expectedRevision} and brings the coach entry in line:
     * an active coach's entry is made or reactivated (loads kept), anyone else's is deactivated.
     *
     * @throws RecordConflictException when the membership changed meanwhile
     */
    public void replace(Membership updated, long expectedRevision) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                .item(OrganizationItems.memberItem(updated))
                .conditionExpression("attribute_exists(pk) AND revision = :expected")
                .expressionAttributeValues(Map.of(":expected", n(expectedRevision))).build()).build());
        if (updated.active() && updated.has(Role.COACH)) {
            writes.add(activeCoach(updated));
        } else if (table.get(OrganizationKeys.coach(updated.organizationId(), updated.userId())) != null) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                    .key(OrganizationKeys.coach(updated.organizationId(), updated.userId()))
                    .updateExpression("SET active = :false").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":false", bool(false))).build()).build());
        }
        table.transact(writes, "The membership of " + updated.email() + " changed meanwhile");
    }

    private TransactWriteItem activeCoach(Membership member) {
        Map<String, String> names = Map.of("#name", "name");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":user", s(member.userId()));
        values.put(":name", s(member.name()));
        values.put(":email", s(member.email().toLowerCase(Locale.ROOT)));
        values.put(":true", bool(true));
        values.put(":zero", n(0));
        return TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(OrganizationKeys.coach(member.organizationId(), member.userId()))
                .updateExpression("SET userId = :user, #name = :name, email = :email, active = :true, "
                        + "openEnrollments = if_not_exists(openEnrollments, :zero)")
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
    }

    /**
     * A page of an organisation's members in user-id order, optionally only those with a role,
     * in a state, or whose name or address contains {@code text} (lower-cased).
     */
    public Page<Membership> list(String organizationId, Optional<Role> role, Optional<String> text,
                                 Optional<Boolean> active, Optional<String> cursor, int limit) {
        String partition = OrganizationKeys.partition(organizationId);
        Map<String, AttributeValue> start = cursor.map(raw -> PageCursors.decode(raw, CURSOR_KEYS,
                OrganizationKeys.PK, partition)).orElse(null);
        if (start != null && !start.get(OrganizationKeys.SK).s().startsWith(OrganizationKeys.MEMBER_PREFIX)) {
            // The right partition but another kind of item: DynamoDB would refuse the start key (a 500).
            throw new Invalid("cursor", "belongs to a different list; start again without it");
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(partition));
        values.put(":member", s(OrganizationKeys.MEMBER_PREFIX));
        List<String> filters = new ArrayList<>();
        role.ifPresent(r -> {
            values.put(":role", s(r.group()));
            filters.add("contains(#roles, :role)");
        });
        text.ifPresent(t -> {
            values.put(":text", s(t.toLowerCase(Locale.ROOT)));
            filters.add("contains(searchText, :text)");
        });
        active.ifPresent(a -> {
            values.put(":active", bool(a));
            // Members written before deactivation existed have no flag and are active.
            filters.add(a ? "(attribute_not_exists(active) OR active = :active)" : "active = :active");
        });
        OrganizationsTable.Result result = table.query(q -> {
            q.keyConditionExpression("pk = :pk AND begins_with(sk, :member)").consistentRead(true)
                    .expressionAttributeValues(values);
            if (!filters.isEmpty()) {
                q.filterExpression(String.join(" AND ", filters));
                if (role.isPresent()) {
                    q.expressionAttributeNames(Map.of("#roles", "roles"));
                }
            }
        }, start, limit);
        return new Page<>(result.items().stream().map(OrganizationItems::memberFrom).toList(),
                Optional.ofNullable(result.lastKey()).map(PageCursors::encode));
    }

    /**
     * Every member of the organisation who holds {@code role} (eventually consistent, all pages):
     * whom to tell about something, where a change made a second ago may wait.
     */
    public List<Membership> withRole(String organizationId, Role role) {
        return table.queryAll(q -> q.keyConditionExpression("pk = :pk AND begins_with(sk, :member)")
                .filterExpression("contains(#roles, :role)")
                .expressionAttributeNames(Map.of("#roles", "roles"))
                .expressionAttributeValues(Map.of(":pk", s(OrganizationKeys.partition(organizationId)),
                        ":member", s(OrganizationKeys.MEMBER_PREFIX), ":role", s(role.group()))))
                .stream().map(OrganizationItems::memberFrom).toList();
    }

    /** Every organisation's membership with this address (index ByEmail). */
    public List<Membership> byEmail(String email) {
        return entriesByEmail(email).stream()
                .filter(item -> item.get(OrganizationKeys.SK).s().startsWith(OrganizationKeys.MEMBER_PREFIX))
                .map(OrganizationItems::memberFrom).toList();
    }

    /** The platform administrator with this address, if any (index ByEmail). */
    public Optional<PlatformAdministrator> platformAdministratorByEmail(String email) {
        return entriesByEmail(email).stream()
                .filter(item -> OrganizationKeys.PLATFORM.equals(item.get(OrganizationKeys.PK).s()))
                .map(OrganizationItems::platformAdministratorFrom).findFirst();
    }

    public Optional<PlatformAdministrator> platformAdministrator(String userId) {
        return Optional.ofNullable(table.get(OrganizationKeys.platformAdministrator(userId)))
                .map(OrganizationItems::platformAdministratorFrom);
    }

    /** Records a platform administrator; an existing record is left as it is (the command may be re-run). */
    public boolean addPlatformAdministrator(PlatformAdministrator administrator) {
        try {
            table.conditional(() -> table.dynamoDb().putItem(r -> r.tableName(table.name())
                    .item(OrganizationItems.platformAdministratorItem(administrator))
                    .conditionExpression("attribute_not_exists(pk)")), "exists");
            return true;
        } catch (RecordConflictException exists) {
            return false;
        }
    }

    private List<Map<String, AttributeValue>> entriesByEmail(String email) {
        return table.queryAll(q -> q.indexName(OrganizationKeys.BY_EMAIL).keyConditionExpression("email = :email")
                .expressionAttributeValues(Map.of(":email", s(email.toLowerCase(Locale.ROOT)))));
    }
}
