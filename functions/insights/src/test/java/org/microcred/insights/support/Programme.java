package org.microcred.insights.support;

import java.util.Map;
import org.microcred.insights.support.Learning.Person;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The hand-counted fixture: one organisation, two micro-credentials in two collections, two
 * coaches, eleven enrolments with known paths through November 2026 (and one in October).
 * The expected figures, counted by hand, are in the tests that use it; the story is here.
 *
 * <pre>
 * Station Rotation (Blended Learning, 3 credit hours), coach Ana:
 *   rot-1 Maya   enrol 11-02, submit 11-03 09:00, mastery 11-03 12:00 (3 h)            first try
 *   rot-2 Sam    enrol 11-02, submit 11-04 09:00, revise 11-05 09:00 (24 h),
 *                submit 11-06 09:00, revise 11-06 19:00 (10 h),
 *                submit 11-09 09:00, mastery 11-10 09:00 (24 h)                      third try
 *   rot-3 Lee    enrol 11-03, withdraw 11-05
 *   rot-4 Ana B. enrol 11-04, submit 11-16 10:00: waiting, overdue on 11-23 (target 2 business days)
 *   rot-5 Kim    enrol 11-05, submit 11-20 10:00: waiting, not overdue
 *   rot-6 Raj    enrol 11-05, in progress
 * Feedback that works (title with a formula, a comma and quotes; Assessment, 1.5 h), coach Ben:
 *   fb-7  Jo     enrol 11-10, submit 11-11 08:00, revise 11-11 10:00 (2 h): needs revision
 *   fb-8  Eve    enrol 11-10, submit 11-12 08:00, mastery 11-14 08:00 (48 h)            first try
 *   fb-9  Ola    enrol 11-12 without a coach: awaiting coach
 *   fb-10 Max    enrol 10-30 (October), in progress
 *   fb-12 Maya   enrol 11-15, submit 11-16 09:00, mastery 11-16 15:00 (6 h)             first try
 * </pre>
 */
public final class Programme {
    public static final String ORG = "org-riverbend";
    public static final String ROTATION = "mc-rotation";
    public static final String ROTATION_TITLE = "Station Rotation";
    public static final String FEEDBACK = "mc-feedback";
    public static final String FEEDBACK_TITLE = "=SUM(1,2) \"Feedback\", that works";
    public static final Person ANA = new Person("coach-ana", "Ana Silva", "ana@riverbend.example");
    public static final Person BEN = new Person("coach-ben", "Ben Okafor", "ben@riverbend.example");
    public static final Person MAYA = new Person("u-maya", "Maya Lopez", "maya@riverbend.example");
    public static final Person SAM = new Person("u-sam", "Sam Okafor", "sam@riverbend.example");
    public static final Person EVE = new Person("u-eve", "Eve Adams", "eve@riverbend.example");

    private Programme() {
    }

    /** Catalog cards and versions, the organisation's profile (review target 2 business days). */
    public static void catalogAndProfile(DynamoDbClient dynamoDb, String catalogTable, String organizationsTable) {
        microCredential(dynamoDb, catalogTable, ROTATION, ROTATION_TITLE, "Blended Learning", "3");
        microCredential(dynamoDb, catalogTable, FEEDBACK, FEEDBACK_TITLE, "Assessment", "1.5");
        Map<String, AttributeValue> profile = Learning.key("ORG#" + ORG, "PROFILE");
        profile.put("organizationId", Learning.s(ORG));
        profile.put("name", Learning.s("Riverbend Unified"));
        profile.put("reviewTargetBusinessDays", Learning.n(2));
        dynamoDb.putItem(r -> r.tableName(organizationsTable).item(profile));
    }

    private static void microCredential(DynamoDbClient dynamoDb, String table, String id, String title,
                                        String collection, String hours) {
        Map<String, AttributeValue> card = Learning.key("MC#" + id, "CARD");
        card.put("feed", Learning.s("CATALOG"));
        card.put("changedAt", Learning.n(1));
        card.put("id", Learning.s(id));
        card.put("organizationId", Learning.s(ORG));
        card.put("version", Learning.n(1));
        card.put("status", Learning.s("published"));
        card.put("title", Learning.s(title));
        card.put("collection", Learning.s(collection));
        card.put("creditHours", AttributeValue.fromN(hours));
        dynamoDb.putItem(r -> r.tableName(table).item(card));
        Map<String, AttributeValue> version = Learning.key("MC#" + id, "V#000001");
        version.put("id", Learning.s(id));
        version.put("organizationId", Learning.s(ORG));
        version.put("version", Learning.n(1));
        version.put("document", Learning.s("{\"title\":\"" + title.replace("\"", "\\\"") + "\",\"creditHours\":" + hours + "}"));
        dynamoDb.putItem(r -> r.tableName(table).item(version));
    }

