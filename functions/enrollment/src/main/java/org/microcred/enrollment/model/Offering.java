package org.microcred.enrollment.model;

import java.util.List;

/**
 * What enrolment needs to know of a micro-credential: its latest published version, who offers
 * it, its collection (for coach qualifications) and the titles of its evidence requirements
 * (for the next step and the welcome email).
 */
public record Offering(String microCredentialId, int version, String title, String collection,
                       String organizationId, boolean retired, List<String> evidenceTitles) {
    public Offering {
        evidenceTitles = evidenceTitles == null ? List.of() : List.copyOf(evidenceTitles);
    }
}
