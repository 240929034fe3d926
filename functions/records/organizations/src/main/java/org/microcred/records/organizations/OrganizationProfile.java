package org.microcred.records.organizations;

import java.util.List;

/**
 * An organisation (district, agency, virtual school): who it is on its badges, who may enrol,
 * how fast it promises feedback and when reminders go out.
 *
 * @param kind                     e.g. {@code district}, {@code state-agency}, {@code state-virtual-school}
 * @param issuer                   how it appears as the issuer of its Open Badges
 * @param emailDomains             lower-case; with {@link EligibilityMode#DOMAINS}, addresses at these
 *                                 domains may enrol; a federated user at one of them is recognised as
 *                                 the member with that address at first sign-in
 * @param reviewTargetBusinessDays feedback target in working days (1..60)
 * @param timeZone                 IANA zone its working days are counted in
 * @param workingDays              {@code MON}..{@code SUN}
 * @param senderAddress            the address replies to its emails go to (optional)
 * @param revision                 optimistic lock, +1 on every change ({@code If-Match})
 */
public record OrganizationProfile(String id, String name, String kind, IssuerProfile issuer,
                                  EligibilityMode eligibility, List<String> emailDomains,
                                  int reviewTargetBusinessDays, String timeZone, List<String> workingDays,
                                  String senderAddress, long revision, String createdAt, String updatedAt) {
    public OrganizationProfile {
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
        issuer = issuer == null ? IssuerProfile.NONE : issuer;
    }

    /** The issuer profile shown on badges. */
    public record IssuerProfile(String url, String email, String description, String imageUrl) {
        public static final IssuerProfile NONE = new IssuerProfile(null, null, null, null);
    }

    public boolean admitsDomainOf(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at > 0 && emailDomains.contains(email.substring(at + 1).toLowerCase(java.util.Locale.ROOT));
    }
}
