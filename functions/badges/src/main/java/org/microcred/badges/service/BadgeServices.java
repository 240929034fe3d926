package org.microcred.badges.service;

import java.time.Clock;
import org.microcred.badges.image.BadgeImages;
import org.microcred.badges.store.BadgeStore;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.organizations.OrganizationProfiles;

/** Everything the badge routes use, wired once per container. */
public record BadgeServices(BadgeReading reading, BadgeImages images, OpenBadges2 openBadges2, Issuers issuers,
                            Revoking revoking, MyBadges myBadges) {
    public static BadgeServices create(BadgeStore badges, PublishedCatalog achievements, OrganizationProfiles directory,
                                       String apiUrl, Clock clock) {
        BadgeUrls urls = new BadgeUrls(apiUrl);
        BadgeReading reading = new BadgeReading(badges, new Verifier(badges, urls, clock),
                new EmbeddedProofCheck(badges, urls), urls);
        OpenBadges2 openBadges2 = new OpenBadges2(urls);
        return new BadgeServices(reading, new BadgeImages(urls), openBadges2,
                new Issuers(directory, badges, achievements, openBadges2, urls), new Revoking(badges, new RevocationEmails(urls), clock),
                new MyBadges(badges, urls, reading));
    }
}