    /** Every enrolment's life as told above, plus emails the aggregator must ignore. */
    public static void enrolments(Learning learning) {
        learning.enrol("rot-1", ORG, ROTATION, ROTATION_TITLE, MAYA, ANA, "2026-11-02T08:00:00.000Z")
                .submit("2026-11-03T09:00:00.000Z").decide("2026-11-03T12:00:00.000Z", true);
        learning.email("rot-1#welcome");
        learning.enrol("rot-2", ORG, ROTATION, ROTATION_TITLE, SAM, ANA, "2026-11-02T08:30:00.000Z")
                .submit("2026-11-04T09:00:00.000Z").decide("2026-11-05T09:00:00.000Z", false)
                .submit("2026-11-06T09:00:00.000Z").decide("2026-11-06T19:00:00.000Z", false)
                .submit("2026-11-09T09:00:00.000Z").decide("2026-11-10T09:00:00.000Z", true);
        learning.enrol("rot-3", ORG, ROTATION, ROTATION_TITLE, person("u-lee", "Lee Chen"), ANA,
                "2026-11-03T10:00:00.000Z").withdraw("2026-11-05T10:00:00.000Z");
        learning.enrol("rot-4", ORG, ROTATION, ROTATION_TITLE, person("u-anab", "Ana Brown"), ANA,
                "2026-11-04T10:00:00.000Z").submit("2026-11-16T10:00:00.000Z");
        learning.enrol("rot-5", ORG, ROTATION, ROTATION_TITLE, person("u-kim", "Kim Park"), ANA,
                "2026-11-05T10:00:00.000Z").submit("2026-11-20T10:00:00.000Z");
        learning.enrol("rot-6", ORG, ROTATION, ROTATION_TITLE, person("u-raj", "Raj Patel"), ANA,
                "2026-11-05T11:00:00.000Z");
        learning.enrol("fb-7", ORG, FEEDBACK, FEEDBACK_TITLE, person("u-jo", "Jo March"), BEN,
                "2026-11-10T08:00:00.000Z")
                .submit("2026-11-11T08:00:00.000Z").decide("2026-11-11T10:00:00.000Z", false);
        learning.enrol("fb-8", ORG, FEEDBACK, FEEDBACK_TITLE, EVE, BEN, "2026-11-10T09:00:00.000Z")
                .submit("2026-11-12T08:00:00.000Z").decide("2026-11-14T08:00:00.000Z", true);
        learning.enrol("fb-9", ORG, FEEDBACK, FEEDBACK_TITLE, person("u-ola", "Ola Nowak"), null,
                "2026-11-12T09:00:00.000Z");
        learning.enrol("fb-10", ORG, FEEDBACK, FEEDBACK_TITLE, person("u-max", "Max Weber"), BEN,
                "2026-10-30T09:00:00.000Z");
        learning.enrol("fb-12", ORG, FEEDBACK, FEEDBACK_TITLE, MAYA, BEN, "2026-11-15T09:00:00.000Z")
                .submit("2026-11-16T09:00:00.000Z").decide("2026-11-16T15:00:00.000Z", true);
        learning.email("fb-12#welcome");
    }

    /** Another organisation's enrolment, which must never show in Riverbend's reports. */
    public static void otherOrganisation(Learning learning) {
        learning.enrol("other-1", "org-lakeside", "mc-other", "Other", person("u-zed", "Zed Ray"),
                        new Person("coach-zoe", "Zoe Lake", "zoe@lakeside.example"), "2026-11-02T08:00:00.000Z")
                .submit("2026-11-03T08:00:00.000Z").decide("2026-11-03T09:00:00.000Z", true);
    }

    private static Person person(String id, String name) {
        return new Person(id, name, id.substring(2) + "@riverbend.example");
    }
}
