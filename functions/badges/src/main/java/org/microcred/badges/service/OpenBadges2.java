package org.microcred.badges.service;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.microcred.badges.image.BadgeImages;
import org.microcred.records.badges.Badge;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.records.badges.Revocation;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.PublishedMicroCredential;
import org.microcred.records.organizations.OrganizationProfile;

/**
 * The Open Badges 2.0 hosted documents for consumers that only speak 2.0: Assertion, BadgeClass,
 * Issuer and RevocationList JSON-LD at stable URLs. The recipient is only ever the salted hash.
 */
public class OpenBadges2 {
    public static final String CONTEXT = "https://w3id.org/openbadges/v2";

    private final BadgeUrls urls;

    public OpenBadges2(BadgeUrls urls) {
        this.urls = urls;
    }

    public Map<String, Object> assertion(Badge badge) {
        Map<String, Object> assertion = new LinkedHashMap<>();
        assertion.put("@context", CONTEXT);
        assertion.put("type", "Assertion");
        assertion.put("id", urls.assertion(badge.badgeId()));
        assertion.put("recipient", Map.of("type", "email", "hashed", true, "salt", badge.recipientSalt(),
                "identity", badge.recipientHash()));
        assertion.put("badge", urls.badgeClass(badge.organizationId(), badge.microCredentialId()));
        assertion.put("verification", Map.of("type", "hosted"));
        assertion.put("issuedOn", badge.issuedAt());
        if (badge.validUntil() != null) {
            assertion.put("expires", badge.validUntil());
        }
        assertion.put("image", urls.png(badge.badgeId()) + "?ob=2");
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (Badge.EvidenceRef ref : badge.evidence()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", "Evidence");
            entry.put("name", ref.name());
            entry.put("narrative", "Submitted as " + ref.kind() + " evidence for \"" + ref.requirement()
                    + "\" and reviewed by a coach. The evidence itself is private to the learner and the coach.");
            evidence.add(entry);
        }
        if (!evidence.isEmpty()) {
            assertion.put("evidence", evidence);
        }
        assertion.put("narrative", "Verified live at " + urls.badge(badge.badgeId()));
        return assertion;
    }

    /** The body of the 410 Gone a revoked hosted assertion answers with. */
    public Map<String, Object> revokedAssertion(Badge badge) {
        Map<String, Object> gone = new LinkedHashMap<>();
        gone.put("@context", CONTEXT);
        gone.put("id", urls.assertion(badge.badgeId()));
        gone.put("revoked", true);
        gone.put("revocationReason", badge.revocationReason());
        return gone;
    }

    public Map<String, Object> badgeClass(PublishedMicroCredential published, String organizationId) {
        MicroCredentialDocument document = published.document();
        Map<String, Object> badgeClass = new LinkedHashMap<>();
        badgeClass.put("@context", CONTEXT);
        badgeClass.put("type", "BadgeClass");
        badgeClass.put("id", urls.badgeClass(organizationId, published.id()));
        badgeClass.put("name", Objects.requireNonNullElse(document.title(), ""));
        String description = Objects.requireNonNullElse(document.summary(), "");
        if (description.isBlank()) {
            description = document.competencies().isEmpty() ? "" : document.competencies().get(0);
        }
        badgeClass.put("description", description);
        badgeClass.put("image", "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(BadgeImages.plainPng(published.id())));
        badgeClass.put("criteria", Map.of("narrative", Criteria.fromDocument(document)));
        badgeClass.put("issuer", urls.ob2Issuer(organizationId));
        String collection = Objects.requireNonNullElse(document.collection(), "");
        if (!collection.isBlank()) {
            badgeClass.put("tags", List.of(collection));
        }
        return badgeClass;
    }

    public Map<String, Object> issuer(String organizationId, OrganizationProfile organization) {
        OrganizationProfile.IssuerProfile own = organization.issuer();
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("@context", CONTEXT);
        issuer.put("type", "Issuer");
        issuer.put("id", urls.ob2Issuer(organizationId));
        issuer.put("name", organization.name());
        issuer.put("url", own.url() != null ? own.url() : urls.issuer(organizationId));
        if (own.email() != null) {
            issuer.put("email", own.email());
        }
        if (own.description() != null) {
            issuer.put("description", own.description());
        }
        if (own.imageUrl() != null) {
            issuer.put("image", own.imageUrl());
        }
        issuer.put("revocationList", urls.revocations(organizationId));
        return issuer;
    }

    /**
     * One document for both generations: the 2.0 {@code RevocationList} ({@code revokedAssertions})
     * and the 1EdTech Revocation List that 3.0 credentials point at ({@code revokedCredentials}).
     */
    public Map<String, Object> revocationList(String organizationId, List<Revocation> revocations) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", CONTEXT);
        list.put("type", "RevocationList");
        list.put("id", urls.revocations(organizationId));
        list.put("issuer", urls.issuer(organizationId));
        List<Map<String, Object>> assertions = new ArrayList<>();
        List<Map<String, Object>> credentials = new ArrayList<>();
        for (Revocation revocation : revocations) {
            assertions.add(entry(urls.assertion(revocation.badgeId()), revocation));
            credentials.add(entry(urls.badge(revocation.badgeId()), revocation));
        }
        list.put("revokedAssertions", assertions);
        list.put("revokedCredentials", credentials);
        return list;
    }

    private static Map<String, Object> entry(String id, Revocation revocation) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("revocationReason", revocation.reason());
        entry.put("revokedAt", revocation.revokedAt());
        return entry;
    }
}
