package org.microcred.badges.service;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.microcred.badges.model.BadgeIds;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.records.badges.IssuerKey;
import org.microcred.records.badges.IssuerRecords;
import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.shared.domain.Malformed;
import org.microcred.shared.domain.NotFound;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.catalog.PublishedMicroCredential;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.shared.json.Json;

/** The public documents about an issuer: its profile, public keys, 2.0 profile, badge classes and revocations. */
public class Issuers {
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() { };
    /**
     * The profile is also the controller document of the embedded proofs' keys, which verifiers
     * read as JSON-LD (framed, in safe mode): the W3C Controlled Identifiers context defines
     * {@code verificationMethod}, {@code assertionMethod} and {@code Multikey}, and our own links
     * get terms of their own.
     */
    static final List<Object> PROFILE_CONTEXT = List.of("https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://www.w3.org/ns/cid/v1",
            Map.of("publicKeys", Map.of("@id", "https://microcred.org/ns#publicKeys", "@type", "@id"),
                    "revocationList", Map.of("@id", "https://microcred.org/ns#revocationList", "@type", "@id"),
                    "openBadges2Issuer", Map.of("@id", "https://microcred.org/ns#openBadges2Issuer", "@type", "@id")));
    private static final Pattern THUMBPRINT = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    /** JWK members that only a private key has; never published even if an item carried one by mistake. */
    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "k");

    private final OrganizationProfiles directory;
    private final IssuerRecords published;
    private final PublishedCatalog achievements;
    private final OpenBadges2 openBadges2;
    private final BadgeUrls urls;

    public Issuers(OrganizationProfiles directory, IssuerRecords published, PublishedCatalog achievements, OpenBadges2 openBadges2,
                   BadgeUrls urls) {
        this.directory = directory;
        this.published = published;
        this.achievements = achievements;
        this.openBadges2 = openBadges2;
        this.urls = urls;
    }

    /** The Open Badges 3.0 issuer {@code Profile}. */
    public Map<String, Object> profile(String rawOrgId) {
        String organizationId = BadgeIds.slug(rawOrgId, "an organisation id");
        OrganizationProfile organization = organization(organizationId);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", PROFILE_CONTEXT);
        profile.put("id", urls.issuer(organizationId));
        profile.put("type", List.of("Profile"));
        profile.put("name", organization.name());
        OrganizationProfile.IssuerProfile own = organization.issuer();
        // The organisation's own website, address, description and image, as it set them.
        profile.put("url", own.url() != null ? own.url() : urls.issuer(organizationId));
        putIfPresent(profile, "email", own.email());
        putIfPresent(profile, "description", own.description());
        if (own.imageUrl() != null) {
            profile.put("image", Map.of("id", own.imageUrl(), "type", "Image"));
        }
        profile.put("publicKeys", urls.jwks(organizationId));
        // The embedded Data Integrity proofs name "<this profile>#<multikey>" as verification method;
        // listing it under assertionMethod is what authorises it to assert credentials.
        List<String> multikeys = published.multikeys(organizationId);
        profile.put("verificationMethod", multikeys.stream().map(multikey -> Map.of(
                "id", urls.issuer(organizationId) + "#" + multikey, "type", "Multikey",
                "controller", urls.issuer(organizationId), "publicKeyMultibase", multikey)).toList());
        profile.put("assertionMethod", multikeys.stream().map(multikey -> urls.issuer(organizationId) + "#" + multikey)
                .toList());
        profile.put("revocationList", urls.revocations(organizationId));
        profile.put("openBadges2Issuer", urls.ob2Issuer(organizationId));
        return profile;
    }

    /** The JWK set; each key's {@code kid} is its own URL, as the JWTs' headers name it. */
    public Map<String, Object> jwks(String rawOrgId) {
        String organizationId = BadgeIds.slug(rawOrgId, "an organisation id");
        name(organizationId);
        List<Map<String, Object>> keys = new ArrayList<>();
        for (IssuerKey key : published.keys(organizationId)) {
            keys.add(publicJwk(organizationId, key));
        }
        return Map.of("keys", keys);
    }

    /** One public key, what a JWT's {@code kid} URL answers (the 1EdTech validator reads one JWK there). */
    public Map<String, Object> key(String rawOrgId, String rawThumbprint) {
        String organizationId = BadgeIds.slug(rawOrgId, "an organisation id");
        if (!THUMBPRINT.matcher(rawThumbprint).matches()) {
            throw new Malformed("'" + (rawThumbprint.length() > 40 ? rawThumbprint.substring(0, 40) + "..."
                    : rawThumbprint) + "' is not a key id: key ids are RFC 7638 thumbprints (base64url).");
        }
        return published.key(organizationId, rawThumbprint).map(key -> publicJwk(organizationId, key))
                .orElseThrow(() -> new NotFound("The issuer " + organizationId + " has no key " + rawThumbprint
                        + "."));
    }

    /** The stored JWK, private members dropped even if an item carried one by mistake, its kid the key's URL. */
    private Map<String, Object> publicJwk(String organizationId, IssuerKey key) {
        Map<String, Object> jwk = parse(key.jwk());
        PRIVATE_MEMBERS.forEach(jwk::remove);
        jwk.put("kid", urls.key(organizationId, key.kid()));
        return jwk;
    }

    public Map<String, Object> openBadges2Issuer(String rawOrgId) {
        String organizationId = BadgeIds.slug(rawOrgId, "an organisation id");
        return openBadges2.issuer(organizationId, organization(organizationId));
    }

    public Map<String, Object> badgeClass(String rawOrgId, String rawMicroCredentialId) {
        String organizationId = BadgeIds.slug(rawOrgId, "an organisation id");
        String microCredentialId = BadgeIds.slug(rawMicroCredentialId, "a micro-credential id");
        PublishedMicroCredential published = achievements.latest(microCredentialId)
                .filter(found -> organizationId.equals(found.organizationId()))
                .orElseThrow(() -> new NotFound("The issuer " + organizationId
                        + " has no published micro-credential " + microCredentialId + "."));
        return openBadges2.badgeClass(published, organizationId);
    }

    public Map<String, Object> revocations(String rawOrgId) {
        String organizationId = BadgeIds.slug(rawOrgId, "an organisation id");
        name(organizationId);
        return openBadges2.revocationList(organizationId, published.revocations(organizationId));
    }

    private String name(String organizationId) {
        return organization(organizationId).name();
    }

    private OrganizationProfile organization(String organizationId) {
        return directory.find(organizationId).orElseThrow(() ->
                new NotFound("There is no issuer " + organizationId + "."));
    }

    private static void putIfPresent(Map<String, Object> document, String name, String value) {
        if (value != null) {
            document.put(name, value);
        }
    }

    private static Map<String, Object> parse(String jwk) {
        try {
            return Json.mapper().readValue(jwk, OBJECT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("A stored issuer key is not JSON", e);
        }
    }
}
