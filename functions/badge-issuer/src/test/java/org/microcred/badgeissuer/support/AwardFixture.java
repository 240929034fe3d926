package org.microcred.badgeissuer.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.microcred.badgeissuer.BadgeIssuerHandler;
import org.microcred.badgeissuer.service.BadgeIds;
import org.microcred.badgeissuer.signing.ProofKeys;
import org.microcred.badgeissuer.signing.Signers;
import org.microcred.emulators.junit.TestStack;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.BadgesTable;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items the badge issuer reads, written as the catalog, enrolment, evidence and review
 * functions write them (see docs/data-model.md), and readers for what it writes.
 */
public final class AwardFixture {
    public static final String ORGANIZATION = "org-riverbend";
    public static final String ORGANIZATION_NAME = "Riverbend Unified School District";
    public static final String MICRO_CREDENTIAL = "feedback-loops";
    public static final String API_URL = "https://api.microcred.example";
    /** The issuer profile the organisation set for itself (PUT /orgs/{orgId}). */
    public static final String ISSUER_WEBSITE = "https://www.riverbend.k12.example";
    public static final String ISSUER_EMAIL = "professional.learning@rusd.example";
    public static final String ISSUER_IMAGE = "https://www.riverbend.k12.example/seal.png";
    /** An Ed25519 seed for the embedded proofs (any 32 bytes). */
    public static final String PROOF_KEY_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    public final TestStack stack;
    public final ECKey signingKey;
    public final FunctionEnvironment environment;

    public AwardFixture(TestStack stack) {
        this.stack = stack;
        try {
            this.signingKey = new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.environment = stack.environment("BadgeIssuerFunction").with(Signers.LOCAL_KEY, signingKey.toJSONString())
                .with(ProofKeys.LOCAL_KEY, PROOF_KEY_SEED);
        put("CatalogTable", Map.of("pk", s("MC#" + MICRO_CREDENTIAL), "sk", s("V#000002"), "id", s(MICRO_CREDENTIAL),
                "organizationId", s(ORGANIZATION), "version", n(2), "publishedAt", s("2026-02-01T09:00:00.000Z"),
                "document", s(resource("fixtures/feedback-loops.json"))));
        put("OrganizationsTable", Map.of("pk", s("ORG#" + ORGANIZATION), "sk", s("PROFILE"),
                "organizationId", s(ORGANIZATION), "name", s(ORGANIZATION_NAME), "eligibility", s("members"),
                "issuerUrl", s(ISSUER_WEBSITE), "issuerEmail", s(ISSUER_EMAIL),
                "issuerDescription", s("Professional learning for Riverbend's educators."),
                "issuerImageUrl", s(ISSUER_IMAGE)));
    }

    /** A fresh handler, as another Lambda container would be. */
    public BadgeIssuerHandler handler() {
        return new BadgeIssuerHandler(environment);
    }

    /** An enrolment in the micro-credential whose first attempt holds a file, a text and a link. */
    public String enrolledWithEvidence(String learnerName, String learnerEmail) {
        String enrollmentId = "enr-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Map<String, AttributeValue> enrollment = new HashMap<>();
        enrollment.put("pk", s("ENR#" + enrollmentId));
        enrollment.put("sk", s("ENROLLMENT"));
        enrollment.put("enrollmentId", s(enrollmentId));
        enrollment.put("status", s("mastered"));
        enrollment.put("version", n(6));
        enrollment.put("learnerKey", s("LEARNER#usr-" + enrollmentId));
        enrollment.put("learnerId", s("usr-" + enrollmentId));
        enrollment.put("learnerName", s(learnerName));
        enrollment.put("learnerEmail", s(learnerEmail));
        enrollment.put("organizationId", s(ORGANIZATION));
        enrollment.put("organizationName", s(ORGANIZATION_NAME));
        enrollment.put("microCredentialId", s(MICRO_CREDENTIAL));
        enrollment.put("microCredentialVersion", n(2));
        enrollment.put("title", s("Feedback Loops that Move Learning Forward"));
        enrollment.put("attempts", n(1));
        put("LearningTable", enrollment);
        artifact(enrollmentId, "art-file", "feedback-samples", "file", Map.of("fileName", s("samples-week-3.pdf"),
                "mediaType", s("application/pdf"), "sizeBytes", n(52_000)));
        artifact(enrollmentId, "art-text", "reflection", "text", Map.of("text", s("Private: students revised their "
                + "lab reports; " + learnerEmail + " wrote this.")));
        artifact(enrollmentId, "art-link", "lesson-video", "link", Map.of("url", s("https://video.example/clip-42")));
        return enrollmentId;
    }

    private void artifact(String enrollmentId, String artifactId, String requirementId, String kind,
                          Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> item = new HashMap<>(extra);
        item.put("pk", s("ENR#" + enrollmentId));
        item.put("sk", s("ATTEMPT#0001#ARTIFACT#" + artifactId));
        item.put("artifactId", s(artifactId));
        item.put("enrollmentId", s(enrollmentId));
        item.put("attempt", n(1));
        item.put("requirementId", s(requirementId));
        item.put("kind", s(kind));
        item.put("status", s("confirmed"));
        item.put("createdAt", s("2026-03-01T10:00:00.000Z"));
        put("LearningTable", item);
    }

    /** The decision item as the review function writes it, stored, for the stream record. */
    public Map<String, AttributeValue> decided(String enrollmentId, int attempt, String outcome) {
        String decision = "{\"submissionId\":\"" + enrollmentId + "." + attempt + "\",\"enrollmentId\":\""
                + enrollmentId + "\",\"attempt\":" + attempt + ",\"outcome\":\"" + outcome + "\",\"scores\":["
                + "{\"criterionId\":\"actionable\",\"levelId\":\"exemplary\",\"feedback\":\"Clear next steps.\"},"
                + "{\"criterionId\":\"follow-up\",\"levelId\":\"proficient\"}],\"feedback\":\"Well done.\","
                + "\"coachId\":\"usr-coach\",\"coachName\":\"Dana Whitfield\",\"decidedAt\":\"2026-03-05T15:00:00.000Z\","
                + "\"timeToFeedbackSeconds\":3600}";
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("ENR#" + enrollmentId));
        item.put("sk", s(String.format("ATTEMPT#%04d#DECISION", attempt)));
        item.put("submissionId", s(enrollmentId + "." + attempt));
        item.put("enrollmentId", s(enrollmentId));
        item.put("attempt", n(attempt));
        item.put("outcome", s(outcome));
        item.put("coachId", s("usr-coach"));
        item.put("decidedAt", s("2026-03-05T15:00:00.000Z"));
        item.put("timeToFeedbackSeconds", n(3600));
        item.put("decision", s(decision));
        put("LearningTable", item);
        return item;
    }

