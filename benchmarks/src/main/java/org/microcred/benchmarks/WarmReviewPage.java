package org.microcred.benchmarks;

import org.microcred.review.ReviewHandler;

/** Warm latency of rendering the coach's review page, in-process through the real handler. */
final class WarmReviewPage {
    private WarmReviewPage() {
    }

    static Stats measure(ReviewHandler handler, String token, int warmup, int samples) {
        var event = ReviewFixtures.reviewPage(token);
        for (int i = 0; i < warmup; i++) {
            render(handler, event);
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            render(handler, event);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return Stats.of(millis);
    }

    private static void render(ReviewHandler handler, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent event) {
        int status = handler.dispatch(event).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("review page answered " + status);
        }
    }
}
