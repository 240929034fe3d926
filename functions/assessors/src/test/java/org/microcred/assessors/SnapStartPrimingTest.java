package org.microcred.assessors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.SnapStartHooks;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.shared.snapstart.Priming;

/** The AssessorFunction's SnapStart hooks, invoked as Lambda invokes them around a snapshot. */
@WithEmulators
class SnapStartPrimingTest {

    @Test
    void assessors_primeTheCalibrationOverview_withoutWriting(TestStack stack) {
        AssessorHandler handler = new AssessorHandler(stack.environment("AssessorFunction")
                .with(ReviewLinkKeys.LOCAL_REVIEW_LINK_KEY, "test-assessor-link-key-0123456789abcdef"));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("GET /assessor/calibration -> 200");
    }
}
