package org.microcred.badges;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.SnapStartHooks;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.shared.snapstart.Priming;

/** The BadgeFunction's SnapStart hooks, invoked as Lambda invokes them around a snapshot. */
@WithEmulators
class SnapStartPrimingTest {

    @Test
    void badges_primeTheVerificationPageAndMyBadges_withoutWriting(TestStack stack) {
        BadgeHandler handler = new BadgeHandler(stack.environment("BadgeFunction"));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("GET /badges/{id} -> 404, GET /me/badges -> 200");
    }
}
