package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mastery awards for the badge issuer, written as the catalog, enrolment, evidence and review
 * functions write them (docs/data-model.md): a published micro-credential with a three-criterion
 * rubric, and per award an enrolment, three artifacts and the mastery decision, plus the stream
 * record Lambda would deliver for that decision.
 */
public final class BadgeIssuerFixtures {
    static final String ORGANIZATION = "org-bench";
    static final String MICRO_CREDENTIAL = "bench-badge";
    private static final AtomicLong SEQUENCE = new AtomicLong(300_000_000_000_000_000L);
    private static final String DOCUMENT = "{\"title\":\"Checking for Understanding with Exit Tickets\","
            + "\"summary\":\"Use short exit tickets to see who learned today's objective.\","
            + "\"description\":\"Educators design exit tickets, sort the responses and adjust the next lesson.\","
            + "\"competencies\":[\"The educator uses exit tickets to check the objective and adjusts instruction.\"],"
            + "\"creditHours\":10,\"evidenceRequirements\":["
            + "{\"id\":\"lesson-plan\",\"title\":\"Lesson plan\",\"prompt\":\"Upload the lesson plan.\",\"kinds\":[\"file\"]},"
            + "{\"id\":\"reflection\",\"title\":\"Reflection\",\"prompt\":\"What did the tickets show?\",\"kinds\":[\"text\"]},"
            + "{\"id\":\"materials\",\"title\":\"Materials\",\"prompt\":\"A link to the tickets.\",\"kinds\":[\"link\"]}],"
            + "\"rubric\":[" + criterion("alignment", "Alignment to the objective") + ","
            + criterion("analysis", "Analysis of responses") + "," + criterion("decision", "Instructional decision")
            + "]}";

    /** The decision attribute of every benchmark award (the probe builds the same record). */
    static final String DECISION_JSON = "{\"outcome\":\"mastery\",\"scores\":[{\"criterionId\":\"alignment\","
            + "\"levelId\":\"proficient\"},{\"criterionId\":\"analysis\",\"levelId\":\"exemplary\"},"
            + "{\"criterionId\":\"decision\",\"levelId\":\"proficient\"}],\"feedback\":\"Well done.\","
            + "\"coachName\":\"Bench Coach\"}";

    private final DynamoDbClient dynamoDb;
    private final Map<String, String> tables;

