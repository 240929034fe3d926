package org.microcred.records.organizations;

import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.microcred.records.core.Page;
import org.microcred.records.core.PageCursors;
import org.microcred.records.core.Queries;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Organisation profiles: create once, change with the revision read, list without a Scan. */
public final class OrganizationProfiles {
    private static final Set<String> LIST_CURSOR_KEYS = Set.of(OrganizationKeys.PK, OrganizationKeys.SK);

    private final OrganizationsTable table;

    public OrganizationProfiles(OrganizationsTable table) {
        this.table = table;
    }

    public Optional<OrganizationProfile> find(String organizationId) {
        return Optional.ofNullable(table.get(OrganizationKeys.profile(organizationId)))
                .map(OrganizationItems::profileFrom);
    }

    /**
     * The profile as an eventually consistent read sees it (half the cost of {@link #find}): for
     * readers that only label or schedule with it, where a change made a second ago may wait.
     */
    public Optional<OrganizationProfile> findEventuallyConsistent(String organizationId) {
        return Optional.ofNullable(table.get(OrganizationKeys.profile(organizationId), false))
                .map(OrganizationItems::profileFrom);
    }

    /**
     * Every organisation's profile, page by page (index BySortKey, {@code sk = PROFILE}: a Query,
     * never a Scan). The index keeps the keys and a few attributes: enough for the name and the
     * review target, not the whole profile.
     */
    public void forEachListed(Consumer<OrganizationProfile> action) {
        Queries.forEachItem(table.dynamoDb(), q -> q.tableName(table.name()).indexName(OrganizationKeys.BY_SORT_KEY)
                .keyConditionExpression("sk = :profile")
                .expressionAttributeValues(Map.of(":profile", s(OrganizationKeys.PROFILE))),
                item -> action.accept(OrganizationItems.profileFrom(item)));
    }

    /** @throws RecordConflictException when an organisation with this id exists */
    public void create(OrganizationProfile profile) {
        table.conditional(() -> table.dynamoDb().putItem(r -> r.tableName(table.name())
                .item(OrganizationItems.profileItem(profile)).conditionExpression("attribute_not_exists(pk)")),
                "An organisation with id " + profile.id() + " exists");
    }

    /**
     * Replaces the profile if it is still at {@code expectedRevision}. Counters other functions
     * keep on the profile item are not touched: only the profile's own attributes are set.
     *
     * @throws RecordConflictException when it changed meanwhile (or is gone)
     */
    public void replace(OrganizationProfile updated, long expectedRevision) {
        Map<String, AttributeValue> item = OrganizationItems.profileItem(updated);
        item.remove(OrganizationKeys.PK);
        item.remove(OrganizationKeys.SK);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        List<String> removed = new ArrayList<>();
        for (String attribute : List.of("kind", "issuerUrl", "issuerEmail", "issuerDescription", "issuerImageUrl",
                "timeZone", "senderAddress")) {
            if (!item.containsKey(attribute)) {
                removed.add(attribute);
            }
        }
        int i = 0;
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            names.put("#a" + i, entry.getKey());
            values.put(":v" + i, entry.getValue());
            set.append(i == 0 ? "" : ", ").append("#a").append(i).append(" = :v").append(i);
            i++;
        }
        StringBuilder expression = new StringBuilder(set);
        for (int r = 0; r < removed.size(); r++) {
            names.put("#r" + r, removed.get(r));
            expression.append(r == 0 ? " REMOVE " : ", ").append("#r").append(r);
        }
        names.put("#revision", "revision");
        values.put(":expected", n(expectedRevision));
        table.conditional(() -> table.dynamoDb().updateItem(r -> r.tableName(table.name())
                .key(OrganizationKeys.profile(updated.id())).updateExpression(expression.toString())
                .conditionExpression("attribute_exists(pk) AND #revision = :expected")
                .expressionAttributeNames(names).expressionAttributeValues(values)),
                "Organisation " + updated.id() + " changed since revision " + expectedRevision);
    }

    /** A page of organisations in id order (index BySortKey, {@code sk = PROFILE}), read whole. */
    public Page<OrganizationProfile> list(Optional<String> cursor, int limit) {
        Map<String, AttributeValue> start = cursor.map(raw -> PageCursors.decode(raw, LIST_CURSOR_KEYS,
                OrganizationKeys.SK, OrganizationKeys.PROFILE)).orElse(null);
        OrganizationsTable.Result result = table.query(q -> q.indexName(OrganizationKeys.BY_SORT_KEY)
                .keyConditionExpression("sk = :profile")
                .expressionAttributeValues(Map.of(":profile", s(OrganizationKeys.PROFILE))), start, limit);
        List<OrganizationProfile> profiles = new ArrayList<>();
        if (!result.items().isEmpty()) {
            // The index keeps only the keys and two attributes; the page's profiles are read whole.
            List<Map<String, AttributeValue>> keys = result.items().stream()
                    .map(item -> Map.of(OrganizationKeys.PK, item.get(OrganizationKeys.PK),
                            OrganizationKeys.SK, item.get(OrganizationKeys.SK))).toList();
            Map<String, OrganizationProfile> byPartition = new LinkedHashMap<>();
            List<Map<String, AttributeValue>> pending = keys;
            while (!pending.isEmpty()) {
                List<Map<String, AttributeValue>> ask = pending;
                var response = table.dynamoDb().batchGetItem(r -> r.requestItems(Map.of(table.name(),
                        KeysAndAttributes.builder().keys(ask).consistentRead(true).build())));
                response.responses().getOrDefault(table.name(), List.of()).forEach(item ->
                        byPartition.put(item.get(OrganizationKeys.PK).s(), OrganizationItems.profileFrom(item)));
                KeysAndAttributes left = response.unprocessedKeys().get(table.name());
                pending = left == null ? List.of() : left.keys();
            }
            keys.forEach(key -> Optional.ofNullable(byPartition.get(key.get(OrganizationKeys.PK).s()))
                    .ifPresent(profiles::add));
        }
        return new Page<>(profiles, Optional.ofNullable(result.lastKey()).map(PageCursors::encode));
    }
}
