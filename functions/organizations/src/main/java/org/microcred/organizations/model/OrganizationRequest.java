package org.microcred.organizations.model;

import java.util.List;

/**
 * The body of {@code POST /orgs} and {@code PUT /orgs/{orgId}}: everything an organisation
 * sets about itself. {@code id} is only given on create (on PUT it may repeat the path's id).
 */
public record OrganizationRequest(String id, String name, String kind, Issuer issuer, Eligibility eligibility,
                                  Integer reviewTargetBusinessDays, String timeZone, List<String> workingDays,
                                  String senderAddress) {

    /** How the organisation appears as the issuer of its badges. */
    public record Issuer(String url, String email, String description, String imageUrl) {
    }

    /** Who may enrol: {@code members}, {@code domains} (with {@code emailDomains}) or {@code open}. */
    public record Eligibility(String mode, List<String> emailDomains) {
    }
}
