package org.microcred.records.organizations;

/** Agreement on one rubric criterion across the calibration items. {@code kappa} null without pairs. */
public record CriterionAgreement(String criterionId, String criterion, int pairs, int agreements,
                                 double exactAgreement, Double kappa) {
}
