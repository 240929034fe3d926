package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Function;

/** Warm latency of one request sent again and again through a real handler in-process. */
final class WarmHttp {
    private WarmHttp() {
    }

    static Stats measure(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, APIGatewayV2HTTPEvent event,
                         int warmup, int samples) {
        for (int i = 0; i < warmup; i++) {
            send(handler, event);
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            send(handler, event);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return Stats.of(millis);
    }

    private static void send(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                             APIGatewayV2HTTPEvent event) {
        int status = handler.apply(event).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException(event.getRouteKey() + " answered " + status);
        }
    }
}
