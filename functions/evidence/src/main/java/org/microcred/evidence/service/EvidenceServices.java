package org.microcred.evidence.service;

import java.time.Clock;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.evidence.EvidenceFiles;

/** The evidence function's services, wired once at init. */
public record EvidenceServices(Evidence evidence, Submitting submitting) {
    public static EvidenceServices create(LearningStore enrollments, Requirements requirements,
                                          ArtifactStore artifacts, EvidenceFiles files, ReviewLinks reviewLinks,
                                          UploadLimits limits, String apiUrl, Clock clock) {
        return new EvidenceServices(new Evidence(enrollments, requirements, artifacts, files, limits, clock),
                new Submitting(enrollments, requirements, artifacts, reviewLinks, apiUrl, clock));
    }
}
