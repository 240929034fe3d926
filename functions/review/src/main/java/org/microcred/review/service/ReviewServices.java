package org.microcred.review.service;

import java.time.Clock;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.DecisionStore;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.evidence.EvidenceFiles;
import org.microcred.reviewlinks.ReviewLinks;

/** Everything the review routes use, wired once per container. */
public record ReviewServices(ReviewAccess access, Deciding deciding, Reviewing reviewing, OverdueReviews overdue,
                             ReviewLinks links, byte[] formKey, EvidenceFiles files, String webAppUrl, Clock clock) {
    public static ReviewServices create(LearningStore learning, OrganizationDirectory directory, CoachPools coaches, ArtifactStore artifacts,
                                        DecisionStore decisions, Rubrics rubrics, EvidenceFiles files,
                                        ReviewLinks links, byte[] linkKey, String webAppUrl, Clock clock) {
        Deciding deciding = new Deciding(learning, coaches, decisions, rubrics, new DecisionEmails(webAppUrl),
                clock);
        return new ReviewServices(new ReviewAccess(learning, artifacts, coaches), deciding,
                new Reviewing(artifacts, decisions, deciding, clock), new OverdueReviews(learning, directory, clock),
                links, linkKey, files, webAppUrl, clock);
    }
}
