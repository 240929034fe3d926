package org.microcred.badgeissuer.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.microcred.badgeissuer.model.Award;
import org.microcred.badgeissuer.model.AwardSources;
import org.microcred.badgeissuer.model.Badge;
import org.microcred.badgeissuer.model.Enrollment;
import org.microcred.badgeissuer.model.MicroCredential;
import org.microcred.badgeissuer.signing.CredentialSigner;
import org.microcred.badgeissuer.signing.VcJwt;
import org.microcred.badgeissuer.store.AwardStore;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.records.badges.IssuerKey;
import org.microcred.shared.json.Json;

/**
 * Issues the badge for one mastery award, exactly once per enrolment: reads what it is built
 * from, builds and signs the credential, makes sure the issuer's keys are stored, then writes
 * badge and email in one conditional transaction. An award whose badge exists is done without
 * signing again.
 */
public class BadgeIssuance {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int ATTEMPTS_ON_CONFLICT = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AwardStore awards;
    private final BadgeRecords badges;
    private final CredentialSigner signer;
    private final BadgeUrls urls;
    private final OpenBadgeCredential credentials;
    private final BadgeEmails emails;
    private final EmbeddedProofs proofs;
    private final Clock clock;

    public BadgeIssuance(AwardStore awards, BadgeRecords badges, CredentialSigner signer, EmbeddedProofs proofs,
                         BadgeUrls urls, Clock clock) {
        this.awards = awards;
        this.badges = badges;
        this.signer = signer;
        this.proofs = proofs;
        this.urls = urls;
        this.credentials = new OpenBadgeCredential(urls);
        this.emails = new BadgeEmails(urls);
        this.clock = clock;
    }

    /** How an award ended. */
    public enum Outcome { ISSUED, ALREADY_ISSUED }

    /**
     * @throws AwardIncompleteException if the enrolment or its published version cannot be found
     *         (reported for retry and, after the retries, the dead-letter queue: never dropped)
     */
    public Outcome issue(Award award) {
        String badgeId = BadgeIds.forEnrollment(award.enrollmentId());
        if (badges.exists(badgeId)) {
            return Outcome.ALREADY_ISSUED;
        }
        AwardSources sources = sources(award);
        for (int attempt = 1; ; attempt++) {
            Badge badge = build(badgeId, sources);
            switch (badges.issue(badge.stored(), signingKey(badge), emails.issued(badge, badge.issuedAt()))) {
                case ISSUED:
                    return Outcome.ISSUED;
                case ALREADY_ISSUED:
                    return Outcome.ALREADY_ISSUED;
                default:
                    // Another delivery of the same award is mid-transaction; its outcome decides ours.
                    if (badges.exists(badgeId)) {
                        return Outcome.ALREADY_ISSUED;
                    }
                    if (attempt == ATTEMPTS_ON_CONFLICT) {
                        throw new IllegalStateException("Badge " + badgeId + " kept conflicting with another write");
                    }
                    pause(attempt);
            }
        }
    }

    private AwardSources sources(Award award) {
        Enrollment enrollment = awards.enrollment(award.enrollmentId()).orElseThrow(() ->
                new AwardIncompleteException("Enrolment " + award.enrollmentId() + " of a mastery decision not found"));
        MicroCredential microCredential = awards.microCredential(enrollment.microCredentialId(),
                enrollment.microCredentialVersion()).orElseThrow(() -> new AwardIncompleteException(
                "Published version " + enrollment.microCredentialVersion() + " of " + enrollment.microCredentialId()
                        + " not found"));
        return new AwardSources(award, enrollment, microCredential,
                awards.issuer(enrollment.organizationId(), enrollment.organizationName()),
                awards.artifacts(award.enrollmentId(), award.attempt()));
    }

    Badge build(String badgeId, AwardSources sources) {
        Instant now = clock.instant();
        String issuedAt = TIMESTAMP.format(now);
        String salt = salt();
        var evidence = AwardDetails.evidence(sources.microCredential(), sources.artifacts());
        var results = AwardDetails.results(sources.microCredential(), sources.award());
        Map<String, Object> credential = credentials.build(badgeId, sources, evidence, results, issuedAt, salt);
        String keyId = signer.publicKey().thumbprint();
        String jwt = VcJwt.sign(header(sources, keyId), payload(credential, sources, now), signer);
        String credentialJson = Json.write(credential);
        String withProof = proofs.sign(credentialJson, sources.issuer().organizationId(), now);
        MicroCredential mc = sources.microCredential();
        return new Badge(badgeId, sources, issuedAt, issuedAt, null, jwt, credentialJson, keyId,
                urls.achievement(mc.id(), mc.version()), evidence, results, salt,
                BadgeIds.recipientHash(sources.enrollment().learnerEmail(), salt), withProof, proofs.key().multibase());
    }

    /** The public key that signed the badge, as the issuer publishes it (the same on every issuance). */
    private IssuerKey signingKey(Badge badge) {
        var key = signer.publicKey();
        return new IssuerKey(key.thumbprint(), Json.write(key.members()), badge.issuedAt());
    }

    /** The kid is an absolute URL that answers the one signing key (its last segment is the thumbprint). */
    private Map<String, Object> header(AwardSources sources, String keyId) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", CredentialSigner.ALGORITHM);
        header.put("typ", "vc+jwt");
        header.put("kid", urls.key(sources.issuer().organizationId(), keyId));
        return header;
    }

    /**
     * VC 2.0 as a JWT: the credential's members are the claims set, plus the registered claims
     * OB 3.0 maps from it (iss = issuer.id, jti = id, sub = credentialSubject.id, nbf = validFrom;
     * exp would be validUntil, which these badges do not set).
     */
    private static Map<String, Object> payload(Map<String, Object> credential, AwardSources sources, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>(credential);
        @SuppressWarnings("unchecked")
        Map<String, Object> issuer = (Map<String, Object>) credential.get("issuer");
        payload.put("iss", issuer.get("id"));
        payload.put("jti", credential.get("id"));
        payload.put("sub", OpenBadgeCredential.subjectId(sources.enrollment().learnerId()));
        payload.put("nbf", now.getEpochSecond());
        return payload;
    }

    private static String salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt + RANDOM.nextInt(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a conflicting badge write", e);
        }
    }
}
