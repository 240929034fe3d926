package org.microcred.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.HttpApiEvents;
import org.microcred.emulators.junit.SnapStartHooks;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.shared.snapstart.Priming;

/** The EnrollmentFunction's SnapStart hooks, invoked as Lambda invokes them around a snapshot. */
@WithEmulators
class SnapStartPrimingTest {

    @Test
    void enrollment_primesALearnersReads_throughItsRoutes_withoutWriting(TestStack stack) {
        EnrollmentHandler handler = new EnrollmentHandler(stack.environment("EnrollmentFunction"));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("GET /me/enrollments -> 200, GET /enrollments/{id} -> 404");
        assertThat(handler.dispatch(HttpApiEvents.event("GET /me/enrollments", "/me/enrollments", Map.of(), Map.of(),
                Map.of(), Map.of("sub", "usr-after-restore", "cognito:groups", "[learner]", "custom:orgId",
                        "org-riverbend"), null)).getStatusCode()).isEqualTo(200);
    }
}
