package org.microcred.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function}: the handler class the local stack instantiates, its
 * environment (still unresolved: {@code Ref}s become physical names only once resources exist)
 * and the events that invoke it.
 */
public record FunctionDefinition(String logicalId,
                                 String handlerClass,
                                 String handlerMethod,
                                 int timeoutSeconds,
                                 int memorySizeMb,
                                 Map<String, JsonNode> environment,
                                 List<HttpRoute> routes,
                                 List<StreamEventSource> streamEvents,
                                 List<ScheduleEvent> scheduleEvents) {

    public FunctionDefinition {
        environment = Map.copyOf(environment);
        routes = List.copyOf(routes);
        streamEvents = List.copyOf(streamEvents);
        scheduleEvents = List.copyOf(scheduleEvents);
    }

    static FunctionDefinition from(String logicalId, JsonNode properties, JsonNode globals, FunctionEvents events) {
        String handler = text(properties, globals, "Handler");
        int separator = handler.indexOf("::");
        String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
        String handlerMethod = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        if (handlerClass.isBlank()) {
            throw new IllegalArgumentException("Function " + logicalId + " has no Handler");
        }
        Map<String, JsonNode> environment = new LinkedHashMap<>();
        globals.path("Environment").path("Variables").fields()
                .forEachRemaining(entry -> environment.put(entry.getKey(), entry.getValue()));
        properties.path("Environment").path("Variables").fields()
                .forEachRemaining(entry -> environment.put(entry.getKey(), entry.getValue()));
        JsonNode eventNodes = properties.path("Events");
        return new FunctionDefinition(logicalId, handlerClass, handlerMethod,
                number(properties, globals, "Timeout", 3), number(properties, globals, "MemorySize", 128),
                environment, events.routes(logicalId, eventNodes), events.streams(logicalId, eventNodes),
                events.schedules(logicalId, eventNodes));
    }

    private static String text(JsonNode properties, JsonNode globals, String name) {
        return properties.has(name) ? properties.path(name).asText() : globals.path(name).asText("");
    }

    private static int number(JsonNode properties, JsonNode globals, String name, int fallback) {
        return properties.has(name) ? properties.path(name).asInt(fallback) : globals.path(name).asInt(fallback);
    }
}
