package org.microcred.local.schedules;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.microcred.emulators.ScheduleEvent;
import org.microcred.local.lambda.FunctionFailedException;
import org.microcred.local.lambda.LocalFunction;
import org.microcred.local.lambda.LocalFunctions;

/**
 * Runs a function that has a {@code Schedule} event in the template, on demand: the local stack
 * has no EventBridge, so instead of waiting for a cron expression a developer (or a test) asks
 * for a run and gets the function's result back. The event is shaped like EventBridge's
 * "Scheduled Event".
 */
public final class ScheduleTrigger {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";

    private final LocalFunctions functions;

    public ScheduleTrigger(LocalFunctions functions) {
        this.functions = functions;
    }

    /** What a trigger produced: a status and a JSON-able body (the run, or why there was none). */
    public record Outcome(int status, String title, String detail, Map<String, Object> run) {
        public boolean ran() {
            return run != null;
        }
    }

    /** Invokes the function's first schedule now; 404 for a function that is unknown or has no schedule. */
    public Outcome trigger(String functionLogicalId, Instant now) {
        Optional<LocalFunction> function = find(functionLogicalId);
        if (function.isEmpty()) {
            return new Outcome(404, "No such function", "The template has no function " + functionLogicalId + ".",
                    null);
        }
        List<ScheduleEvent> schedules = function.get().definition().scheduleEvents();
        if (schedules.isEmpty()) {
            return new Outcome(404, "Not a scheduled function", functionLogicalId + " has no Schedule event in the "
                    + "template, so there is nothing to trigger.", null);
        }
        ScheduleEvent schedule = schedules.get(0);
        ScheduledEvent event = event(schedule, now);
        try {
            Object result = function.get().invoke(event);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("function", functionLogicalId);
            run.put("schedule", Map.of("name", schedule.eventName(), "expression", schedule.expression(),
                    "enabled", schedule.enabled()));
            run.put("event", Map.of("id", event.getId(), "time", now.toString(), "detail-type", event.getDetailType(),
                    "source", event.getSource(), "resources", event.getResources()));
            run.put("result", result);
            return new Outcome(200, "Ran", functionLogicalId + " ran.", run);
        } catch (FunctionFailedException e) {
            return new Outcome(500, "The function failed", e.getMessage(), null);
        }
    }

    private Optional<LocalFunction> find(String logicalId) {
        try {
            return Optional.of(functions.get(logicalId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** EventBridge's scheduled event: source aws.events, the rule as the resource, an empty detail. */
    static ScheduledEvent event(ScheduleEvent schedule, Instant now) {
        ScheduledEvent event = new ScheduledEvent();
        event.setVersion("0");
        event.setId(UUID.randomUUID().toString());
        event.setDetailType("Scheduled Event");
        event.setSource("aws.events");
        event.setAccount(ACCOUNT);
        event.setRegion(REGION);
        event.setTime(new DateTime(now.toEpochMilli(), DateTimeZone.UTC));
        event.setResources(List.of("arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/local-"
                + schedule.functionLogicalId() + "-" + schedule.eventName()));
        event.setDetail(Map.of());
        return event;
    }
}