    /** @param tables physical table names by logical id (CatalogTable, OrganizationsTable, LearningTable) */
    BadgeIssuerFixtures(DynamoDbClient dynamoDb, Map<String, String> tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    private static String criterion(String id, String name) {
        return "{\"id\":\"" + id + "\",\"criterion\":\"" + name + "\",\"levels\":["
                + "{\"id\":\"not-yet\",\"name\":\"Not yet\",\"description\":\"Not yet there.\",\"passing\":false},"
                + "{\"id\":\"proficient\",\"name\":\"Proficient\",\"description\":\"Meets it.\",\"passing\":true},"
                + "{\"id\":\"exemplary\",\"name\":\"Exemplary\",\"description\":\"Models it.\",\"passing\":false}]}";
    }

    /**
     * The issuer's template environment plus a local P-256 signing key: the benchmark has no KMS,
     * so signing is measured with the JCA signer (KMS Sign adds a network round trip in AWS).
     */
    public static Map<String, String> environment(Map<String, String> templateEnvironment) {
        Map<String, String> environment = new HashMap<>(templateEnvironment);
        environment.put("MICROCRED_BADGE_SIGNING_KEY", signingKeyJwk());
        // Any 32 bytes are an Ed25519 seed; fixed so runs are comparable.
        environment.put("MICROCRED_BADGE_PROOF_KEY", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        return environment;
    }

    /** The published version and the organisation's profile; call once. */
    void seed() {
        put("CatalogTable", Map.of("pk", s("MC#" + MICRO_CREDENTIAL), "sk", s("V#000001"), "id", s(MICRO_CREDENTIAL),
                "organizationId", s(ORGANIZATION), "version", n(1), "publishedAt", s("2026-01-01T00:00:00.000Z"),
                "document", s(DOCUMENT)));
        put("OrganizationsTable", Map.of("pk", s("ORG#" + ORGANIZATION), "sk", s("PROFILE"),
                "organizationId", s(ORGANIZATION), "name", s("Benchmark District"), "eligibility", s("members")));
    }

    /** A new mastered enrolment with its evidence; returns the stream event of its decision. */
    DynamodbEvent award(String learner) {
        String enrollmentId = "enr-" + learner;
        Map<String, AttributeValue> enrollment = new HashMap<>();
        enrollment.put("pk", s("ENR#" + enrollmentId));
        enrollment.put("sk", s("ENROLLMENT"));
        enrollment.put("enrollmentId", s(enrollmentId));
        enrollment.put("status", s("mastered"));
        enrollment.put("learnerId", s(learner));
        enrollment.put("learnerName", s("Learner " + learner));
        enrollment.put("learnerEmail", s(learner + "@bench.example"));
        enrollment.put("organizationId", s(ORGANIZATION));
        enrollment.put("organizationName", s("Benchmark District"));
        enrollment.put("microCredentialId", s(MICRO_CREDENTIAL));
        enrollment.put("microCredentialVersion", n(1));
        enrollment.put("title", s("Checking for Understanding with Exit Tickets"));
        enrollment.put("attempts", n(1));
        put("LearningTable", enrollment);
        artifact(enrollmentId, "art-1", "lesson-plan", "file", "fileName", "plan.pdf");
        artifact(enrollmentId, "art-2", "reflection", "text", "text", "The tickets showed two groups.");
        artifact(enrollmentId, "art-3", "materials", "link", "url", "https://example.org/tickets");
        Map<String, AttributeValue> decision = new HashMap<>();
        decision.put("pk", s("ENR#" + enrollmentId));
        decision.put("sk", s("ATTEMPT#0001#DECISION"));
        decision.put("submissionId", s(enrollmentId + ".1"));
        decision.put("enrollmentId", s(enrollmentId));
        decision.put("attempt", n(1));
        decision.put("outcome", s("mastery"));
        decision.put("coachId", s("bench-coach"));
        decision.put("decidedAt", s("2026-03-05T15:00:00.000Z"));
        decision.put("timeToFeedbackSeconds", n(3600));
        decision.put("decision", s(DECISION_JSON));
        put("LearningTable", decision);
        return decisionEvent(decision);
    }

    /** The INSERT record of a decision item, as the LearningTable stream delivers it. */
    static DynamodbEvent decisionEvent(Map<String, AttributeValue> item) {
        StreamRecord change = new StreamRecord().withKeys(image(Map.of("pk", item.get("pk"), "sk", item.get("sk"))))
                .withNewImage(image(item)).withSequenceNumber(Long.toString(SEQUENCE.incrementAndGet()))
                .withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setEventSource("aws:dynamodb");
        record.setDynamodb(change);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    private void artifact(String enrollmentId, String artifactId, String requirementId, String kind, String field,
                          String value) {
        put("LearningTable", Map.of("pk", s("ENR#" + enrollmentId), "sk", s("ATTEMPT#0001#ARTIFACT#" + artifactId),
                "artifactId", s(artifactId), "enrollmentId", s(enrollmentId), "attempt", n(1),
                "requirementId", s(requirementId), "kind", s(kind), "status", s("confirmed"), field, s(value),
                "createdAt", s("2026-03-01T09:00:00.000Z")));
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(
            Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            var converted = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
            if (value.s() != null) {
                converted.setS(value.s());
            } else {
                converted.setN(value.n());
            }
            image.put(name, converted);
        });
        return image;
    }

    private static String signingKeyJwk() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + coordinate(publicKey.getW().getAffineX())
                    + "\",\"y\":\"" + coordinate(publicKey.getW().getAffineY()) + "\",\"d\":\""
                    + coordinate(((ECPrivateKey) pair.getPrivate()).getS()) + "\"}";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private void put(String table, Map<String, AttributeValue> item) {
        dynamoDb.putItem(r -> r.tableName(tables.get(table)).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
