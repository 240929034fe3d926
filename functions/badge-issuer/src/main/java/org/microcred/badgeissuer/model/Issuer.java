package org.microcred.badgeissuer.model;

/**
 * The organisation that awards the badge, as its profile describes it. The website, address,
 * description and image are what the organisation set as its issuer profile ({@code PUT
 * /orgs/{orgId}}); each may be absent.
 */
public record Issuer(String organizationId, String name, String websiteUrl, String email, String description,
                     String imageUrl) {

    public Issuer(String organizationId, String name) {
        this(organizationId, name, null, null, null, null);
    }
}
