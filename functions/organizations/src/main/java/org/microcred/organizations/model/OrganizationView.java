package org.microcred.organizations.model;

import java.util.List;
import org.microcred.records.organizations.OrganizationProfile;

/** An organisation as the API shows it; {@code revision} is what {@code If-Match} names. */
public record OrganizationView(String id, String name, String kind, OrganizationRequest.Issuer issuer,
                               OrganizationRequest.Eligibility eligibility, int reviewTargetBusinessDays,
                               String timeZone, List<String> workingDays, String senderAddress, long revision,
                               String createdAt, String updatedAt) {

    public static OrganizationView of(OrganizationProfile profile) {
        OrganizationProfile.IssuerProfile issuer = profile.issuer();
        return new OrganizationView(profile.id(), profile.name(), profile.kind(),
                new OrganizationRequest.Issuer(issuer.url(), issuer.email(), issuer.description(), issuer.imageUrl()),
                new OrganizationRequest.Eligibility(profile.eligibility().api(), profile.emailDomains()),
                profile.reviewTargetBusinessDays(), profile.timeZone(), profile.workingDays(),
                profile.senderAddress(), profile.revision(), profile.createdAt(), profile.updatedAt());
    }
}
