package org.microcred.records.organizations;

import java.util.List;

/**
 * An assessor's agreement with the reference decisions once every item is scored.
 *
 * @param pairs           (criterion, submission) pairs compared
 * @param exactAgreement  share of pairs with the same level, 0..1 (4 decimals)
 * @param kappa           Cohen's kappa over all pairs, categories = criterion-qualified levels (4 decimals)
 * @param outcomeAgreement share of items where the assessor's outcome equals the reference outcome
 * @param shortfall       why the minimum is not met (empty when it is)
 */
public record CalibrationResult(int items, int pairs, double exactAgreement, double kappa, double outcomeAgreement,
                                List<CriterionAgreement> criteria, double minimumKappa, Double minimumExactAgreement,
                                boolean meetsMinimum, List<String> shortfall, String evaluatedAt) {
    public CalibrationResult {
        criteria = List.copyOf(criteria);
        shortfall = List.copyOf(shortfall);
    }
}
