package org.microcred.assessors.model;

import java.util.List;

/** The decided submissions an org admin picks as the calibration set of one micro-credential. */
public record CalibrationSetRequest(List<String> submissionIds) {
    public CalibrationSetRequest {
        submissionIds = submissionIds == null ? List.of() : List.copyOf(submissionIds);
    }
}
