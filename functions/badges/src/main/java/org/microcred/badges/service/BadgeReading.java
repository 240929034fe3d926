package org.microcred.badges.service;

import org.microcred.records.badges.Badge;
import org.microcred.badges.model.BadgeIds;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.shared.domain.NotFound;

/** Finds a badge by the id in a URL, and turns it into what the public may see. */
public class BadgeReading {
    private final BadgeRecords badges;
    private final Verifier verifier;
    private final EmbeddedProofCheck embeddedProof;
    private final BadgeUrls urls;

    public BadgeReading(BadgeRecords badges, Verifier verifier, EmbeddedProofCheck embeddedProof, BadgeUrls urls) {
        this.badges = badges;
        this.verifier = verifier;
        this.embeddedProof = embeddedProof;
        this.urls = urls;
    }

    /** The badge, or 400 for a malformed id and 404 for an unknown one. */
    public Badge find(String rawId) {
        String id = BadgeIds.badge(rawId);
        // Strongly consistent: a revocation must show on every public view at once.
        return badges.find(id, true).orElseThrow(() -> new NotFound("There is no badge " + id + "."));
    }

    /**
     * Every check, the embedded Data Integrity proof included: the one set that {@code /verify}
     * returns and the page shows.
     */
    public Verification verify(Badge badge) {
        Verification jwt = verifier.verify(badge);
        return embeddedProof.check(badge).map(proof -> {
            java.util.List<Verification.Check> checks = new java.util.ArrayList<>(jwt.checks());
            checks.add(proof);
            return new Verification(jwt.badgeId(), jwt.credentialId(), checks, jwt.valid() && proof.passed(),
                    jwt.checkedAt());
        }).orElse(jwt);
    }

    public PublicBadge view(Badge badge) {
        String id = badge.badgeId();
        var achievement = Criteria.achievement(badge);
        String criteria = Criteria.fromCredential(achievement);
        return new PublicBadge(id, urls.badge(id), badge.title(), Criteria.descriptionFromCredential(achievement),
                new PublicBadge.Earner(badge.learnerName()),
                new PublicBadge.Issuer(urls.issuer(badge.organizationId()), badge.organizationName()),
                badge.issuedAt(), badge.validFrom(), badge.validUntil(), badge.status(), badge.revokedAt(),
                badge.revocationReason(), criteria,
                badge.results().stream().map(r -> new PublicBadge.Result(r.criterion(), r.level(), r.passed())).toList(),
                badge.evidence().stream().map(Badge.EvidenceRef::name).toList(), badge.creditHours(),
                verify(badge), links(id));
    }

    public PublicBadge.Links links(String id) {
        return new PublicBadge.Links(urls.badge(id), urls.verify(id), urls.credential(id), urls.png(id), urls.svg(id),
                urls.assertion(id), urls.png(id) + "?ob=2", urls.svg(id) + "?ob=2");
    }
}
