package org.microcred.enrollment.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.microcred.emulators.junit.TestStack;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.CoachSeat;
import org.microcred.records.organizations.OrganizationKeys;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes the data enrolment reads directly into a test class's tables, in the layout of
 * docs/data-model.md: organisation profiles, members, coaches and coach pools, and catalog cards
 * and versions.
 */
public final class Seed {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final TestStack stack;

    public Seed(TestStack stack) {
        this.stack = stack;
    }

    public String organizationsTable() {
        return stack.tableName("OrganizationsTable");
    }

    public String learningTable() {
        return stack.tableName("LearningTable");
    }

    public String catalogTable() {
        return stack.tableName("CatalogTable");
    }

    public void organization(String id, String name, String eligibility, String... emailDomains) {
        Map<String, AttributeValue> item = key("ORG#" + id, "PROFILE");
        item.put("organizationId", s(id));
        item.put("name", s(name));
        item.put("eligibility", s(eligibility));
        item.put("emailDomains", list(List.of(emailDomains)));
        item.put("reviewTargetBusinessDays", AttributeValue.fromN("5"));
        put(organizationsTable(), item);
    }

    public void member(Person person) {
        Map<String, AttributeValue> item = key("ORG#" + person.organizationId(), "MEMBER#" + person.userId());
        item.put("userId", s(person.userId()));
        item.put("email", s(person.email().toLowerCase(Locale.ROOT)));
        item.put("name", s(person.name()));
        item.put("roles", list(person.groups()));
        put(organizationsTable(), item);
    }

    public void coach(Person coach, List<String> microCredentialIds, List<String> collections, long openEnrollments) {
        Map<String, AttributeValue> item = key("ORG#" + coach.organizationId(), "COACH#" + coach.userId());
        item.put("userId", s(coach.userId()));
        item.put("email", s(coach.email().toLowerCase(Locale.ROOT)));
        item.put("name", s(coach.name()));
        item.put("microCredentialIds", list(microCredentialIds));
        item.put("collections", list(collections));
        item.put("openEnrollments", AttributeValue.fromN(Long.toString(openEnrollments)));
        put(organizationsTable(), item);
    }

    /**
     * Sets the micro-credential's coach pool through the table's records library, as the
     * organisation function does (every coach in it must have an active coach entry).
     */
    public void pool(String organizationId, String microCredentialId, CoachSeat... seats) {
        CoachPools pools = new CoachPools(new OrganizationsTable(stack.dynamoDb(), organizationsTable()));
        long revision = pools.find(organizationId, microCredentialId).map(CoachPool::revision).orElse(0L);
        pools.replace(new CoachPool(organizationId, microCredentialId, List.of(seats), revision + 1,
                "2026-01-05T09:00:00.000Z"), revision);
    }

    /** Sets a coach entry's count of open enrolments of one micro-credential (what capacities are checked against). */
    public void openFor(Person coach, String microCredentialId, long open) {
        updateCoach(coach, "SET #open = :n", Map.of("#open", OrganizationKeys.openForMicroCredential(microCredentialId)),
                Map.of(":n", AttributeValue.fromN(Long.toString(open))));
    }

    /** The coach entry becomes inactive, as when the member is deactivated or loses the coach role. */
    public void deactivate(Person coach) {
        updateCoach(coach, "SET active = :false", null, Map.of(":false", AttributeValue.fromBool(false)));
    }

    /** The coach joined as an assessor and is still calibrating for the micro-credential. */
    public void calibrating(Person coach, String microCredentialId) {
        updateCoach(coach, "SET calibratingMicroCredentialIds = :ids", null,
                Map.of(":ids", list(List.of(microCredentialId))));
    }

    private void updateCoach(Person coach, String expression, Map<String, String> names,
                             Map<String, AttributeValue> values) {
        stack.dynamoDb().updateItem(r -> {
            r.tableName(organizationsTable()).key(key("ORG#" + coach.organizationId(), "COACH#" + coach.userId()))
                    .updateExpression(expression).conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(values);
            if (names != null) {
                r.expressionAttributeNames(names);
            }
        });
    }

