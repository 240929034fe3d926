package org.microcred.emulators;

/** A {@code Schedule}/{@code ScheduleV2} event of a function, e.g. {@code rate(1 hour)}. */
public record ScheduleEvent(String functionLogicalId, String eventName, String expression, boolean enabled) {
}
