package org.microcred.insights.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.microcred.insights.report.DateRange;
import org.microcred.insights.report.ProgrammeReports;
import org.microcred.shared.http.Route;
import org.microcred.shared.http.Routes;
import org.microcred.shared.json.Json;
import org.microcred.shared.web.Csv;

/** The report routes: check the caller, read the parameters, answer JSON or a CSV download. */
public final class ReportRoutes {
    static final String BASE = "/orgs/{orgId}/reports/";

    private ReportRoutes() {
    }

    public static Routes of(ProgrammeReports reports, Clock clock) {
        return Routes.builder()
                .get(BASE + "microcredentials", report("microcredentials", clock, reports::microCredentials,
                        CsvViews::microCredentials))
                .get(BASE + "collections", report("collections", clock, reports::collections, CsvViews::collections))
                .get(BASE + "coaches", report("coaches", clock, reports::coaches, CsvViews::coaches))
                .get(BASE + "credits", report("credits", clock, reports::credits, CsvViews::credits))
                .build();
    }

    private static <R> Route report(String name, Clock clock,
                                     BiFunction<String, DateRange, R> build, Function<R, Csv> toCsv) {
        return request -> {
            ReportAccess.require(request.caller(), request.pathParameter("orgId"));
            ReportRequest parameters = ReportRequest.of(request, clock);
            R report = build.apply(parameters.organizationId(), parameters.range());
            boolean gzip = request.header("accept-encoding").orElse("").toLowerCase(Locale.ROOT).contains("gzip");
            return parameters.csv() ? csv(parameters, name, toCsv.apply(report), gzip)
                    : LargeResponses.respond("application/json", json(report), Map.of(), gzip);
        };
    }

    private static LargeResponses.Body json(Object report) {
        return new LargeResponses.Body() {
            @Override
            public String text() {
                return Json.write(report);
            }

            @Override
            public void writeUtf8(OutputStream out) throws IOException {
                Json.mapper().writeValue(out, report);
            }
        };
    }

    private static APIGatewayV2HTTPResponse csv(ReportRequest parameters, String name, Csv csv, boolean gzip) {
        LargeResponses.Body body = new LargeResponses.Body() {
            @Override
            public String text() {
                return csv.toString();
            }

            @Override
            public void writeUtf8(OutputStream out) throws IOException {
                csv.writeUtf8(out);
            }
        };
        return LargeResponses.respond("text/csv; charset=utf-8; header=present", body,
                Map.of("content-disposition", "attachment; filename=\"" + parameters.fileName(name) + "\""), gzip);
    }
}
