package org.microcred.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Writes the benchmark results as the Markdown page docs/benchmarks.md. */
final class Report {
    private Report() {
    }

    static String render(String command, int runs, List<ColdStart.Result> coldStarts, List<LatencySection> sections,
                         String capacitySection, String jarSection, String machineLoad) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n")
                .append("Produced by `").append(command).append("` on ").append(LocalDate.now())
                .append(" (").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(System.getProperty("os.name"))
                .append("). The page is rewritten by every run; numbers from a laptop or CI box differ from\n")
                .append("Lambda's, so compare rows of the same run, not runs of different machines. ")
                .append(machineLoad).append("\n\n");
        md.append(coldStartTable(runs, coldStarts));
        md.append(coldStartBreakdown(coldStarts));
        for (LatencySection section : sections) {
            md.append("\n## ").append(section.title()).append("\n\n").append(section.description()).append("\n\n");
            boolean named = section.rows().size() > 1 || !section.rows().get(0).name().isEmpty();
            md.append(named ? "| case | n | p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n"
                    : "| n | p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
            for (LatencySection.Row row : section.rows()) {
                Stats stats = row.stats();
                md.append(named ? "| " + row.name() + " " : "").append(String.format(Locale.ROOT,
                        "| %,d | %.2f | %.2f | %.2f | %.2f |%n", stats.count(), stats.p50(), stats.p90(), stats.p99(),
                        stats.max()));
            }
        }
        md.append('\n').append(capacitySection);
        md.append(jarSection);
        return md.toString();
    }

    /** The cold-start table: each function's launches against its baseline's. */
    static String coldStartTable(int runs, List<ColdStart.Result> coldStarts) {
        StringBuilder md = new StringBuilder();
        md.append("## Cold start\n\n")
                .append("A fresh JVM (flags as in template.yaml: `-XX:+TieredCompilation -XX:TieredStopAtLevel=1`) ")
                .append("with the function's deployment jar on the classpath, from process launch to the first response ")
                .append("of one real request against DynamoDB Local. The baseline is a handler that makes the same single ")
                .append("SDK call with the same client setup and nothing else, launched alternately in the same run. ")
                .append(runs).append(" launches each after one discarded launch; target ratio <= 1.3.\n\n")
                .append("| function | request | p50 ms | p90 ms | max ms | baseline p50 ms | ratio (p50) |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (ColdStart.Result result : coldStarts) {
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %.0f | %.0f | %.0f | %.0f | %.2f |%n", result.function(),
                    result.request(), result.handler().p50(), result.handler().p90(), result.handler().max(),
                    result.baseline().p50(), result.ratio()));
        }
        return md.toString();
    }

    /** Where each cold start's time goes, function against baseline, from the probe's own clock. */
    static String coldStartBreakdown(List<ColdStart.Result> coldStarts) {
        StringBuilder md = new StringBuilder("\n### Where the cold start goes\n\n")
                .append("Medians of the same launches, function / baseline. *JVM* is process launch to the probe's `main` ")
                .append("(JVM boot and opening the jar, the same work for both); *construct* is the handler's no-arg ")
                .append("constructor with its static initialisers (SDK clients, mappers, templates, keys: what SnapStart ")
                .append("restores from its snapshot); *first request* is the handler's first `handleRequest`, network ")
                .append("calls included; *classes* is how many classes the JVM had loaded by the response. ")
                .append("docs/cold-start.md says how to see which classes a step loads and what issue 16 cut.\n\n")
                .append("| function | JVM ms | construct ms | first request ms | classes |\n|---|---|---|---|---|\n");
        for (ColdStart.Result result : coldStarts) {
            ColdStart.Phases handler = result.handlerPhases();
            ColdStart.Phases baseline = result.baselinePhases();
            md.append(String.format(Locale.ROOT, "| %s | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %,.0f / %,.0f |%n",
                    result.function(), handler.jvm(), baseline.jvm(), handler.construct(), baseline.construct(),
                    handler.request(), baseline.request(), handler.classes(), baseline.classes()));
        }
        return md.toString();
    }
}
