package org.microcred.benchmarks.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.microcred.records.insights.Deltas;
import org.microcred.records.insights.FactDeriver;
import org.microcred.records.insights.Lookups;
import org.microcred.records.insights.StreamChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One organisation's year of learning, as the insights table would hold it after the stream:
 * {@code enrolments} synthetic enrolments (seeded, so every run is the same) go through their
 * lives as stream changes (insert, submissions, decisions, mastery, withdrawal), the real
 * {@link FactDeriver} turns each into deltas, the deltas are summed per aggregate item in
 * memory, and the sums are written with BatchWriteItem. The items are exactly what the
 * aggregator's transactions would have added up to, without 250,000 transactions of loading.
 * The enrolments waiting for review now are also written to the learning table, because the
 * report's overdue count queries them there.
 */
public final class InsightsProgrammeData {
    public static final String ORG = "org-bench-insights";
    public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MICRO_CREDENTIALS = 40;
    private static final int COLLECTIONS = 6;
    private static final int COACHES = 120;

    private final Random random = new Random(20261123);
    private final Map<String, Lookups.EnrollmentRef> refs = new HashMap<>();
    private final Map<String, Merged> merged = new LinkedHashMap<>();
    private final List<Map<String, AttributeValue>> puts = new ArrayList<>();
    private final List<Map<String, AttributeValue>> waiting = new ArrayList<>();
    private final FactDeriver deriver;
    private long changes;

    /** What was loaded. */
    public record Loaded(int enrolments, long streamChanges, int aggregateItems, int creditItems, int waitingReviews,
                         double seconds) {
    }

    private record Merged(String pk, String sk, Map<String, Long> counts, Map<String, String> labels) {
    }

    private InsightsProgrammeData() {
        this.deriver = new FactDeriver(new Lookups() {
            @Override
            public Optional<EnrollmentRef> enrollment(String enrollmentId) {
                return Optional.ofNullable(refs.get(enrollmentId));
            }

            @Override
            public Optional<Double> creditHours(String microCredentialId, long version) {
                return Optional.of(1.0 + Math.abs(microCredentialId.hashCode() % 6));
            }
        });
    }

    public static Loaded load(DynamoDbClient dynamoDb, Map<String, String> tables, int enrolments) {
        long start = System.nanoTime();
        InsightsProgrammeData data = new InsightsProgrammeData();
        for (int i = 0; i < enrolments; i++) {
            data.enrolment(i);
        }
        data.writeCatalog(dynamoDb, tables.get("CatalogTable"));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        data.merged.values().forEach(m -> items.add(item(m)));
        items.addAll(data.puts);
        batchWrite(dynamoDb, tables.get("InsightsTable"), items);
        batchWrite(dynamoDb, tables.get("LearningTable"), data.waiting);
        return new Loaded(enrolments, data.changes, data.merged.size(), data.puts.size(), data.waiting.size(),
                (System.nanoTime() - start) / 1e9);
    }

    /** One enrolment's life: 15% withdraw, 55% master (1 to 3 attempts), 4% wait for review now, the rest are open. */
    private void enrolment(int i) {
        String id = "bench-enr-" + i;
        String mc = "bench-mc-" + (int) Math.floor(Math.pow(random.nextDouble(), 1.6) * MICRO_CREDENTIALS);
        String coach = "bench-coach-" + random.nextInt(COACHES);
        refs.put(id, new Lookups.EnrollmentRef(ORG, mc));
        Instant created = NOW.minus(Duration.ofMinutes(20L * 24 * 60 + random.nextInt(345 * 24 * 60)));
        Map<String, AttributeValue> image = enrolmentImage(id, mc, coach, created);
        apply(change("INSERT", id, "ENROLLMENT", Map.of(), image));
        double path = random.nextDouble();
        Instant t = created.plus(Duration.ofHours(2 + random.nextInt(240)));
        if (path < 0.15) {
            move(image, "withdrawn", t, 0);
        } else if (path < 0.70) {
            int attempts = path < 0.40 ? 1 : path < 0.60 ? 2 : 3;
            for (int attempt = 1; attempt <= attempts; attempt++) {
                image = move(image, "submitted", t, attempt);
                Instant decided = t.plus(feedbackTime());
                decide(id, coach, attempt, t, decided, attempt == attempts);
                image = move(image, attempt == attempts ? "mastered" : "needs-revision", decided, attempt);
                t = decided.plus(Duration.ofHours(12 + random.nextInt(96)));
            }
        } else if (path < 0.74) {
            Instant submitted = NOW.minus(Duration.ofMinutes(random.nextInt(10 * 24 * 60)));
            image = move(image, "submitted", submitted, 1);
            waiting.add(learningItem(image));
        } else if (path < 0.82) {
            image = move(image, "submitted", t, 1);
            Instant decided = t.plus(feedbackTime());
            decide(id, coach, 1, t, decided, false);
            move(image, "needs-revision", decided, 1);
        }
    }

