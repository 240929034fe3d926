package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs in a fresh JVM whose classpath is one function's deployment jar: builds the handler the
 * way Lambda does (no-arg constructor, settings from environment variables), sends it one real
 * event and prints a line. The parent times launch to that line: a cold start.
 *
 * <p>Arguments for an HTTP function: {@code http handler method route path pathId body claims}
 * where body is "-" for none and claims is {@code sub,orgId,group} ("-" for a public route). For a stream function:
 * {@code stream handler outboxPk}: one INSERT of that outbox item. For the badge issuer:
 * {@code decision handler enrollmentId}: one INSERT of that enrolment's first-attempt mastery decision.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        long entered = System.nanoTime();
        Object event = switch (args[0]) {
            case "stream" -> streamEvent(args[2]);
            case "decision" -> decisionEvent(args[2]);
            default -> httpEvent(args[2], args[3], args[4], args[5], "-".equals(args[6]) ? null : args[6], args[7]);
        };
        long eventBuilt = System.nanoTime();
        RequestHandler handler = (RequestHandler) Class.forName(args[1]).getConstructor().newInstance();
        long constructed = System.nanoTime();
        Object response = handler.handleRequest(event, new ProbeContext());
        long responded = System.nanoTime();
        System.out.println("STATUS " + status(response));
        System.out.flush();
        // After the line the parent times, so the breakdown costs the measurement nothing: building
        // the event, the handler's construction, its first request, and the classes loaded so far
        // (the count includes the management bean's own few dozen, alike in every launch).
        System.out.printf(java.util.Locale.ROOT, "PHASES %.3f %.3f %.3f %d%n", (eventBuilt - entered) / 1e6,
                (constructed - eventBuilt) / 1e6, (responded - constructed) / 1e6,
                java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.flush();
        // A library executor thread would otherwise keep this JVM alive; Lambda freezes it instead.
        System.exit(0);
    }

    private static int status(Object response) {
        if (response instanceof com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse http) {
            return http.getStatusCode();
        }
        if (response instanceof com.amazonaws.services.lambda.runtime.events.StreamsEventResponse stream) {
            return stream.getBatchItemFailures() == null || stream.getBatchItemFailures().isEmpty() ? 200 : 500;
        }
        return 200;
    }

    static APIGatewayV2HTTPEvent httpEvent(String method, String route, String path, String pathId, String body,
                                           String claimSpec) {
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("cold-start")
                .withRouteKey(method + " " + route);
        if (!"-".equals(claimSpec)) {
            String[] parts = claimSpec.split(",");
            Map<String, String> claims = Map.of("sub", parts[0], "email", parts[0] + "@bench.example",
                    "custom:orgId", parts[1], "cognito:groups", "[" + parts[2] + "]");
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + route)
                .withRawPath(path).withHeaders(Map.of("content-type", "application/json"))
                .withPathParameters(pathParameters(pathId))
                .withQueryStringParameters(Map.of("q", "assessment"))
                .withBody(body).withIsBase64Encoded(false).withRequestContext(context.build()).build();
    }

    /** "-" for none, "name=value" for a named parameter, otherwise the value of {id}. */
    private static Map<String, String> pathParameters(String spec) {
        if ("-".equals(spec)) {
            return null;
        }
        int equals = spec.indexOf('=');
        return equals < 0 ? Map.of("id", spec) : Map.of(spec.substring(0, equals), spec.substring(equals + 1));
    }

    static DynamodbEvent streamEvent(String outboxPk) {
        Map<String, AttributeValue> keys = new HashMap<>();
        keys.put("pk", new AttributeValue().withS(outboxPk));
        keys.put("sk", new AttributeValue().withS("EMAIL"));
        return insert(keys, keys);
    }

    /** A mastery decision as the review function writes it (the enrolment's items must exist). */
    static DynamodbEvent decisionEvent(String enrollmentId) {
        Map<String, AttributeValue> keys = new HashMap<>();
        keys.put("pk", new AttributeValue().withS("ENR#" + enrollmentId));
        keys.put("sk", new AttributeValue().withS("ATTEMPT#0001#DECISION"));
        Map<String, AttributeValue> item = new HashMap<>(keys);
        item.put("submissionId", new AttributeValue().withS(enrollmentId + ".1"));
        item.put("enrollmentId", new AttributeValue().withS(enrollmentId));
        item.put("attempt", new AttributeValue().withN("1"));
        item.put("outcome", new AttributeValue().withS("mastery"));
        item.put("coachId", new AttributeValue().withS("bench-coach"));
        item.put("decidedAt", new AttributeValue().withS("2026-03-05T15:00:00.000Z"));
        item.put("decision", new AttributeValue().withS(BadgeIssuerFixtures.DECISION_JSON));
        return insert(keys, item);
    }

    private static DynamodbEvent insert(Map<String, AttributeValue> keys, Map<String, AttributeValue> image) {
        StreamRecord record = new StreamRecord().withKeys(keys).withNewImage(image).withSequenceNumber("1")
                .withStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.NEW_AND_OLD_IMAGES);
        DynamodbEvent.DynamodbStreamRecord streamRecord = new DynamodbEvent.DynamodbStreamRecord();
        streamRecord.setEventName("INSERT");
        streamRecord.setEventSource("aws:dynamodb");
        streamRecord.setDynamodb(record);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(streamRecord));
        return event;
    }
}
