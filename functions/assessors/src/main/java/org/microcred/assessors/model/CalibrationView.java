package org.microcred.assessors.model;

import java.util.List;
import org.microcred.records.organizations.AssessorStatus;
import org.microcred.records.organizations.CalibrationResult;

/**
 * What an assessor sees of their calibration for one micro-credential: progress, the result once
 * evaluated, and the items still to score, anonymised (a label instead of the learner, file names
 * replaced, no submission or enrolment ids).
 */
public record CalibrationView(String organizationId, String microCredentialId, String title, AssessorStatus status,
                              double minimumKappa, Double minimumExactAgreement, int scored, int total,
                              String note, CalibrationResult calibration, List<PendingItem> items) {
    public CalibrationView {
        items = List.copyOf(items);
    }

    /** One submission to score. */
    public record PendingItem(String itemId, String label, String competency, List<Rubric.Criterion> rubric,
                              List<Evidence> evidence) {
        public PendingItem {
            rubric = List.copyOf(rubric);
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * One artifact: text shown, links listed, files by a neutral name with a 5-minute download link.
     */
    public record Evidence(String requirementId, String kind, String text, String url, String fileName,
                           String mediaType, Long sizeBytes, String downloadUrl) {
    }
}