    /** Publishes version 1 of a new micro-credential (card and version item); returns its id. */
    public String microCredential(String organizationId, String collection, String title) {
        String id = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "")
                + "-t" + SEQUENCE.incrementAndGet();
        Map<String, AttributeValue> card = key("MC#" + id, "CARD");
        card.put("feed", s("CATALOG"));
        card.put("changedAt", AttributeValue.fromN(Long.toString(System.currentTimeMillis())));
        card.put("id", s(id));
        card.put("organizationId", s(organizationId));
        card.put("version", AttributeValue.fromN("1"));
        card.put("status", s("published"));
        card.put("title", s(title));
        card.put("collection", s(collection));
        put(catalogTable(), card);
        Map<String, Object> document = Map.of("title", title, "collection", collection,
                "evidenceRequirements", List.of(
                        Map.of("id", "lesson-plan", "title", "Lesson plan with exit ticket"),
                        Map.of("id", "reflection", "title", "Reflection on student responses")));
        Map<String, AttributeValue> version = key("MC#" + id, "V#000001");
        version.put("id", s(id));
        version.put("organizationId", s(organizationId));
        version.put("version", AttributeValue.fromN("1"));
        version.put("publishedAt", s("2025-08-01T12:00:00Z"));
        version.put("document", s(Json.write(document)));
        put(catalogTable(), version);
        return id;
    }

    /** Moves an enrolment to a status directly, as later features (evidence, review) would; +1 version. */
    public void status(String enrollmentId, String status, int attempts) {
        stack.dynamoDb().updateItem(r -> r.tableName(learningTable()).key(key("ENR#" + enrollmentId, "ENROLLMENT"))
                .updateExpression("SET #s = :s, orgStatusKey = :k, attempts = :a ADD version :one")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s(status), ":a", AttributeValue.fromN(Integer.toString(attempts)),
                        ":one", AttributeValue.fromN("1"), ":k", s(stack.dynamoDb().getItem(g -> g.tableName(learningTable())
                                .key(key("ENR#" + enrollmentId, "ENROLLMENT")).consistentRead(true)).item()
                                .get("organizationId").s() + "#" + status))));
    }

    /** One attribute of the stored enrolment. */
    public AttributeValue enrollmentAttribute(String enrollmentId, String name) {
        return stack.dynamoDb().getItem(r -> r.tableName(learningTable()).key(key("ENR#" + enrollmentId, "ENROLLMENT"))
                .consistentRead(true)).item().get(name);
    }

    public void retire(String microCredentialId) {
        stack.dynamoDb().updateItem(r -> r.tableName(catalogTable()).key(key("MC#" + microCredentialId, "CARD"))
                .updateExpression("SET #s = :retired").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":retired", s("retired"))));
    }

    public long openEnrollments(String organizationId, String coachId) {
        var item = stack.dynamoDb().getItem(r -> r.tableName(organizationsTable())
                .key(key("ORG#" + organizationId, "COACH#" + coachId)).consistentRead(true)).item();
        return Long.parseLong(item.get("openEnrollments").n());
    }

    /** The coach entry's open enrolments of one micro-credential ({@code open#<mcId>}; 0 when never counted). */
    public long openFor(String organizationId, String coachId, String microCredentialId) {
        var item = stack.dynamoDb().getItem(r -> r.tableName(organizationsTable())
                .key(key("ORG#" + organizationId, "COACH#" + coachId)).consistentRead(true)).item();
        AttributeValue open = item.get(OrganizationKeys.openForMicroCredential(microCredentialId));
        return open == null ? 0 : Long.parseLong(open.n());
    }

    /** Every item of the learning table (a Scan is fine in a test: the table is this class's own). */
    public List<Map<String, AttributeValue>> learningItems() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        stack.dynamoDb().scanPaginator(r -> r.tableName(learningTable()).consistentRead(true))
                .items().forEach(items::add);
        return items;
    }

    public List<Map<String, AttributeValue>> outbox(String enrollmentIdPrefix) {
        return learningItems().stream().filter(item -> item.get("sk").s().equals("EMAIL")
                && item.get("pk").s().startsWith("OUTBOX#" + enrollmentIdPrefix)).toList();
    }

    /** Learning-table items that mention a micro-credential: enrolments and guards. */
    public long itemsFor(String microCredentialId) {
        return learningItems().stream().filter(item -> item.get("sk").s().equals("MC#" + microCredentialId)
                || (item.containsKey("microCredentialId") && item.get("microCredentialId").s().equals(microCredentialId)))
                .count();
    }

    private void put(String table, Map<String, AttributeValue> item) {
        stack.dynamoDb().putItem(r -> r.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", s(pk));
        key.put("sk", s(sk));
        return key;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Seed::s).toList());
    }
}
