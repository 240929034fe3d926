package org.microcred.enrollment.model;

import java.util.List;

/**
 * A coach in an organisation's pool, qualified for some micro-credentials (by id) or whole
 * collections, with the number of open enrolments they currently coach.
 */
public record Coach(String userId, String organizationId, String name, String email,
                    List<String> microCredentialIds, List<String> collections, long openEnrollments) {
    public Coach {
        microCredentialIds = microCredentialIds == null ? List.of() : List.copyOf(microCredentialIds);
        collections = collections == null ? List.of() : List.copyOf(collections);
    }

    public boolean isQualifiedFor(Offering offering) {
        return microCredentialIds.contains(offering.microCredentialId())
                || (offering.collection() != null && collections.contains(offering.collection()));
    }

    public Person person() {
        return new Person(userId, name, email);
    }
}
