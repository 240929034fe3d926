package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.microcred.catalog.CatalogReadHandler;

/**
 * Warm latency of the catalog search in-process: the real handler (routing, index refresh Query
 * against DynamoDB Local, ranking, JSON) over a large published catalog, after a warm-up.
 */
final class WarmSearch {
    private WarmSearch() {
    }

    static Stats measure(CatalogReadHandler handler, int warmup, int samples) {
        Random random = new Random(42);
        List<APIGatewayV2HTTPEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(search(CatalogFixtures.words(random, 1 + random.nextInt(2)), i % 5 == 0
                    ? CatalogFixtures.COLLECTIONS.get(i % CatalogFixtures.COLLECTIONS.size()) : null));
        }
        for (int i = 0; i < warmup; i++) {
            check(handler, events.get(i % events.size()));
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            APIGatewayV2HTTPEvent event = events.get(i % events.size());
            long start = System.nanoTime();
            check(handler, event);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return Stats.of(millis);
    }

    private static void check(CatalogReadHandler handler, APIGatewayV2HTTPEvent event) {
        int status = handler.dispatch(event).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("search answered " + status);
        }
    }

    private static APIGatewayV2HTTPEvent search(String q, String collection) {
        Map<String, String> query = new HashMap<>();
        query.put("q", q);
        if (collection != null) {
            query.put("collection", collection);
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /microcredentials")
                .withRawPath("/microcredentials").withQueryStringParameters(query)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("warm").build())
                .build();
    }
}
