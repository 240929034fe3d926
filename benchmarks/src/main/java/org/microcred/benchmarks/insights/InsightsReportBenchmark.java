package org.microcred.benchmarks.insights;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.microcred.benchmarks.Stats;
import org.microcred.emulators.LocalEmulators;
import org.microcred.emulators.SamTemplate;
import org.microcred.emulators.SesMode;
import org.microcred.emulators.junit.HttpApiEvents;
import org.microcred.insights.InsightsHandler;
import org.microcred.shared.config.FunctionEnvironment;

/**
 * Warm latency of the programme reports for one organisation with 50,000 enrolments over a
 * year (see {@link InsightsProgrammeData}), through the real InsightsHandler in-process against
 * DynamoDB Local. Runs alone with
 * {@code mvn -q -B -o -pl benchmarks exec:java -Dexec.mainClass=org.microcred.benchmarks.insights.InsightsReportBenchmark}.
 */
public final class InsightsReportBenchmark {
    public static final int ENROLMENTS = 50_000;
    private static final String YEAR_FROM = "2025-11-24";
    private static final String TO = "2026-11-23";

    private InsightsReportBenchmark() {
    }

    /** The reports measured: each of the four over a school year, as JSON and as CSV, asked for as a browser does (accepting gzip). */
    public static Map<String, APIGatewayV2HTTPEvent> requests() {
        Map<String, APIGatewayV2HTTPEvent> requests = new LinkedHashMap<>();
        for (String report : List.of("microcredentials", "collections", "coaches", "credits")) {
            String name = report.equals("microcredentials") ? "micro-credentials" : report;
            requests.put(name + ", 365 days (JSON)", event(report, YEAR_FROM, "json"));
            requests.put(name + ", 365 days (CSV)", event(report, YEAR_FROM, "csv"));
        }
        return requests;
    }

    /** p50/p90/p99/max of each report after {@code warmup} calls (the first credits call keeps the finished months). */
    public static Map<String, Stats> measure(InsightsHandler handler, int warmup, int samples) {
        Map<String, Stats> stats = new LinkedHashMap<>();
        requests().forEach((name, event) -> {
            for (int i = 0; i < warmup; i++) {
                call(handler, event);
            }
            double[] millis = new double[samples];
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                call(handler, event);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            stats.put(name, Stats.of(millis));
        });
        return stats;
    }

    /** The handler as deployed, its clock at the fixture's "now" so the year of data is in range. */
    public static InsightsHandler handler(Map<String, String> environment) {
        return new InsightsHandler(FunctionEnvironment.of(environment), Clock.fixed(InsightsProgrammeData.NOW, ZoneOffset.UTC));
    }

    public static void main(String[] args) throws Exception {
        int samples = Integer.getInteger("bench.samples", 200);
        SamTemplate template = SamTemplate.locate();
        try (LocalEmulators emulators = LocalEmulators.builder().inMemory().ses(SesMode.OFF).start()) {
            Map<String, String> names = emulators.createResources(template, "");
            InsightsProgrammeData.Loaded loaded = InsightsProgrammeData.load(emulators.dynamoDb(), names, ENROLMENTS);
            System.out.printf(Locale.ROOT, "Loaded %,d enrolments (%,d stream changes) as %,d aggregate items, %,d credit "
                            + "items and %,d waiting reviews in %.0f s%n", loaded.enrolments(), loaded.streamChanges(),
                    loaded.aggregateItems(), loaded.creditItems(), loaded.waitingReviews(), loaded.seconds());
            InsightsHandler handler = handler(emulators.functionEnvironment(template, "InsightsFunction", names));
            measure(handler, 20, samples).forEach((name, s) -> System.out.printf(Locale.ROOT,
                    "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, s.count(), s.p50(), s.p90(), s.p99(), s.max()));
            requests().forEach((name, event) -> {
                var response = handler.dispatch(event);
                System.out.printf(Locale.ROOT, "%s: %,d bytes sent%s%n", name, response.getBody().length(),
                        Boolean.TRUE.equals(response.getIsBase64Encoded()) ? " (gzip, base64)" : "");
            });
        }
        System.exit(0);
    }

    private static APIGatewayV2HTTPEvent event(String report, String from, String format) {
        return HttpApiEvents.event("GET /orgs/{orgId}/reports/" + report,
                "/orgs/" + InsightsProgrammeData.ORG + "/reports/" + report, Map.of("orgId", InsightsProgrammeData.ORG),
                Map.of("from", from, "to", TO, "format", format), Map.of("accept-encoding", "gzip, deflate, br"),
                Map.of("sub", "bench-admin", "custom:orgId", InsightsProgrammeData.ORG, "cognito:groups", "[org-admin]"),
                null);
    }

    private static void call(InsightsHandler handler, APIGatewayV2HTTPEvent event) {
        int status = handler.dispatch(event).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("report answered " + status);
        }
    }
}
