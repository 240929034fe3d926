package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import org.microcred.enrollment.EnrollmentHandler;

/** Warm latency of enrolling alone, in-process through the real handler, a new learner each time. */
final class WarmEnrollment {
    private WarmEnrollment() {
    }

    static Stats measure(EnrollmentHandler handler, List<String> offerings, int warmup, int samples) {
        for (int i = 0; i < warmup; i++) {
            enrol(handler, offerings.get(i % offerings.size()), "warm-" + i);
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            enrol(handler, offerings.get(i % offerings.size()), "measured-" + i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return Stats.of(millis);
    }

    private static void enrol(EnrollmentHandler handler, String offering, String learner) {
        APIGatewayV2HTTPEvent event = ColdStartProbe.httpEvent("POST", "/microcredentials/{id}/enrollments",
                "/microcredentials/" + offering + "/enrollments", offering, null, learner + ",org-bench,learner");
        int status = handler.dispatch(event).getStatusCode();
        if (status != 201) {
            throw new IllegalStateException("enrolment answered " + status);
        }
    }
}
