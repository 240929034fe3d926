package org.microcred.benchmarks.capacity;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The capacity journey as a section of docs/benchmarks.md. */
public final class CapacitySection {
    private CapacitySection() {
    }

    /** The whole section: heading, how it was measured, the table and where the units go. */
    public static String section(CapacityJourney.Result result) {
        double[] single = writes(result, true);
        double[] transactions = writes(result, false);
        return "## Capacity per journey\n\n" + String.format(Locale.ROOT, "One learner's whole journey through the "
                + "real handlers in-process (`CapacityJourney`): enrol alone; a PDF lesson plan declared, uploaded "
                + "to S3Proxy through its presigned PUT and confirmed, a written reflection and a link; submit; the "
                + "coach opens the submission and asks for a revision; the three pieces again for attempt 2 and a "
                + "resubmission; the coach opens it and records mastery; the learner reads `GET /me/badges`. After "
                + "each step the learning table's stream goes to NotificationFunction, BadgeIssuerFunction and "
                + "InsightsAggregatorFunction in batches of their template.yaml `BatchSize`, every record as the "
                + "local stack delivers them (the functions apply their filters themselves), round after round until "
                + "nothing new arrives: the rows marked ↳ (consumers with nothing to do are left out). Every "
                + "DynamoDB request of the functions asks for `ReturnConsumedCapacity` (an SDK interceptor on "
                + "their clients). Reads are DynamoDB Local's figures, which follow the billing rules (4 KB units, "
                + "half for eventually consistent reads), except that it reports 0 for a Query that finds "
                + "nothing, charged here as the minimum unit. Writes are computed from each item before and after "
                + "the request by the developer guide's rules: 1 KB units of the larger of the two; every item of "
                + "a TransactWriteItems twice (prepare and commit), a ConditionCheck included; one write of the "
                + "entry per global secondary index the write touches, two when an index key changes. For the "
                + "%d single-item writes that equals DynamoDB Local's own figure (%s WCU both ways); DynamoDB "
                + "Local's figures for TransactWriteItems do not follow the rules (4 WCU for one 30-byte Put, index "
                + "entries counted four times): %s WCU for the journey's transactions where the rules give %s. "
                + "Index writes a transaction causes are counted once (DynamoDB updates the indexes after the "
                + "commit, outside it). Reading a stream costs no capacity. Target: at most %s WCU and %s RCU per "
                + "journey; docs/capacity.md says what issue 16 changed to get here and what the rest would take.", (int) single[2], units(single[0]), units(transactions[1]), units(transactions[0]),
                units(CapacityJourney.WCU_TARGET), units(CapacityJourney.RCU_TARGET)) + "\n\n"
                + (result.disagreements().isEmpty() ? "" : "**Single-item writes where the rules and DynamoDB Local "
                + "differ:** " + String.join("; ", result.disagreements()) + "\n\n")
                + markdown(result, true);
    }

    /** Computed WCU, DynamoDB Local's WCU and the number of calls, of single-item writes or of the others. */
    private static double[] writes(CapacityJourney.Result result, boolean single) {
        double[] sums = new double[3];
        for (CapacityMeter.Step step : result.steps()) {
            for (CapacityMeter.Call call : step.calls()) {
                if (!call.writes().isEmpty() && call.single() == single) {
                    sums[0] += call.wcu();
                    sums[1] += call.localWcu();
                    sums[2]++;
                }
            }
        }
        return sums;
    }

    public static String markdown(CapacityJourney.Result result, boolean breakdown) {
        StringBuilder md = new StringBuilder();
        md.append("| # | step | function | RCU | WCU |\n|---|---|---|---|---|\n");
        int n = 0;
        for (CapacityMeter.Step step : result.steps()) {
            boolean stream = step.name().startsWith("↳");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", stream ? "" : Integer.toString(++n),
                    step.name(), step.function(), units(step.rcu()), units(step.wcu())));
        }
        md.append(String.format(Locale.ROOT, "| | **total** | | **%s** | **%s** |%n", units(result.rcu()),
                units(result.wcu())));
        md.append(String.format(Locale.ROOT, "| | target | | <= %s | <= %s |%n", units(CapacityJourney.RCU_TARGET),
                units(CapacityJourney.WCU_TARGET)));
        md.append("\nBy function:\n\n| function | RCU | WCU |\n|---|---|---|\n");
        byFunction(result).forEach((function, totals) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n",
                function, units(totals[0]), units(totals[1]))));
        if (breakdown) {
            md.append("\nWhere the write units go (table, index, item kind):\n\n| table | index | item | WCU |\n"
                    + "|---|---|---|---|\n");
            charges(result, false).forEach((key, units) -> md.append("| ").append(key).append(" | ")
                    .append(units(units)).append(" |\n"));
            md.append("\nWhere the read units go:\n\n| table | index | item or query | RCU |\n|---|---|---|---|\n");
            charges(result, true).forEach((key, units) -> md.append("| ").append(key).append(" | ")
                    .append(units(units)).append(" |\n"));
        }
        return md.toString();
    }

    /** Every request of every step with its charges: for finding where units go. */
    public static String calls(CapacityJourney.Result result) {
        StringBuilder text = new StringBuilder();
        for (CapacityMeter.Step step : result.steps()) {
            text.append(step.name()).append(" (").append(step.function()).append(")\n");
            for (CapacityMeter.Call call : step.calls()) {
                text.append("  ").append(call.operation()).append(call.failure() == null ? "" : " FAILED " + call.failure())
                        .append(" local=").append(units(call.localWcu())).append('\n');
                for (CapacityMeter.Charge charge : call.reads()) {
                    text.append("    R ").append(charge).append('\n');
                }
                for (CapacityMeter.Charge charge : call.writes()) {
                    text.append("    W ").append(charge).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** RCU and WCU per function, in the order functions first appear. */
    static Map<String, double[]> byFunction(CapacityJourney.Result result) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (CapacityMeter.Step step : result.steps()) {
            double[] sums = totals.computeIfAbsent(step.function(), f -> new double[2]);
            sums[0] += step.rcu();
            sums[1] += step.wcu();
        }
        return totals;
    }

    /** Units per table, index and item kind, largest first. */
    private static Map<String, Double> charges(CapacityJourney.Result result, boolean reads) {
        Map<String, Double> sums = new TreeMap<>();
        for (CapacityMeter.Step step : result.steps()) {
            for (CapacityMeter.Call call : step.calls()) {
                for (CapacityMeter.Charge charge : reads ? call.reads() : call.writes()) {
                    String key = charge.table() + " | " + (charge.index() == null ? "" : charge.index()) + " | `"
                            + charge.kind() + "`";
                    sums.merge(key, charge.units(), Double::sum);
                }
            }
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        sums.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    static String units(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The steps as rows for results.json. */
    public static List<Map<String, Object>> rows(CapacityJourney.Result result) {
        return result.steps().stream().map(step -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", step.name());
            row.put("function", step.function());
            row.put("rcu", step.rcu());
            row.put("wcu", step.wcu());
            return row;
        }).toList();
    }
}
