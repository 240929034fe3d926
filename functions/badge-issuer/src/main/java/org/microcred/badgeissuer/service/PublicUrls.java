package org.microcred.badgeissuer.service;

/**
 * The public addresses a credential names, all under the API's base URL. BadgeFunction serves
 * them (the badge page, the issuer profile and JWK set, the revocation list, the image).
 */
public final class PublicUrls {
    private final String base;

    public PublicUrls(String apiUrl) {
        this.base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    public String badge(String badgeId) {
        return base + "/badges/" + badgeId;
    }

    public String badgeImage(String badgeId) {
        return badge(badgeId) + "/image.png";
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
    public String key(String organizationId, String keyId) {
        return issuer(organizationId) + "/keys/" + keyId;
    }

    /** The Data Integrity proof's verification method: the issuer profile, fragment = the Multikey. */
    public String verificationMethod(String organizationId, String publicKeyMultibase) {
        return issuer(organizationId) + "#" + publicKeyMultibase;
    }

    public String revocation(String organizationId, String badgeId) {
        return issuer(organizationId) + "/revocations#" + badgeId;
    }

    public String achievement(String microCredentialId, int version) {
        return base + "/microcredentials/" + microCredentialId + "?version=" + version;
    }
}