    public Map<String, AttributeValue> badge(String enrollmentId) {
        return get("BadgesTable", "BADGE#" + BadgeIds.forEnrollment(enrollmentId), "BADGE");
    }

    /**
     * The badge as the badge function reads it (through the BadgesTable library), with the
     * VC-JWT and the credential with its proof as they were signed, whatever the item's shape.
     */
    public org.microcred.records.badges.Badge storedBadge(String enrollmentId) {
        return new BadgeRecords(new BadgesTable(stack.dynamoDb(), stack.tableName("BadgesTable")))
                .find(BadgeIds.forEnrollment(enrollmentId), true).orElseThrow();
    }

    public String credentialJwt(String enrollmentId) {
        return storedBadge(enrollmentId).credentialJwt();
    }

    public String credentialWithProof(String enrollmentId) {
        return storedBadge(enrollmentId).credentialWithProof();
    }

    public Map<String, AttributeValue> email(String enrollmentId) {
        return get("LearningTable", "OUTBOX#" + enrollmentId + "#badge-issued", "EMAIL");
    }

    public List<Map<String, AttributeValue>> issuerKeys() {
        return stack.dynamoDb().query(r -> r.tableName(stack.tableName("BadgesTable"))
                .keyConditionExpression("pk = :pk AND begins_with(sk, :key)")
                .expressionAttributeValues(Map.of(":pk", s("ISSUER#" + ORGANIZATION), ":key", s("KEY#")))).items();
    }

    /** Every item of the badges table that belongs to one enrolment's badge. */
    public long badgeItemsFor(String enrollmentId) {
        return stack.dynamoDb().scan(r -> r.tableName(stack.tableName("BadgesTable"))).items().stream()
                .filter(item -> item.containsKey("enrollmentId") && item.get("enrollmentId").s().equals(enrollmentId))
                .count();
    }

    public long outboxItemsFor(String enrollmentId) {
        return stack.dynamoDb().scan(r -> r.tableName(stack.tableName("LearningTable"))).items().stream()
                .filter(item -> item.get("pk").s().startsWith("OUTBOX#" + enrollmentId)).count();
    }

    private Map<String, AttributeValue> get(String table, String pk, String sk) {
        return stack.dynamoDb().getItem(r -> r.tableName(stack.tableName(table)).consistentRead(true)
                .key(Map.of("pk", s(pk), "sk", s(sk)))).item();
    }

    private void put(String table, Map<String, AttributeValue> item) {
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName(table)).item(item));
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String resource(String path) {
        try (InputStream in = AwardFixture.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
