package org.microcred.enrollment.model;

import java.util.List;

/**
 * A coach in an organisation's pool, qualified for some micro-credentials (by id) or whole
 * collections, with the number of open enrolments they currently coach.
 *
 * @param calibratingMicroCredentialIds micro-credentials the coach joined as an assessor and has
 *                                      not yet passed calibration for: they get no new learners
 *                                      in those automatically (an admin may still assign them)
 */
public record Coach(String userId, String organizationId, String name, String email,
                    List<String> microCredentialIds, List<String> collections, long openEnrollments,
                    List<String> calibratingMicroCredentialIds) {
    public Coach {
        microCredentialIds = microCredentialIds == null ? List.of() : List.copyOf(microCredentialIds);
        collections = collections == null ? List.of() : List.copyOf(collections);
        calibratingMicroCredentialIds = calibratingMicroCredentialIds == null ? List.of()
                : List.copyOf(calibratingMicroCredentialIds);
    }

    /** A coach with no calibration pending. */
    public Coach(String userId, String organizationId, String name, String email, List<String> microCredentialIds,
                 List<String> collections, long openEnrollments) {
        this(userId, organizationId, name, email, microCredentialIds, collections, openEnrollments, List.of());
    }

    public boolean isQualifiedFor(Offering offering) {
        return microCredentialIds.contains(offering.microCredentialId())
                || (offering.collection() != null && collections.contains(offering.collection()));
    }

    /** Qualified, and not still calibrating as an assessor for this micro-credential. */
    public boolean takesLiveReviewsFor(Offering offering) {
        return isQualifiedFor(offering) && !calibratingMicroCredentialIds.contains(offering.microCredentialId());
    }

    public Person person() {
        return new Person(userId, name, email);
    }
}
