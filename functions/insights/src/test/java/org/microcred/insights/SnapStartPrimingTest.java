package org.microcred.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.SnapStartHooks;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.shared.snapstart.Priming;

/** The insights functions' SnapStart hooks, invoked as Lambda invokes them around a snapshot. */
@WithEmulators
class SnapStartPrimingTest {

    @Test
    void insights_primesAReport_withoutWriting(TestStack stack) {
        InsightsHandler handler = new InsightsHandler(stack.environment("InsightsFunction"));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("GET /orgs/{orgId}/reports/microcredentials -> 200");
    }

    @Test
    void aggregator_primesTheStreamPathAndTheEnrolmentLookup_withoutAggregating(TestStack stack) {
        InsightsAggregatorHandler handler = new InsightsAggregatorHandler(stack.environment("InsightsAggregatorFunction"));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("record of enr-snapstartpriming0000 -> 1 ignored; its enrolment -> none");
    }
}