    /** Mostly within two days, a long tail to two weeks. */
    private Duration feedbackTime() {
        double hours = Math.exp(random.nextGaussian() * 1.0 + 3.0);
        return Duration.ofMinutes((long) Math.min(hours * 60, 14 * 24 * 60));
    }

    private Map<String, AttributeValue> move(Map<String, AttributeValue> before, String status, Instant at, int attempts) {
        Map<String, AttributeValue> after = new HashMap<>(before);
        after.put("status", s(status));
        after.put("updatedAt", s(STORED.format(at)));
        after.put("orgStatusKey", s(ORG + "#" + status));
        after.put("attempts", n(attempts));
        apply(change("MODIFY", before.get("enrollmentId").s(), "ENROLLMENT", before, after));
        return after;
    }

    private void decide(String id, String coach, int attempt, Instant submitted, Instant decided, boolean mastery) {
        Map<String, AttributeValue> decision = new HashMap<>();
        decision.put("pk", s("ENR#" + id));
        decision.put("sk", s("ATTEMPT#%04d#DECISION".formatted(attempt)));
        decision.put("enrollmentId", s(id));
        decision.put("attempt", n(attempt));
        decision.put("outcome", s(mastery ? "mastery" : "needs-revision"));
        decision.put("coachId", s(coach));
        decision.put("decidedAt", s(STORED.format(decided)));
        decision.put("timeToFeedbackSeconds", n(Duration.between(submitted, decided).getSeconds()));
        apply(change("INSERT", id, decision.get("sk").s(), Map.of(), decision));
    }

    private StreamChange change(String eventName, String id, String sk, Map<String, AttributeValue> before,
                                Map<String, AttributeValue> after) {
        changes++;
        return new StreamChange("bench-" + changes, Long.toString(changes), eventName,
                Map.of("pk", s("ENR#" + id), "sk", s(sk)), before, after);
    }

    private void apply(StreamChange change) {
        Deltas deltas = deriver.derive(change);
        for (Deltas.ItemChange item : deltas.updates()) {
            Merged m = merged.computeIfAbsent(item.pk() + "\u0000" + item.sk(),
                    key -> new Merged(item.pk(), item.sk(), new LinkedHashMap<>(), new LinkedHashMap<>()));
            item.adds().forEach((name, amount) -> m.counts().merge(name, amount, Long::sum));
            m.labels().putAll(item.labels());
        }
        puts.addAll(deltas.puts());
    }

    private Map<String, AttributeValue> enrolmentImage(String id, String mc, String coach, Instant created) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("pk", s("ENR#" + id));
        image.put("sk", s("ENROLLMENT"));
        image.put("enrollmentId", s(id));
        image.put("status", s("in-progress"));
        image.put("createdAt", s(STORED.format(created)));
        image.put("updatedAt", s(STORED.format(created)));
        image.put("orgStatusKey", s(ORG + "#in-progress"));
        image.put("organizationId", s(ORG));
        image.put("microCredentialId", s(mc));
        image.put("microCredentialVersion", n(1));
        image.put("title", s("Benchmark micro-credential " + mc));
        image.put("learnerId", s("bench-learner-" + id));
        image.put("learnerName", s("Learner " + id));
        image.put("learnerEmail", s(id + "@bench.example"));
        image.put("coachId", s(coach));
        image.put("coachName", s("Coach " + coach));
        image.put("attempts", n(0));
        return image;
    }

    private static Map<String, AttributeValue> learningItem(Map<String, AttributeValue> image) {
        return new HashMap<>(image);
    }

    private void writeCatalog(DynamoDbClient dynamoDb, String table) {
        List<Map<String, AttributeValue>> cards = new ArrayList<>();
        for (int i = 0; i < MICRO_CREDENTIALS; i++) {
            Map<String, AttributeValue> card = new HashMap<>();
            card.put("pk", s("MC#bench-mc-" + i));
            card.put("sk", s("CARD"));
            card.put("id", s("bench-mc-" + i));
            card.put("title", s("Benchmark micro-credential " + i));
            card.put("collection", s("Collection " + (i % COLLECTIONS)));
            card.put("creditHours", n(1 + i % 6));
            cards.add(card);
        }
        batchWrite(dynamoDb, table, cards);
    }

    private static Map<String, AttributeValue> item(Merged m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(m.pk()));
        item.put("sk", s(m.sk()));
        m.counts().forEach((name, value) -> item.put(name, n(value)));
        m.labels().forEach((name, value) -> item.put(name, s(value)));
        return item;
    }

    private static void batchWrite(DynamoDbClient dynamoDb, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> requests = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, requests);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> batch = pending;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(batch));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
