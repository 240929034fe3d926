package org.microcred.assessors.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.microcred.assessors.store.AssessorStore;
import org.microcred.records.organizations.Assessor;
import org.microcred.records.organizations.AssessorStatus;
import org.microcred.records.organizations.CalibrationResult;
import org.microcred.records.organizations.CriterionAgreement;
import org.microcred.shared.identity.Caller;

/**
 * The organisation's assessors for its admins: where each is on the pathway and their agreement
 * with the reference decisions. Names and ids only: no evidence, no learners, no email addresses.
 * One Query of the organisation's partition.
 */
public class AssessorReport {
    private final AssessorStore store;
    private final Clock clock;

    public AssessorReport(AssessorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record Report(String organizationId, String generatedAt, List<Row> assessors) {
        public Report {
            assessors = List.copyOf(assessors);
        }
    }

    /**
     * One assessor for one micro-credential. Agreement figures are null until calibration is
     * evaluated; {@code linkExpired} only matters while invited.
     */
    public record Row(String userId, String name, String microCredentialId, String title, AssessorStatus status,
                      boolean live, String invitedAt, boolean linkExpired, String acceptedAt, String liveAt,
                      int scoresRecorded, Integer itemsCompared, Double exactAgreement, Double kappa,
                      Double outcomeAgreement, List<CriterionAgreement> criteria, double minimumKappa,
                      Double minimumExactAgreement, Boolean meetsMinimum, List<String> shortfall) {
    }

    public Report report(Caller caller, String organizationId) {
        caller.requireAdminOf(organizationId);
        Instant now = clock.instant();
        List<Row> rows = store.assessors(organizationId).stream()
                .sorted(Comparator.comparing(Assessor::microCredentialId).thenComparing(Assessor::name,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .map(assessor -> row(assessor, now)).toList();
        return new Report(organizationId, Timestamps.format(now), rows);
    }

    private static Row row(Assessor a, Instant now) {
        CalibrationResult c = a.calibration();
        boolean expired = a.status() == AssessorStatus.INVITED && !Instant.parse(a.linkExpiresAt()).isAfter(now);
        return new Row(a.userId(), a.name(), a.microCredentialId(), a.microCredentialTitle(), a.status(), a.isLive(),
                a.invitedAt(), expired, a.acceptedAt(), a.liveAt(), a.scoresRecorded(),
                c == null ? null : c.items(), c == null ? null : c.exactAgreement(), c == null ? null : c.kappa(),
                c == null ? null : c.outcomeAgreement(), c == null ? List.of() : c.criteria(), a.minimumKappa(),
                a.minimumExactAgreement(), c == null ? null : c.meetsMinimum(),
                c == null ? List.of() : c.shortfall());
    }
}
