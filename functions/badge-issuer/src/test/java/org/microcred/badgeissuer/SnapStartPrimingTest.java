package org.microcred.badgeissuer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.microcred.badgeissuer.support.AwardFixture;
import org.microcred.emulators.junit.SnapStartHooks;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.shared.snapstart.Priming;

/** The BadgeIssuerFunction's SnapStart hooks, invoked as Lambda invokes them around a snapshot. */
@WithEmulators
class SnapStartPrimingTest {

    @Test
    void badgeIssuer_primesAMasteryOfNoEnrolment_issuingNothing(TestStack stack) {
        BadgeIssuerHandler handler = new AwardFixture(stack).handler();

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("mastery of enr-snapstartpriming0000 -> Enrolment "
                + "enr-snapstartpriming0000 of a mastery decision not found");
    }
}
