package org.microcred.assessors.service;

import java.time.Clock;
import org.microcred.assessors.store.AssessorStore;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.assessors.store.SubmissionReader;
import org.microcred.assessors.web.InvitationLinks;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.evidence.EvidenceFiles;

/** Everything the assessor routes use, wired once per container. */
public record AssessorServices(Inviting inviting, Accepting accepting, CalibrationSets sets, Calibrating calibrating,
                               AssessorReport report, AssessorStore store) {
    public static AssessorServices create(AssessorStore store, BadgeRecords badges, CatalogReader catalog,
                                          SubmissionReader submissions, LearningStore learning, EvidenceFiles files,
                                          InvitationLinks links, String apiUrl, String webAppUrl, Clock clock) {
        AssessorEmails emails = new AssessorEmails(webAppUrl);
        Evaluation evaluation = new Evaluation(store, catalog, learning, emails, clock);
        return new AssessorServices(new Inviting(store, badges, catalog, learning, links, emails, apiUrl, clock),
                new Accepting(store, badges, catalog, learning, links, clock),
                new CalibrationSets(store, catalog, submissions, learning, clock),
                new Calibrating(store, catalog, submissions, files, learning, evaluation, clock),
                new AssessorReport(store, clock), store);
    }
}
