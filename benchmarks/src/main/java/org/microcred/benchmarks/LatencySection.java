package org.microcred.benchmarks;

import java.util.List;

/**
 * One in-process latency result for docs/benchmarks.md: a heading, what was measured and how,
 * and one row of percentiles per measured case (a single unnamed row for most sections).
 */
public record LatencySection(String title, String description, List<Row> rows) {

    /** A named measurement; the name is the first column when a section has several rows. */
    public record Row(String name, Stats stats) {
    }

    public static LatencySection single(String title, String description, Stats stats) {
        return new LatencySection(title, description, List.of(new Row("", stats)));
    }
}
