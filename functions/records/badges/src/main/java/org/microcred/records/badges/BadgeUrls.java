package org.microcred.records.badges;

/**
 * The public addresses of badges and issuers, all under the API's base URL. The badge issuer
 * writes them into signed credentials and baked images, the badge function serves and checks
 * them (a VC-JWT's {@code kid}, the proof's verification method), so both build them here:
 * they are part of every issued badge and must never drift apart.
 */
public final class BadgeUrls {
    private final String base;

    public BadgeUrls(String apiUrl) {
        this.base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    public String badge(String badgeId) {
        return base + "/badges/" + badgeId;
    }

    public String verify(String badgeId) {
        return badge(badgeId) + "/verify";
    }

    public String credential(String badgeId) {
        return badge(badgeId) + "/credential";
    }

    public String png(String badgeId) {
        return badge(badgeId) + "/image.png";
    }

    public String svg(String badgeId) {
        return badge(badgeId) + "/image.svg";
    }

    public String assertion(String badgeId) {
        return badge(badgeId) + "/assertion";
    }

    public String issuer(String organizationId) {
        return base + "/issuers/" + organizationId;
    }

    public String jwks(String organizationId) {
        return issuer(organizationId) + "/jwks";
    }

    /**
     * The {@code kid} header: a URL that answers this one public JWK (whose {@code kid} is the same
     * URL, also in the JWK set). Badges issued before issue 13 name {@code <JWK set>#<thumbprint>}.
     */
    public String key(String organizationId, String thumbprint) {
        return issuer(organizationId) + "/keys/" + thumbprint;
    }

    /** The Data Integrity proof's verification method: the issuer profile, fragment = the Multikey. */
    public String verificationMethod(String organizationId, String publicKeyMultibase) {
        return issuer(organizationId) + "#" + publicKeyMultibase;
    }

    /** A badge's entry in its issuer's revocation list (the credential's {@code credentialStatus}). */
    public String revocation(String organizationId, String badgeId) {
        return revocations(organizationId) + "#" + badgeId;
    }

    public String revocations(String organizationId) {
        return issuer(organizationId) + "/revocations";
    }

    public String ob2Issuer(String organizationId) {
        return issuer(organizationId) + "/ob2";
    }

    public String badgeClass(String organizationId, String microCredentialId) {
        return issuer(organizationId) + "/badgeclasses/" + microCredentialId;
    }

    /** The achievement a credential names: the exact published version of the micro-credential. */
    public String achievement(String microCredentialId, int version) {
        return base + "/microcredentials/" + microCredentialId + "?version=" + version;
    }

    /** The learner's submitted attempt: its artifacts, written text included (review function). */
    public String submission(String submissionId) {
        return base + "/submissions/" + submissionId;
    }

    /** The evidence function's authenticated download route; the learner (and coach) can always use it. */
    public String evidenceDownload(String enrollmentId, String artifactId) {
        return base + "/enrollments/" + enrollmentId + "/artifacts/" + artifactId + "/download";
    }
}
