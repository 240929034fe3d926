package org.microcred.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.SnapStartHooks;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.review.support.Fixture;
import org.microcred.shared.snapstart.Priming;

/**
 * The ReviewFunction's SnapStart hooks, invoked as Lambda invokes them around a snapshot. The
 * daily ReviewReminderFunction is not primed: its one run a day is no request anyone waits on,
 * and priming it would mean running a reminder pass.
 */
@WithEmulators
class SnapStartPrimingTest {

    @Test
    void review_primesTheQueueTheSubmissionAndTheEmailLinkedPage_withoutWriting(TestStack stack) {
        ReviewHandler handler = new ReviewHandler(stack.environment("ReviewFunction")
                .with(ReviewLinkKeys.LOCAL_REVIEW_LINK_KEY, Fixture.REVIEW_LINK_KEY));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("GET /coach/reviews -> 200, GET /submissions/{id} -> 404, "
                + "GET /review/{token} -> 403");
    }
}
