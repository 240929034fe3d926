package org.microcred.badges.support;

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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.microcred.badges.BadgeHandler;
import org.microcred.emulators.junit.TestStack;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes what the badge issuer writes (badge items signed as ES256 VC-JWTs, the issuer's public
 * key items; the BadgesTable contract in docs/data-model.md) plus the organisation profiles and
 * the published micro-credential the badge function reads, and runs the real handler on them.
 */
public final class BadgeFixture {
    public static final String ORGANIZATION = "org-riverbend";
    public static final String ORGANIZATION_NAME = "Riverbend Unified School District";
    public static final String OTHER_ORGANIZATION = "org-lakeshore";
    public static final String MICRO_CREDENTIAL = "exit-tickets";
    public static final String TITLE = "Checking for Understanding with Exit Tickets";
    private static final SecureRandom RANDOM = new SecureRandom();

    public final TestStack stack;
    public final FunctionEnvironment environment;
    public final String apiUrl;
    public final ECKey signingKey;

    public BadgeFixture(TestStack stack) {
        this.stack = stack;
        this.environment = stack.environment("BadgeFunction");
        String url = environment.required("API_URL");
        this.apiUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.signingKey = newKey();
        organization(ORGANIZATION, ORGANIZATION_NAME);
        organization(OTHER_ORGANIZATION, "Lakeshore Virtual School");
        publishKey(ORGANIZATION, signingKey);
        put("CatalogTable", Map.of("pk", s("MC#" + MICRO_CREDENTIAL), "sk", s("CARD"), "version", n("1"),
                "title", s(TITLE), "status", s("published")));
        put("CatalogTable", Map.of("pk", s("MC#" + MICRO_CREDENTIAL), "sk", s("V#000001"), "id", s(MICRO_CREDENTIAL),
                "organizationId", s(ORGANIZATION), "version", n("1"), "publishedAt", s("2026-01-01T00:00:00.000Z"),
                "document", s(resource("fixtures/exit-tickets.json"))));
    }

    /** A fresh handler, as another Lambda container would be. */
    public BadgeHandler handler() {
        return new BadgeHandler(environment);
    }

