package org.microcred.badges.store;

import java.util.Optional;
import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issuers as their organisations describe themselves (name, website, address, description,
 * image), read through the OrganizationsTable's records library.
 */
public class IssuerDirectory {
    private final OrganizationProfiles profiles;

    public IssuerDirectory(DynamoDbClient dynamoDb, String tableName) {
        this.profiles = new OrganizationProfiles(new OrganizationsTable(dynamoDb, tableName));
    }

    /** The organisation's profile; empty for an organisation without one. */
    public Optional<OrganizationProfile> profile(String organizationId) {
        return profiles.find(organizationId);
    }

    /** The organisation's display name; empty for an organisation without a profile. */
    public Optional<String> name(String organizationId) {
        return profile(organizationId).map(profile -> profile.name() == null || profile.name().isBlank()
                ? organizationId : profile.name());
    }
}
