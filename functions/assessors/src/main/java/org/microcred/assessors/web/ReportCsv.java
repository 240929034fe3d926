package org.microcred.assessors.web;

import java.util.stream.Collectors;
import org.microcred.assessors.service.AssessorReport;
import org.microcred.shared.web.Csv;

/** The assessor report as one spreadsheet row per assessor and micro-credential. */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String of(AssessorReport.Report report) {
        Csv csv = new Csv(java.util.List.of("userId", "name", "microCredentialId", "title", "status", "live",
                "invitedAt", "linkExpired", "acceptedAt", "liveAt", "scoresRecorded", "itemsCompared",
                "exactAgreement", "kappa", "outcomeAgreement", "criteriaExactAgreement", "criteriaKappa",
                "minimumKappa", "minimumExactAgreement", "meetsMinimum", "shortfall"));
        for (AssessorReport.Row row : report.assessors()) {
            csv.row(row.userId(), row.name(), row.microCredentialId(), row.title(), row.status().json(), row.live(),
                    row.invitedAt(), row.linkExpired(), row.acceptedAt(), row.liveAt(), row.scoresRecorded(),
                    row.itemsCompared(), row.exactAgreement(), row.kappa(), row.outcomeAgreement(),
                    row.criteria().stream().map(c -> c.criterionId() + "=" + c.exactAgreement())
                            .collect(Collectors.joining("; ")),
                    row.criteria().stream().map(c -> c.criterionId() + "=" + (c.kappa() == null ? "" : c.kappa()))
                            .collect(Collectors.joining("; ")),
                    row.minimumKappa(), row.minimumExactAgreement(), row.meetsMinimum(),
                    String.join("; ", row.shortfall()));
        }
        return csv.toString();
    }
}
