package org.microcred.insights.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** The report documents the API returns as JSON (and, flattened, as CSV). */
public final class Reports {
    private Reports() {
    }

    /** The period and the moment a report describes. */
    public record Period(String organizationId, String from, String to, String generatedAt,
                         int reviewTargetBusinessDays) {
    }

    public record MicroCredentialRow(String microCredentialId, String title, String collection, Double creditHours,
                                     @JsonUnwrapped ProgrammeFigures figures) {
    }

    public record CollectionRow(String collection, List<String> microCredentialIds,
                                @JsonUnwrapped ProgrammeFigures figures) {
    }

    public record CoachRow(String coachId, String name, long openLearners, long reviewsWaiting, long reviewsOverdue,
                           long decisions, long masteryDecisions, ProgrammeFigures.TimeToFeedback timeToFeedbackHours) {
    }

    public record MicroCredentialReport(@JsonUnwrapped Period period, List<MicroCredentialRow> microCredentials,
                                        ProgrammeFigures totals) {
    }

    public record CollectionReport(@JsonUnwrapped Period period, List<CollectionRow> collections,
                                   ProgrammeFigures totals) {
    }

    public record CoachReport(@JsonUnwrapped Period period, List<CoachRow> coaches) {
    }

    /** One micro-credential an educator mastered in the period, with the credit hours it carries. */
    public record Credit(String microCredentialId, String title, Double creditHours, String masteredAt) {
    }

    public record Educator(String learnerId, String name, String email, double totalCreditHours,
                           List<Credit> credentials) {
    }

    public record CreditReport(@JsonUnwrapped Period period, List<Educator> educators, double totalCreditHours) {
    }
}
