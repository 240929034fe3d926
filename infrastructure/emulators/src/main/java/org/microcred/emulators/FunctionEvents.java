package org.microcred.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads the {@code Events} of a function. Kept apart from {@link FunctionDefinition} because
 * whether a route is authorized depends on the HttpApi it belongs to, not only on the event.
 */
final class FunctionEvents {
    private final JsonNode resources;
    private final JsonNode globalHttpApi;

    FunctionEvents(JsonNode resources, JsonNode globalHttpApi) {
        this.resources = resources;
        this.globalHttpApi = globalHttpApi;
    }

    List<HttpRoute> routes(String functionId, JsonNode events) {
        List<HttpRoute> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> event : iterable(events, "HttpApi")) {
            JsonNode properties = event.getValue().path("Properties");
            String path = properties.path("Path").asText("");
            String method = properties.path("Method").asText("").toUpperCase(Locale.ROOT);
            if (path.isEmpty() || method.isEmpty()) {
                throw new IllegalArgumentException("HttpApi event " + functionId + "." + event.getKey()
                        + " needs both Path and Method (the implicit catch-all route is not supported locally)");
            }
            routes.add(new HttpRoute(functionId, event.getKey(), method.equals("ANY") ? "ANY" : method, path,
                    authorized(properties)));
        }
        return routes;
    }

    List<StreamEventSource> streams(String functionId, JsonNode events) {
        List<StreamEventSource> streams = new ArrayList<>();
        for (Map.Entry<String, JsonNode> event : iterable(events, "DynamoDB")) {
            JsonNode properties = event.getValue().path("Properties");
            boolean reportFailures = false;
            for (JsonNode type : properties.path("FunctionResponseTypes")) {
                reportFailures |= "ReportBatchItemFailures".equals(type.asText());
            }
            JsonNode retries = properties.path("MaximumRetryAttempts");
            streams.add(new StreamEventSource(functionId, event.getKey(), streamTable(functionId, properties),
                    properties.path("BatchSize").asInt(100),
                    properties.path("StartingPosition").asText("TRIM_HORIZON"), reportFailures,
                    retries.isNumber() ? OptionalInt.of(retries.asInt()) : OptionalInt.empty()));
        }
        return streams;
    }

    List<ScheduleEvent> schedules(String functionId, JsonNode events) {
        List<ScheduleEvent> schedules = new ArrayList<>();
        for (Map.Entry<String, JsonNode> event : iterable(events, "Schedule", "ScheduleV2")) {
            JsonNode properties = event.getValue().path("Properties");
            String expression = properties.has("Schedule")
                    ? properties.path("Schedule").asText()
                    : properties.path("ScheduleExpression").asText();
            boolean enabled = properties.path("Enabled").asBoolean(true)
                    && !"DISABLED".equals(properties.path("State").asText());
            schedules.add(new ScheduleEvent(functionId, event.getKey(), expression, enabled));
        }
        return schedules;
    }

    private boolean authorized(JsonNode properties) {
        JsonNode authorizer = properties.path("Auth").path("Authorizer");
        if (authorizer.isTextual()) {
            return !"NONE".equals(authorizer.asText());
        }
        JsonNode apiId = properties.path("ApiId").path("Ref");
        JsonNode api = apiId.isTextual()
                ? resources.path(apiId.asText()).path("Properties")
                : globalHttpApi;
        return api.path("Auth").path("DefaultAuthorizer").isTextual();
    }

    private static String streamTable(String functionId, JsonNode properties) {
        JsonNode stream = properties.path("Stream").path("Fn::GetAtt");
        if (stream.isArray() && stream.size() == 2 && "StreamArn".equals(stream.get(1).asText())) {
            return stream.get(0).asText();
        }
        if (stream.isTextual() && stream.asText().endsWith(".StreamArn")) {
            return stream.asText().substring(0, stream.asText().length() - ".StreamArn".length());
        }
        throw new IllegalArgumentException("DynamoDB event of " + functionId
                + " must name its stream as Fn::GetAtt [Table, StreamArn]");
    }

    private static List<Map.Entry<String, JsonNode>> iterable(JsonNode events, String... types) {
        List<Map.Entry<String, JsonNode>> matching = new ArrayList<>();
        events.fields().forEachRemaining(event -> {
            for (String type : types) {
                if (type.equals(event.getValue().path("Type").asText())) {
                    matching.add(event);
                }
            }
        });
        return matching;
    }
}
