package org.microcred.insights;

import java.time.Clock;
import org.microcred.insights.report.ProgrammeReports;
import org.microcred.insights.store.CreditHistory;
import org.microcred.insights.store.CatalogLookup;
import org.microcred.insights.store.OrganizationLookup;
import org.microcred.insights.web.ReportRoutes;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.insights.AggregateReader;
import org.microcred.records.insights.CreditSnapshots;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.records.learning.LearningLookup;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.http.HttpFunction;
import org.microcred.shared.identity.Role;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingRequest;

/**
 * InsightsFunction: an organisation's programme reports ({@code GET /orgs/{orgId}/reports/...}),
 * JSON or CSV, built from the aggregates the stream keeps. Read-only.
 */
public class InsightsHandler extends HttpFunction {

    /** Used by AWS Lambda. */
    public InsightsHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack and tests, which run functions with their own environment. */
    public InsightsHandler(FunctionEnvironment environment) {
        this(environment, Clock.systemUTC());
    }

    public InsightsHandler(FunctionEnvironment environment, Clock clock) {
        this(reports(InsightsConfig.from(environment), environment, clock), clock);
        Priming.register(this, PrimingRequest.get("/orgs/{orgId}/reports/microcredentials").as(Role.ORG_ADMIN));
    }

    public InsightsHandler(ProgrammeReports reports, Clock clock) {
        super(ReportRoutes.of(reports, clock));
    }

    private static ProgrammeReports reports(InsightsConfig config, FunctionEnvironment environment, Clock clock) {
        var aggregates = AggregateReader.forEnvironment(environment, config.insightsTable());
        return new ProgrammeReports(aggregates, new CreditHistory(aggregates,
                        CreditSnapshots.forEnvironment(environment, config.insightsTable(), clock), clock),
                new CatalogLookup(PublishedCatalog.forEnvironment(environment, config.catalogTable()), clock),
                LearningLookup.forEnvironment(environment, config.learningTable()),
                new OrganizationLookup(
                        OrganizationsTable.forEnvironment(environment, config.organizationsTable())), clock);
    }
}