    public static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES256).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public void publishKey(String organizationId, ECKey key) {
        put("BadgesTable", Map.of("pk", s("ISSUER#" + organizationId), "sk", s("KEY#" + key.getKeyID()),
                "kid", s(key.getKeyID()), "jwk", s(key.toPublicJWK().toJSONString()),
                "createdAt", s("2026-01-01T00:00:00.000Z")));
    }

    /** What a badge is issued for; tests change what they are about. */
    /**
     * What a badge is issued for; tests change what they are about. {@code kid} is the JWT header's
     * key reference: by default the issuer's form, the key's own URL {@code <issuer>/keys/<thumbprint>}.
     * {@code vc11Mapping} signs the VC 1.1 JWT mapping (credential under a {@code vc} claim) instead of VC 2.0.
     */
    public record Spec(Who learner, String learnerName, String issuedAt, String validUntil, ECKey key, String kid,
                       boolean vc11Mapping, String organizationId, String organizationName) {
        public Spec learnerName(String name) {
            return new Spec(learner, name, issuedAt, validUntil, key, kid, vc11Mapping, organizationId, organizationName);
        }

        public Spec issuedAt(String at) {
            return new Spec(learner, learnerName, at, validUntil, key, kid, vc11Mapping, organizationId, organizationName);
        }

        public Spec validUntil(String until) {
            return new Spec(learner, learnerName, issuedAt, until, key, kid, vc11Mapping, organizationId, organizationName);
        }

        public Spec issuerName(String name) {
            return new Spec(learner, learnerName, issuedAt, validUntil, key, kid, vc11Mapping, organizationId, name);
        }

        /** Signed with another key, named the issuer's way (the key's URL under this issuer). */
        public Spec signedWith(ECKey other) {
            String keysUrl = kid.contains("/keys/") ? kid.substring(0, kid.lastIndexOf('/') + 1) : "";
            return new Spec(learner, learnerName, issuedAt, validUntil, other, keysUrl + other.getKeyID(), vc11Mapping,
                    organizationId, organizationName);
        }

        public Spec kid(String reference) {
            return new Spec(learner, learnerName, issuedAt, validUntil, key, reference, vc11Mapping, organizationId,
                    organizationName);
        }

        /** The VC 1.1 JWT mapping with a bare thumbprint as kid. */
        public Spec asVc11() {
            return new Spec(learner, learnerName, issuedAt, validUntil, key, key.getKeyID(), true, organizationId,
                    organizationName);
        }
    }

    public Spec badgeFor(Who learner) {
        return new Spec(learner, learner.name(), Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), null,
                signingKey, apiUrl + "/issuers/" + ORGANIZATION + "/keys/" + signingKey.getKeyID(), false,
                ORGANIZATION, ORGANIZATION_NAME);
    }

    /** Issues a badge as the issuer would: signs the credential and writes the badge item. */
    public String issue(Spec spec) {
        String badgeId = "bdg-" + HexFormat.of().formatHex(randomBytes(12));
        String credentialId = apiUrl + "/badges/" + badgeId;
        String issuerId = apiUrl + "/issuers/" + spec.organizationId();
        String salt = HexFormat.of().formatHex(randomBytes(16));
        String hash = "sha256$" + sha256(spec.learner().email().toLowerCase(Locale.ROOT) + salt);
        Map<String, Object> credential = credential(spec, credentialId, issuerId, salt, hash);
        String jwt = sign(spec, credential, credentialId, issuerId);

        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("BADGE#" + badgeId));
        item.put("sk", s("BADGE"));
        item.put("badgeId", s(badgeId));
        item.put("enrollmentId", s("enr-" + badgeId.substring(4, 24)));
        item.put("submissionId", s("enr-" + badgeId.substring(4, 24) + ".1"));
        item.put("attempt", n("1"));
        item.put("learnerKey", s("LEARNER#" + spec.learner().userId()));
        item.put("learnerId", s(spec.learner().userId()));
        item.put("learnerName", s(spec.learnerName()));
        item.put("learnerEmail", s(spec.learner().email()));
        item.put("organizationId", s(spec.organizationId()));
        item.put("organizationName", s(spec.organizationName()));
        item.put("microCredentialId", s(MICRO_CREDENTIAL));
        item.put("microCredentialVersion", n("1"));
        item.put("title", s(TITLE));
        item.put("issuedAt", s(spec.issuedAt()));
        item.put("validFrom", s(spec.issuedAt()));
        if (spec.validUntil() != null) {
            item.put("validUntil", s(spec.validUntil()));
        }
        item.put("credentialJwt", s(jwt));
        item.put("credential", s(Json.write(credential)));
        item.put("keyId", s(spec.key().getKeyID()));
        item.put("achievementId", s(apiUrl + "/issuers/" + spec.organizationId() + "/badgeclasses/" + MICRO_CREDENTIAL));
        item.put("evidence", AttributeValue.fromL(List.of(
                AttributeValue.fromM(Map.of("artifactId", s("art-00000000000000000001"), "requirementId", s("reflection"),
                        "requirement", s("Reflection on <b>exit</b> tickets"), "kind", s("text"),
                        "name", s("Reflection on <b>exit</b> tickets"))),
                AttributeValue.fromM(Map.of("artifactId", s("art-00000000000000000002"), "requirementId", s("materials"),
                        "requirement", s("Materials"), "kind", s("link"), "name", s("Materials"),
                        "url", s("https://drive.example/private/lesson-materials"))),
                AttributeValue.fromM(Map.of("artifactId", s("art-00000000000000000003"), "requirementId", s("plan"),
                        "requirement", s("Lesson plan and exit ticket"), "kind", s("file"),
                        "name", s("Lesson plan and exit ticket"), "fileName", s("plan-period-3.pdf"))))));
        item.put("results", AttributeValue.fromL(List.of(
                AttributeValue.fromM(Map.of("criterionId", s("alignment"), "criterion", s("Alignment to the objective"),
                        "levelId", s("exemplary"), "level", s("Exemplary"), "passed", AttributeValue.fromBool(true))),
                AttributeValue.fromM(Map.of("criterionId", s("decision"), "criterion", s("Instructional decision"),
                        "levelId", s("proficient"), "level", s("Proficient"), "passed", AttributeValue.fromBool(true))))));
        item.put("creditHours", n("10"));
        item.put("recipientSalt", s(salt));
        item.put("recipientHash", s(hash));
        item.put("status", s("active"));
        put("BadgesTable", item);
        return badgeId;
    }

    private static Map<String, Object> credential(Spec spec, String credentialId, String issuerId, String salt,
                                                  String hash) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", issuerId + "/badgeclasses/" + MICRO_CREDENTIAL);
        achievement.put("type", List.of("Achievement"));
        achievement.put("name", TITLE);
        achievement.put("description", "Use short exit tickets to see who learned today's objective.");
        achievement.put("criteria", Map.of("narrative", "Evidence scored Proficient or above on every rubric criterion."));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(Map.of("type", "IdentityObject", "identityType", "emailAddress",
                "hashed", true, "salt", salt, "identityHash", hash)));
        subject.put("achievement", achievement);
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"));
        credential.put("id", credentialId);
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("issuer", Map.of("id", issuerId, "type", List.of("Profile"), "name", spec.organizationName()));
        credential.put("validFrom", spec.issuedAt());
        if (spec.validUntil() != null) {
            credential.put("validUntil", spec.validUntil());
        }
        credential.put("name", TITLE);
        credential.put("credentialSubject", subject);
        credential.put("credentialStatus", Map.of("id", issuerId + "/revocations#" + credentialId.substring(
                credentialId.lastIndexOf('/') + 1), "type", "1EdTechRevocationList"));
        return credential;
    }

    /** Signs as the badge issuer does: ES256, typ vc+jwt, the credential's members plus iss, jti, sub, nbf (and exp). */
    private static String sign(Spec spec, Map<String, Object> credential, String credentialId, String issuerId) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuerId).jwtID(credentialId)
                .subject("urn:uuid:" + java.util.UUID.nameUUIDFromBytes(spec.learner().userId().getBytes(
                        StandardCharsets.UTF_8)))
                .notBeforeTime(Date.from(Instant.parse(spec.issuedAt()).truncatedTo(ChronoUnit.SECONDS)));
        if (spec.vc11Mapping()) {
            claims.claim("vc", credential);
        } else {
            credential.forEach(claims::claim);
        }
        if (spec.validUntil() != null) {
            claims.expirationTime(Date.from(Instant.parse(spec.validUntil())));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(spec.kid())
                .type(spec.vc11Mapping() ? JOSEObjectType.JWT : new JOSEObjectType("vc+jwt")).build(), claims.build());
        try {
            jwt.sign(new ECDSASigner(spec.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public void organization(String organizationId, String name) {
        put("OrganizationsTable", Map.of("pk", s("ORG#" + organizationId), "sk", s("PROFILE"),
                "organizationId", s(organizationId), "name", s(name), "eligibility", s("members")));
    }

    /**
     * Adds the issuer's second proof to a badge: the stored credential with an embedded
     * eddsa-rdfc-2022 proof by the Ed25519 key of {@code seedHex}, published as a Multikey if asked.
     */
    public void embedProof(String badgeId, String seedHex, boolean publishKey) {
        embedProof(badgeId, seedHex, publishKey, false);
    }

    /**
     * {@code beforeIssue13}: as the issuer made proofs before issue 13, over a credential without
     * the OB extensions context and with our earlier copy of the VC 2.0 context.
     */
    public void embedProof(String badgeId, String seedHex, boolean publishKey, boolean beforeIssue13) {
        byte[] seed = HexFormat.of().parseHex(seedHex);
        String multikey = org.microcred.dataintegrity.Ed25519Keys.publicKeyMultibase(
                org.microcred.dataintegrity.Ed25519Keys.publicKeyOf(seed));
        Map<String, AttributeValue> item = badgeItem(badgeId);
        String organizationId = item.get("organizationId").s();
        jakarta.json.JsonObject credential;
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(
                new java.io.StringReader(item.get("credential").s()))) {
            credential = reader.readObject();
        }
        if (beforeIssue13) {
            credential = jakarta.json.Json.createObjectBuilder(credential).add("@context", jakarta.json.Json
                    .createArrayBuilder().add("https://www.w3.org/ns/credentials/v2")
                    .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")).build();
            setAttribute(badgeId, "credential", credential.toString());
        }
        var suite = beforeIssue13 ? new org.microcred.dataintegrity.EddsaRdfc2022(
                org.microcred.dataintegrity.RdfCanonicalizer.beforeIssue13()) : new org.microcred.dataintegrity.EddsaRdfc2022();
        jakarta.json.JsonObject secured = suite.sign(credential,
                new org.microcred.dataintegrity.ProofOptions(Instant.now(), apiUrl + "/issuers/" + organizationId
                        + "#" + multikey), new org.microcred.dataintegrity.LocalEd25519Signer(seed));
        setAttribute(badgeId, "credentialWithProof", secured.toString());
        if (publishKey) {
            put("BadgesTable", Map.of("pk", s("ISSUER#" + organizationId), "sk", s("MULTIKEY#" + multikey),
                    "publicKeyMultibase", s(multikey), "createdAt", s(Instant.now().toString())));
        }
    }

    /**
     * Rewrites a badge's evidence as the issuer wrote it before issue 13: the file's name and the
     * link itself as names (in the item and the stored credential, whose entries carried the
     * requirement's title as {@code description}).
     */
    public void legacyEvidence(String badgeId) {
        Map<String, AttributeValue> item = new HashMap<>(badgeItem(badgeId));
        item.put("evidence", AttributeValue.fromL(List.of(
                AttributeValue.fromM(Map.of("artifactId", s("art-00000000000000000003"), "requirementId", s("plan"),
                        "kind", s("file"), "name", s("plan-period-3.pdf"))),
                AttributeValue.fromM(Map.of("artifactId", s("art-00000000000000000002"), "requirementId", s("materials"),
                        "kind", s("link"), "name", s("https://drive.example/private/lesson-materials"))),
                AttributeValue.fromM(Map.of("artifactId", s("art-00000000000000000001"), "requirementId", s("reflection"),
                        "kind", s("text"), "name", s("Written response: Reflection"))))));
        @SuppressWarnings("unchecked")
        Map<String, Object> credential = Json.read(item.get("credential").s(), LinkedHashMap.class);
        credential.put("evidence", List.of(
                Map.of("type", List.of("Evidence"), "name", "plan-period-3.pdf", "description",
                        "Lesson plan and exit ticket", "genre", "File"),
                Map.of("type", List.of("Evidence"), "name", "https://drive.example/private/lesson-materials",
                        "description", "Materials", "genre", "Link"),
                Map.of("type", List.of("Evidence"), "name", "Written response: Reflection", "description", "Reflection",
                        "genre", "Written response")));
        item.put("credential", s(Json.write(credential)));
        put("BadgesTable", item);
    }

    /** Leaves the credential only with its embedded proof, as the issuer writes badges since issue 16. */
    public void keepCredentialOnlyWithProof(String badgeId) {
        Map<String, AttributeValue> item = new HashMap<>(badgeItem(badgeId));
        item.remove("credential");
        put("BadgesTable", item);
    }

    public Map<String, AttributeValue> badgeItem(String badgeId) {
        return stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("BadgesTable")).key(Map.of(
                "pk", s("BADGE#" + badgeId), "sk", s("BADGE"))).consistentRead(true)).item();
    }

    /** Overwrites one string attribute of a badge item (to tamper with it as an attacker with table access would). */
    public void setAttribute(String badgeId, String name, String value) {
        Map<String, AttributeValue> item = new HashMap<>(badgeItem(badgeId));
        item.put(name, s(value));
        put("BadgesTable", item);
    }

    /** The outbox email with this message id, or null when none was written. */
    public Map<String, AttributeValue> outbox(String messageId) {
        var item = stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("LearningTable")).key(Map.of(
                "pk", s("OUTBOX#" + messageId), "sk", s("EMAIL"))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    public String credentialJwt(String badgeId) {
        return badgeItem(badgeId).get("credentialJwt").s();
    }

    public String email(String badgeId) {
        return badgeItem(badgeId).get("learnerEmail").s();
    }

    public void put(String table, Map<String, AttributeValue> item) {
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName(table)).item(item));
    }




    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    public static String resource(String name) {
        try (InputStream in = BadgeFixture.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
