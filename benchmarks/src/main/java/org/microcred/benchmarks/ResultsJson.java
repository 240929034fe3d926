package org.microcred.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microcred.benchmarks.capacity.CapacityJourney;
import org.microcred.benchmarks.capacity.CapacitySection;
import org.microcred.shared.json.Json;

/**
 * The figures of a run as benchmarks/results.json, for comparing runs with a diff or a script:
 * cold-start ratios by function, capacity units by journey step, latency percentiles by case
 * (the programme reports among them, under {@code reports}).
 */
final class ResultsJson {
    private ResultsJson() {
    }

    static String render(String command, List<ColdStart.Result> coldStarts, CapacityJourney.Result capacity,
                         List<LatencySection> sections, String reportsTitle) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", LocalDate.now().toString());
        results.put("command", command);
        results.put("machine", ordered("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        List<Map<String, Object>> cold = new ArrayList<>();
        for (ColdStart.Result result : coldStarts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("function", result.function());
            row.put("request", result.request());
            row.put("p50Ms", round(result.handler().p50()));
            row.put("baselineP50Ms", round(result.baseline().p50()));
            row.put("ratio", round(result.ratio()));
            cold.add(row);
        }
        results.put("coldStart", cold);
        Map<String, Object> journey = new LinkedHashMap<>();
        journey.put("steps", CapacitySection.rows(capacity));
        journey.put("total", ordered("rcu", capacity.rcu(), "wcu", capacity.wcu()));
        journey.put("target", ordered("rcu", CapacityJourney.RCU_TARGET, "wcu", CapacityJourney.WCU_TARGET));
        results.put("capacity", journey);
        List<Map<String, Object>> latency = new ArrayList<>();
        List<Map<String, Object>> reports = new ArrayList<>();
        for (LatencySection section : sections) {
            for (LatencySection.Row row : section.rows()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                boolean report = section.title().equals(reportsTitle);
                if (report) {
                    entry.put("report", row.name());
                } else {
                    entry.put("section", section.title());
                    if (!row.name().isEmpty()) {
                        entry.put("case", row.name().replace("`", ""));
                    }
                }
                entry.put("n", row.stats().count());
                entry.put("p50", round(row.stats().p50()));
                entry.put("p90", round(row.stats().p90()));
                entry.put("p99", round(row.stats().p99()));
                entry.put("max", round(row.stats().max()));
                (report ? reports : latency).add(entry);
            }
        }
        results.put("latencyMs", latency);
        results.put("reports", reports);
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys in the order given, so two runs' files differ only where their figures do. */
    private static Map<String, Object> ordered(Object... nameValuePairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            map.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return map;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
