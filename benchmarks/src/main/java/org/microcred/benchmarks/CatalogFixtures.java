package org.microcred.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.microcred.catalog.service.CatalogAuthoring;
import org.microcred.records.catalog.Activity;
import org.microcred.records.catalog.EvidenceKind;
import org.microcred.records.catalog.EvidenceRequirement;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.Resource;
import org.microcred.records.catalog.RubricCriterion;
import org.microcred.records.catalog.RubricLevel;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/** Generates and publishes a large, varied catalog through the real authoring service. */
final class CatalogFixtures {
    static final List<String> WORDS = List.of("formative", "assessment", "exit", "tickets", "questioning",
            "routines", "feedback", "station", "rotation", "goal", "setting", "walkthrough", "coaching", "literacy",
            "numeracy", "discourse", "inquiry", "differentiation", "engagement", "restorative", "circles", "data",
            "cycles", "accommodations", "supervision", "mentoring", "writing", "reading", "science", "mathematics",
            "collaboration", "reflection", "planning", "vocabulary", "scaffolding", "modeling", "practice", "peer",
            "review", "portfolio");
    static final List<String> COLLECTIONS = List.of("formative-assessment", "classroom-management",
            "personalized-learning", "school-leadership", "paraprofessional-compliance");

    private CatalogFixtures() {
    }

    static void publish(CatalogAuthoring authoring, int count, int threads) throws Exception {
        Caller admin = new Caller("bench-admin", "admin@bench.example", "Bench Admin", "org-bench", Set.of(Role.ORG_ADMIN));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                MicroCredentialDocument document = document(new Random(i), i);
                done.add(pool.submit(() -> {
                    String id = authoring.create(admin, document, Optional.empty()).view().id();
                    authoring.publish(admin, id);
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Ids of up to {@code count} published micro-credentials, read from the catalog's ByChange index. */
    static List<String> publishedIds(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb, String table, int count) {
        return dynamoDb.query(r -> r.tableName(table).indexName("ByChange").limit(count)
                        .keyConditionExpression("feed = :feed")
                        .expressionAttributeValues(java.util.Map.of(":feed",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CATALOG"))))
                .items().stream().map(item -> item.get("id").s()).toList();
    }

    static MicroCredentialDocument document(Random random, int n) {
        String title = capitalise(words(random, 3)) + " " + n;
        var levels = List.of(new RubricLevel("not-yet", "Not yet", "Not yet evident.", false),
                new RubricLevel("proficient", "Proficient", "Consistently evident.", true),
                new RubricLevel("exemplary", "Exemplary", "Evident and shared with peers.", false));
        return new MicroCredentialDocument(title, "Practise " + words(random, 4) + " in your classroom.",
                "This micro-credential develops " + words(random, 40) + ".\n\nEducators " + words(random, 40) + ".",
                List.of("The educator applies " + words(random, 8) + "."),
                "Plan, teach and reflect on " + words(random, 20) + ".",
                COLLECTIONS.get(random.nextInt(COLLECTIONS.size())), List.of("k-12-teachers"), 10.0,
                List.of(new Resource("Reading on " + words(random, 2), "https://example.org/" + n, "Background.")),
                List.of(new Activity("Try it", "Use the method in three lessons.")),
                List.of(new EvidenceRequirement("lesson-plan", "Lesson plan", "Upload your plan.",
                        List.of(EvidenceKind.FILE, EvidenceKind.TEXT), List.of("application/pdf"), 10_485_760L, true)),
                List.of(new RubricCriterion("design", "Design", "The plan uses the method.", List.of("lesson-plan"), levels)));
    }

    static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.toString();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
