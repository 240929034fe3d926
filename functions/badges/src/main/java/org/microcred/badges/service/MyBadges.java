package org.microcred.badges.service;

import java.util.List;
import java.util.Optional;
import org.microcred.records.badges.Badge;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.shared.identity.Caller;

/** The learner's "my achievements": their badges with evidence downloads and a LinkedIn link. */
public class MyBadges {
    private final BadgeRecords badges;
    private final BadgeUrls urls;
    private final BadgeReading reading;

    public MyBadges(BadgeRecords badges, BadgeUrls urls, BadgeReading reading) {
        this.badges = badges;
        this.urls = urls;
        this.reading = reading;
    }

    public record Page(List<MyBadge> items, String nextCursor) {
    }

    public record MyBadge(String id, String title, PublicBadge.Issuer issuer, String issuedAt, String validUntil,
                          String status, String revokedAt, String revocationReason, String microCredentialId,
                          PublicBadge.Links links, List<Evidence> evidence, String linkedInAddToProfileUrl) {
    }

    /**
     * Evidence the learner submitted, with what each kind needs to open it: a file its name and
     * {@code downloadUrl} (the evidence function's authenticated download), a link its {@code url},
     * written text its {@code submissionUrl} (the submitted attempt, whose artifact of this id holds
     * the text). {@code name} is the public name, as the badge page shows it.
     */
    public record Evidence(String artifactId, String requirementId, String requirement, String kind, String name,
                           String fileName, String downloadUrl, String url, String submissionUrl) {
    }

    public Page mine(Caller caller, int limit, Optional<String> cursor) {
        BadgeAccess.requireSignedInForOwnBadges(caller);
        var page = badges.byLearner(caller.userId(), limit, cursor);
        return new Page(page.items().stream().map(this::view).toList(), page.nextCursor().orElse(null));
    }

    private Evidence evidence(Badge badge, Badge.EvidenceRef ref) {
        return switch (ref.kind()) {
            case Badge.EvidenceRef.FILE -> new Evidence(ref.artifactId(), ref.requirementId(), ref.requirement(),
                    ref.kind(), ref.name(), ref.fileName(), urls.evidenceDownload(badge.enrollmentId(), ref.artifactId()),
                    null, null);
            case Badge.EvidenceRef.LINK -> new Evidence(ref.artifactId(), ref.requirementId(), ref.requirement(),
                    ref.kind(), ref.name(), null, null, ref.url(), null);
            default -> new Evidence(ref.artifactId(), ref.requirementId(), ref.requirement(), ref.kind(), ref.name(),
                    null, null, null, badge.submissionId() == null ? null : urls.submission(badge.submissionId()));
        };
    }

    private MyBadge view(Badge badge) {
        List<Evidence> evidence = badge.evidence().stream().map(ref -> evidence(badge, ref)).toList();
        return new MyBadge(badge.badgeId(), badge.title(),
                new PublicBadge.Issuer(urls.issuer(badge.organizationId()), badge.organizationName()),
                badge.issuedAt(), badge.validUntil(), badge.status(), badge.revokedAt(), badge.revocationReason(),
                badge.microCredentialId(), reading.links(badge.badgeId()), evidence,
                // A revoked badge is not something to add to a profile.
                badge.revoked() ? null : LinkedIn.addToProfileUrl(badge, urls));
    }
}
