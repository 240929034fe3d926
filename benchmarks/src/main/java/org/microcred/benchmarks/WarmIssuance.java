package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.ArrayList;
import java.util.List;
import org.microcred.badgeissuer.BadgeIssuerHandler;

/**
 * Warm time to issue one badge, in-process through the real handler: each sample is a distinct
 * mastery award (so every one reads its sources, builds, signs and writes the transaction),
 * delivered as a one-record stream batch. The fixtures are written before the clock starts.
 */
final class WarmIssuance {
    private WarmIssuance() {
    }

    /**
     * Example wiring: {@code env = BadgeIssuerFixtures.environment(emulators.functionEnvironment(template,
     * "BadgeIssuerFunction", names)); fixtures = new BadgeIssuerFixtures(emulators.dynamoDb(), names);
     * fixtures.seed(); WarmIssuance.measure(new BadgeIssuerHandler(FunctionEnvironment.of(env)), fixtures, 50, 500)}.
     */
    static Stats measure(BadgeIssuerHandler handler, BadgeIssuerFixtures fixtures, int warmup, int samples) {
        List<DynamodbEvent> awards = new ArrayList<>();
        for (int i = 0; i < warmup + samples; i++) {
            awards.add(fixtures.award("badge-learner-" + System.nanoTime() + "-" + i));
        }
        for (int i = 0; i < warmup; i++) {
            issue(handler, awards.get(i));
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            DynamodbEvent award = awards.get(warmup + i);
            long start = System.nanoTime();
            issue(handler, award);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return Stats.of(millis);
    }

    private static void issue(BadgeIssuerHandler handler, DynamodbEvent award) {
        var response = handler.handleRequest(award, new ProbeContext());
        if (response.getBatchItemFailures() != null && !response.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the issuer reported a failure for " + response.getBatchItemFailures());
        }
    }
}
