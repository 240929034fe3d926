package org.microcred.insights.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.microcred.insights.report.ProgrammeFigures;
import org.microcred.insights.report.Reports;
import org.microcred.shared.web.Csv;

/** The reports flattened to one row per line, the way district staff use them in a spreadsheet. */
final class CsvViews {
    private static final List<String> FIGURES = List.of("enrolled", "active", "submitted", "mastered", "withdrawn",
            "awaitingReview", "reviewsOverdue", "decisions", "firstAttemptPassRate", "overallPassRate",
            "attemptsToMasteryMedian", "masteredAt1stAttempt", "masteredAt2ndAttempt", "masteredAt3rdAttempt",
            "masteredAt4thOrLaterAttempt", "timeToFeedbackMedianHours", "timeToFeedbackP90Hours");

    private CsvViews() {
    }

    static Csv microCredentials(Reports.MicroCredentialReport report) {
        Csv csv = new Csv(header(List.of("microCredentialId", "title", "collection", "creditHours")));
        for (var row : report.microCredentials()) {
            csv.row(cells(row.figures(), row.microCredentialId(), row.title(), row.collection(), row.creditHours()));
        }
        return csv;
    }

    static Csv collections(Reports.CollectionReport report) {
        Csv csv = new Csv(header(List.of("collection", "microCredentials")));
        for (var row : report.collections()) {
            csv.row(cells(row.figures(), row.collection(), row.microCredentialIds().size()));
        }
        return csv;
    }

    static Csv coaches(Reports.CoachReport report) {
        Csv csv = new Csv(List.of("coachId", "name", "openLearners", "reviewsWaiting", "reviewsOverdue", "decisions",
                "masteryDecisions", "timeToFeedbackMedianHours", "timeToFeedbackP90Hours"));
        for (var row : report.coaches()) {
            csv.row(row.coachId(), row.name(), row.openLearners(), row.reviewsWaiting(), row.reviewsOverdue(),
                    row.decisions(), row.masteryDecisions(), row.timeToFeedbackHours().median(),
                    row.timeToFeedbackHours().p90());
        }
        return csv;
    }

    /**
     * One line per micro-credential an educator mastered, then a {@code total} line with the
     * educator's credit hours; the first column tells the two apart for spreadsheet filters.
     */
    static Csv credits(Reports.CreditReport report) {
        Csv csv = new Csv(List.of("row", "learnerId", "name", "email", "microCredentialId", "title", "masteredAt",
                "creditHours"));
        for (var educator : report.educators()) {
            for (var credit : educator.credentials()) {
                csv.row("credential", educator.learnerId(), educator.name(), educator.email(), credit.microCredentialId(),
                        credit.title(), credit.masteredAt(), credit.creditHours());
            }
            csv.row("total", educator.learnerId(), educator.name(), educator.email(), null, null, null,
                    educator.totalCreditHours());
        }
        return csv;
    }

    private static List<String> header(List<String> leading) {
        List<String> header = new ArrayList<>(leading);
        header.addAll(FIGURES);
        return header;
    }

    private static Object[] cells(ProgrammeFigures f, Object... leading) {
        List<Object> cells = new ArrayList<>(Arrays.asList(leading));
        Map<String, Long> distribution = f.attemptsToMastery().distribution();
        long later = distribution.entrySet().stream().filter(e -> Integer.parseInt(e.getKey()) >= 4)
                .mapToLong(Map.Entry::getValue).sum();
        cells.addAll(Arrays.asList(f.enrolled(), f.active(), f.submitted(), f.mastered(), f.withdrawn(),
                f.awaitingReview(), f.reviewsOverdue(), f.decisions(), f.firstAttemptPassRate(), f.overallPassRate(),
                f.attemptsToMastery().median(), distribution.getOrDefault("1", 0L), distribution.getOrDefault("2", 0L),
                distribution.getOrDefault("3", 0L), later, f.timeToFeedbackHours().median(),
                f.timeToFeedbackHours().p90()));
        return cells.toArray();
    }
}
