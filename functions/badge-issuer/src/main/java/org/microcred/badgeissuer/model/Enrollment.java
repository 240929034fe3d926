package org.microcred.badgeissuer.model;

/** The parts of an enrolment a badge names: who earned what, offered by whom. */
public record Enrollment(String enrollmentId, String learnerId, String learnerName, String learnerEmail,
                         String organizationId, String organizationName, String microCredentialId,
                         int microCredentialVersion, String title) {
}
