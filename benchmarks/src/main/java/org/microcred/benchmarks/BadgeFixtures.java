package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One issued badge as the badge issuer writes it (the BadgesTable contract in docs/data-model.md):
 * the issuer's public key item and a badge item whose VC-JWT is signed with that key, so the
 * badge function's page runs its full live check (key lookup, ES256 signature, expiry).
 */
public final class BadgeFixtures {
    public static final String ORGANIZATION = "org-bench";

    private BadgeFixtures() {
    }

    /**
     * Writes the key and badge items into {@code badgesTable}; returns the badge id.
     *
     * @param apiUrl the API_URL the badge function runs with (the signed credential id must match it)
     */
    public static String issue(DynamoDbClient dynamoDb, String badgesTable, String apiUrl, int n) {
        ECKey key = newKey();
        String badgeId = String.format("bdg-%024x", 0xbe7c4000L + n);
        String credentialId = apiUrl + "/badges/" + badgeId;
        String issuerId = apiUrl + "/issuers/" + ORGANIZATION;
        String issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        Map<String, Object> credential = Map.of(
                "@context", List.of("https://www.w3.org/ns/credentials/v2",
                        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"),
                "id", credentialId, "type", List.of("VerifiableCredential", "OpenBadgeCredential"),
                "issuer", Map.of("id", issuerId, "type", List.of("Profile"), "name", "Bench District"),
                "validFrom", issuedAt, "name", "Checking for Understanding with Exit Tickets",
                "credentialSubject", Map.of("type", List.of("AchievementSubject"), "achievement", Map.of(
                        "id", issuerId + "/badgeclasses/exit-tickets", "type", List.of("Achievement"),
                        "name", "Checking for Understanding with Exit Tickets",
                        "description", "Use short exit tickets to see who learned today's objective.",
                        "criteria", Map.of("narrative", "Evidence scored Proficient or above on every criterion."))));
        put(dynamoDb, badgesTable, Map.of("pk", s("ISSUER#" + ORGANIZATION), "sk", s("KEY#" + key.getKeyID()),
                "kid", s(key.getKeyID()), "jwk", s(key.toPublicJWK().toJSONString()), "createdAt", s(issuedAt)));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("BADGE#" + badgeId));
        item.put("sk", s("BADGE"));
        item.put("badgeId", s(badgeId));
        item.put("enrollmentId", s("enr-bench0000000000000001"));
        item.put("submissionId", s("enr-bench0000000000000001.1"));
        item.put("attempt", AttributeValue.fromN("1"));
        item.put("learnerKey", s("LEARNER#bench-learner"));
        item.put("learnerId", s("bench-learner"));
        item.put("learnerName", s("Maria <Delgado>"));
        item.put("learnerEmail", s("bench-learner@bench.example"));
        item.put("organizationId", s(ORGANIZATION));
        item.put("organizationName", s("Bench District"));
        item.put("microCredentialId", s("exit-tickets"));
        item.put("microCredentialVersion", AttributeValue.fromN("1"));
        item.put("title", s("Checking for Understanding with Exit Tickets"));
        item.put("issuedAt", s(issuedAt));
        item.put("validFrom", s(issuedAt));
        item.put("credentialJwt", s(sign(key, credential, credentialId, issuerId, issuedAt)));
        item.put("credential", s(Json.write(credential)));
        item.put("keyId", s(key.getKeyID()));
        item.put("achievementId", s(issuerId + "/badgeclasses/exit-tickets"));
        item.put("evidence", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("artifactId",
                s("art-bench000000000000001"), "requirementId", s("reflection"), "requirement", s("Reflection"),
                "kind", s("text"), "name", s("Reflection"))))));
        item.put("results", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("criterionId", s("alignment"),
                "criterion", s("Alignment to the objective"), "levelId", s("proficient"), "level", s("Proficient"),
                "passed", AttributeValue.fromBool(true))))));
        item.put("recipientSalt", s("0123456789abcdef"));
        item.put("recipientHash", s("sha256$" + "0".repeat(64)));
        item.put("status", s("active"));
        put(dynamoDb, badgesTable, item);
        return badgeId;
    }

    /** The public page request ({@code GET /badges/{id}}, HTML), as the HTTP API sends it. */
    public static APIGatewayV2HTTPEvent page(String badgeId) {
        return ColdStartProbe.httpEvent("GET", "/badges/{id}", "/badges/" + badgeId, badgeId, null, "-");
    }

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES256).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(ECKey key, Map<String, Object> credential, String credentialId, String issuerId,
                               String issuedAt) {
        // As the issuer signs: VC 2.0 members as claims plus iss/jti/nbf, kid = "<JWK set URL>#<thumbprint>".
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuerId).jwtID(credentialId)
                .notBeforeTime(Date.from(Instant.parse(issuedAt).truncatedTo(ChronoUnit.SECONDS)));
        credential.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(issuerId + "/keys/" + key.getKeyID())
                .type(new JOSEObjectType("vc+jwt")).build(), claims.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static void put(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> item) {
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
