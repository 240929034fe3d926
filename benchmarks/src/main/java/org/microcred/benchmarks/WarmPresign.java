package org.microcred.benchmarks;

import java.util.List;
import org.microcred.evidence.EvidenceHandler;

/** Warm latency of declaring a file and getting its presigned PUT, in-process through the real handler. */
final class WarmPresign {
    private static final int PER_ENROLLMENT = 5;

    private WarmPresign() {
    }

    /** {@code enrolled} must hold at least (warmup + samples) / 5 enrolments. */
    static Stats measure(EvidenceHandler handler, List<String[]> enrolled, int warmup, int samples) {
        for (int i = 0; i < warmup; i++) {
            declare(handler, enrolled.get(i / PER_ENROLLMENT));
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            String[] target = enrolled.get((warmup + i) / PER_ENROLLMENT);
            long start = System.nanoTime();
            declare(handler, target);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return Stats.of(millis);
    }

    private static void declare(EvidenceHandler handler, String[] learnerAndEnrollment) {
        var response = handler.dispatch(EvidenceFixtures.declare(learnerAndEnrollment[0], learnerAndEnrollment[1]));
        if (response.getStatusCode() != 201) {
            throw new IllegalStateException("declare answered " + response.getStatusCode() + ": " + response.getBody());
        }
    }
}
