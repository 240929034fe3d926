package org.microcred.badges.service;

/** The public URLs of badges and issuers (stable: they are inside signed credentials and baked images). */
public record BadgeUrls(String apiUrl) {
    public String badge(String badgeId) {
        return apiUrl + "/badges/" + badgeId;
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
        return apiUrl + "/issuers/" + organizationId;
    }

    public String jwks(String organizationId) {
        return issuer(organizationId) + "/jwks";
    }

    /** One public signing key: the JWT's {@code kid}, and the {@code kid} of that key in the JWK set. */
    public String key(String organizationId, String thumbprint) {
        return issuer(organizationId) + "/keys/" + thumbprint;
    }

    /** The learner's submitted attempt: its artifacts, written text included (review function). */
    public String submission(String submissionId) {
        return apiUrl + "/submissions/" + submissionId;
    }

    public String ob2Issuer(String organizationId) {
        return issuer(organizationId) + "/ob2";
    }

    public String badgeClass(String organizationId, String microCredentialId) {
        return issuer(organizationId) + "/badgeclasses/" + microCredentialId;
    }

    public String revocations(String organizationId) {
        return issuer(organizationId) + "/revocations";
    }

    /** The evidence function's authenticated download route; the learner (and coach) can always use it. */
    public String evidenceDownload(String enrollmentId, String artifactId) {
        return apiUrl + "/enrollments/" + enrollmentId + "/artifacts/" + artifactId + "/download";
    }
}
