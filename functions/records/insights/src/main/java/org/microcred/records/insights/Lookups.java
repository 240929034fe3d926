package org.microcred.records.insights;

import java.util.Optional;

/** What the aggregator reads besides the stream record itself. */
public interface Lookups {
    /** The organisation and micro-credential of an enrolment (never change once enrolled). */
    Optional<EnrollmentRef> enrollment(String enrollmentId);

    /** Credit hours of a published version (versions are immutable, so the answer can be cached). */
    Optional<Double> creditHours(String microCredentialId, long version);

    record EnrollmentRef(String organizationId, String microCredentialId) {
    }
}
