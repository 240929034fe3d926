package org.microcred.benchmarks.capacity;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.catalog.service.CatalogAuthoring;
import org.microcred.records.catalog.Activity;
import org.microcred.records.catalog.CatalogStore;
import org.microcred.records.catalog.EvidenceKind;
import org.microcred.records.catalog.EvidenceRequirement;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.Resource;
import org.microcred.records.catalog.RubricCriterion;
import org.microcred.records.catalog.RubricLevel;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The district the journey happens in, written before the meter runs: an organisation open to
 * its members with two coaches, and one micro-credential published through the real authoring
 * service with three pieces of evidence (a PDF lesson plan, a written reflection, a link to the
 * materials) and a three-criterion rubric.
 */
final class JourneyFixtures {
    static final String ORGANIZATION = "org-capacity";
    static final String COLLECTION = "formative-assessment";

    private JourneyFixtures() {
    }

    static void seedOrganization(DynamoDbClient dynamoDb, String organizationsTable) {
        put(dynamoDb, organizationsTable, Map.of("pk", s("ORG#" + ORGANIZATION), "sk", s("PROFILE"),
                "organizationId", s(ORGANIZATION), "name", s("Lakeside Unified School District"),
                "eligibility", s("members")));
        for (String coach : List.of("cap-coach-a", "cap-coach-b")) {
            put(dynamoDb, organizationsTable, Map.of("pk", s("ORG#" + ORGANIZATION), "sk", s("COACH#" + coach),
                    "userId", s(coach), "name", s("Coach " + coach.substring(coach.length() - 1).toUpperCase()),
                    "email", s(coach + "@lakeside.example"),
                    "collections", AttributeValue.fromL(List.of(s(COLLECTION))),
                    "microCredentialIds", AttributeValue.fromL(List.of()),
                    "openEnrollments", AttributeValue.fromN("0")));
        }
    }

    /** Publishes the journey's micro-credential; returns its id. */
    static String publishMicroCredential(DynamoDbClient dynamoDb, String catalogTable) {
        CatalogAuthoring authoring = new CatalogAuthoring(new CatalogStore(dynamoDb, catalogTable), Clock.systemUTC());
        Caller admin = new Caller("cap-admin", "admin@lakeside.example", "Pat Admin", ORGANIZATION,
                Set.of(Role.ORG_ADMIN));
        String id = authoring.create(admin, document(), Optional.empty()).view().id();
        authoring.publish(admin, id);
        return id;
    }

    private static MicroCredentialDocument document() {
        var levels = List.of(new RubricLevel("not-yet", "Not yet", "Not yet evident in the evidence.", false),
                new RubricLevel("proficient", "Proficient", "Consistently evident in the evidence.", true),
                new RubricLevel("exemplary", "Exemplary", "Evident, and shared with colleagues.", false));
        return new MicroCredentialDocument("Checking for Understanding with Exit Tickets",
                "Use short exit tickets to see who learned today's objective, and act on what they show.",
                "Educators design an exit ticket aligned to one lesson objective, sort the responses into groups "
                        + "and adjust the next lesson for each group.\n\nThe evidence shows the plan, the sorted "
                        + "responses and what changed the next day.",
                List.of("The educator uses exit tickets to check the lesson objective and adjusts instruction."),
                "Exit tickets sorted into three groups", COLLECTION, List.of("k-12-teachers"), 10.0,
                List.of(new Resource("Exit tickets in practice", "https://example.org/exit-tickets", "Background.")),
                List.of(new Activity("Try it", "Use an exit ticket in three lessons and sort the responses.")),
                List.of(new EvidenceRequirement("lesson-plan", "Lesson plan", "Upload the lesson plan with the ticket.",
                                List.of(EvidenceKind.FILE), List.of("application/pdf"), 10_485_760L, true),
                        new EvidenceRequirement("reflection", "Reflection", "What did the tickets show, and what did "
                                + "you change?", List.of(EvidenceKind.TEXT), List.of(), null, true),
                        new EvidenceRequirement("materials", "Materials", "A link to the tickets you used.",
                                List.of(EvidenceKind.LINK), List.of(), null, true)),
                List.of(new RubricCriterion("alignment", "Alignment to the objective",
                                "The ticket checks the lesson objective.", List.of("lesson-plan", "materials"), levels),
                        new RubricCriterion("analysis", "Analysis of responses",
                                "Responses are sorted into meaningful groups.", List.of("reflection"), levels),
                        new RubricCriterion("decision", "Instructional decision",
                                "The next lesson changes for each group.", List.of("reflection"), levels)));
    }

    private static void put(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> item) {
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
