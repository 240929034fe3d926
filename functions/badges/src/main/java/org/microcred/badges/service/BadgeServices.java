package org.microcred.badges.service;

import java.time.Clock;
import org.microcred.badges.image.BadgeImages;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.records.badges.IssuerRecords;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.organizations.OrganizationProfiles;

/** Everything the badge routes use, wired once per container. */
public record BadgeServices(BadgeReading reading, BadgeImages images, OpenBadges2 openBadges2, Issuers issuers,
                            Revoking revoking, MyBadges myBadges) {
    public static BadgeServices create(BadgeRecords badges, IssuerRecords published, PublishedCatalog achievements,
                                       OrganizationProfiles directory, String apiUrl, Clock clock) {
        BadgeUrls urls = new BadgeUrls(apiUrl);
        BadgeReading reading = new BadgeReading(badges, new Verifier(published, urls, clock),
                new EmbeddedProofCheck(published, urls), urls);
        OpenBadges2 openBadges2 = new OpenBadges2(urls);
        return new BadgeServices(reading, new BadgeImages(urls), openBadges2,
                new Issuers(directory, published, achievements, openBadges2, urls),
                new Revoking(badges, new RevocationEmails(urls), clock),
                new MyBadges(badges, urls, reading));
    }
}
