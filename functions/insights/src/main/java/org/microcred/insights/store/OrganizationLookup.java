package org.microcred.insights.store;

import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;

/** The organisation's review target, read from its profile. */
public final class OrganizationLookup {
    /** What an organisation without a profile or without a target gets. */
    public static final int DEFAULT_REVIEW_TARGET_BUSINESS_DAYS = 5;

    private final OrganizationProfiles profiles;

    public OrganizationLookup(OrganizationsTable table) {
        this.profiles = new OrganizationProfiles(table);
    }

    public int reviewTargetBusinessDays(String organizationId) {
        int days = profiles.findEventuallyConsistent(organizationId)
                .map(OrganizationProfile::reviewTargetBusinessDays).orElse(DEFAULT_REVIEW_TARGET_BUSINESS_DAYS);
        return days > 0 ? days : DEFAULT_REVIEW_TARGET_BUSINESS_DAYS;
    }
}
