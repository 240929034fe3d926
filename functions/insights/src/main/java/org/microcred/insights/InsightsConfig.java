package org.microcred.insights;

import org.microcred.shared.config.FunctionEnvironment;

/**
 * The insight functions' settings; names match their Environment in template.yaml. The
 * aggregator has no use for the organisations table and is not given it.
 */
public record InsightsConfig(String insightsTable, String learningTable, String catalogTable,
                             String organizationsTable) {
    /** InsightsFunction (the reports). */
    public static InsightsConfig from(FunctionEnvironment environment) {
        return new InsightsConfig(environment.required("INSIGHTS_TABLE"), environment.required("LEARNING_TABLE"),
                environment.required("CATALOG_TABLE"), environment.required("ORGANIZATIONS_TABLE"));
    }

    /** InsightsAggregatorFunction. */
    public static InsightsConfig forAggregator(FunctionEnvironment environment) {
        return new InsightsConfig(environment.required("INSIGHTS_TABLE"), environment.required("LEARNING_TABLE"),
                environment.required("CATALOG_TABLE"), null);
    }
}
