package org.microcred.records.organizations;

import java.util.List;
import java.util.Map;

/**
 * The coach entry of a member with the coach role: what enrolment counts loads on.
 *
 * @param openEnrollments               enrolments they coach that are neither mastered nor withdrawn
 * @param openByMicroCredential         the same, per micro-credential (counted since pools have capacities)
 * @param microCredentialIds            qualifications by id (older data; pools are the way to set them now)
 * @param collections                   qualifications by collection (older data)
 * @param active                        false once the member is deactivated or loses the coach role
 * @param calibratingMicroCredentialIds micro-credentials they joined as an assessor and have not yet
 *                                      passed calibration for: the automatic choice passes them over there
 */
public record Coach(String organizationId, String userId, String name, String email, long openEnrollments,
                    Map<String, Long> openByMicroCredential, List<String> microCredentialIds,
                    List<String> collections, boolean active, List<String> calibratingMicroCredentialIds) {
    public Coach {
        openByMicroCredential = openByMicroCredential == null ? Map.of() : Map.copyOf(openByMicroCredential);
        microCredentialIds = microCredentialIds == null ? List.of() : List.copyOf(microCredentialIds);
        collections = collections == null ? List.of() : List.copyOf(collections);
        calibratingMicroCredentialIds = calibratingMicroCredentialIds == null ? List.of()
                : List.copyOf(calibratingMicroCredentialIds);
    }

    /** A coach with no calibration pending. */
    public Coach(String organizationId, String userId, String name, String email, long openEnrollments,
                 Map<String, Long> openByMicroCredential, List<String> microCredentialIds, List<String> collections,
                 boolean active) {
        this(organizationId, userId, name, email, openEnrollments, openByMicroCredential, microCredentialIds,
                collections, active, List.of());
    }

    public long openFor(String microCredentialId) {
        return openByMicroCredential.getOrDefault(microCredentialId, 0L);
    }

    public boolean isCalibratingFor(String microCredentialId) {
        return calibratingMicroCredentialIds.contains(microCredentialId);
    }
}
