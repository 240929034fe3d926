package org.microcred.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the benchmark results as the Markdown page docs/benchmarks.md. */
final class Report {
    private Report() {
    }

    static String render(String command, int runs, List<ColdStart.Result> coldStarts, int catalogSize,
                         double loadSeconds, Stats warm, Stats enrol, Stats presign, Stats reviewPage,
                         Map<String, Long> jars) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n")
                .append("Produced by `").append(command).append("` on ").append(LocalDate.now())
                .append(" (").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(System.getProperty("os.name"))
                .append("). The page is rewritten by every run; numbers from a laptop or CI box differ from\n")
                .append("Lambda's, so compare rows of the same run, not runs of different machines.\n\n");
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
        md.append("\n## Warm search\n\n")
                .append(String.format(Locale.ROOT, "`GET /microcredentials?q=...` through the real handler in-process, with %,d "
                        + "published micro-credentials (loaded through the authoring service in %.0f s). Each request runs "
                        + "the in-memory search and the JSON response; the index refreshes from the ByChange index "
                        + "(a Query, no Scan) against DynamoDB Local at most once a second, as deployed. "
                        + "Queries of one or two words, every fifth with a collection filter; 2,000 warm-up requests, then "
                        + "%,d measured. Target p99 <= 10 ms.%n%n", catalogSize, loadSeconds, warm.count()))
                .append("| p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| %.2f | %.2f | %.2f | %.2f |%n", warm.p50(), warm.p90(), warm.p99(), warm.max()));
        md.append("\n## Warm enrolment\n\n")
                .append(String.format(Locale.ROOT, "`POST /microcredentials/{id}/enrollments` through the real handler in-process, "
                        + "each a different learner enrolling alone in one of 10 published micro-credentials of an organisation "
                        + "open to anyone, with two qualified coaches: eligibility, coach choice, and one transaction "
                        + "(guard, enrolment, coach load, two outbox emails) against DynamoDB Local. %,d measured after "
                        + "300 warm-up.%n%n", enrol.count()))
                .append("| p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| %.2f | %.2f | %.2f | %.2f |%n", enrol.p50(), enrol.p90(), enrol.p99(), enrol.max()));
        md.append("\n## Warm presign\n\n")
                .append(String.format(Locale.ROOT, "`POST /enrollments/{id}/artifacts` declaring a 0.5 MB PDF through the real "
                        + "handler in-process: access check, requirement check, the artifact write and a presigned PUT "
                        + "signing content type and length. %,d measured after 500 warm-up.%n%n", presign.count()))
                .append("| p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| %.2f | %.2f | %.2f | %.2f |%n", presign.p50(), presign.p90(), presign.p99(), presign.max()));
        md.append("\n## Warm review page\n\n")
                .append(String.format(Locale.ROOT, "`GET /review/{token}` rendering the coach's page for a submitted attempt "
                        + "through the real handler in-process: token check, enrolment, attempt, artifacts, rubric and "
                        + "earlier attempts read from DynamoDB Local, escaped HTML. %,d measured after 300 warm-up.%n%n",
                        reviewPage.count()))
                .append("| p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| %.2f | %.2f | %.2f | %.2f |%n", reviewPage.p50(), reviewPage.p90(),
                        reviewPage.p99(), reviewPage.max()));
        md.append("\n## Deployment jar sizes\n\n| jar | size |\n|---|---|\n");
        jars.forEach((jar, bytes) -> md.append(String.format(Locale.ROOT, "| %s | %.1f MiB |%n", jar, bytes / 1048576.0)));
        return md.toString();
    }
}
