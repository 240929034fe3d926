package org.microcred.badgeissuer.service;

import java.util.ArrayList;
import java.util.List;
import org.microcred.badgeissuer.model.Artifact;
import org.microcred.badgeissuer.model.Award;
import org.microcred.badgeissuer.model.MicroCredential;
import org.microcred.badgeissuer.model.MicroCredential.Criterion;
import org.microcred.records.badges.Badge.CriterionResult;
import org.microcred.records.badges.Badge.EvidenceRef;

/**
 * The summary of an award: each piece of evidence with its public name (the requirement it
 * answers) and, for the learner's own view only, its file name or link; and the level achieved
 * per rubric criterion, in the rubric's order. Shared by the credential and the badge item.
 */
final class AwardDetails {
    private AwardDetails() {
    }

    static List<EvidenceRef> evidence(MicroCredential microCredential, List<Artifact> artifacts) {
        List<EvidenceRef> entries = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            String requirement = microCredential.requirement(artifact.requirementId())
                    .map(MicroCredential.EvidenceRequirement::title).orElse(artifact.requirementId());
            // The public name is the requirement's title: a file name or a link is what the
            // learner shared with their coach, not with everyone who sees the badge.
            entries.add(new EvidenceRef(artifact.artifactId(), artifact.requirementId(), requirement,
                    artifact.kind(), requirement, "file".equals(artifact.kind()) ? artifact.fileName() : null,
                    "link".equals(artifact.kind()) ? artifact.url() : null));
        }
        return entries;
    }

    static List<CriterionResult> results(MicroCredential microCredential, Award award) {
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion criterion : microCredential.rubric()) {
            award.scores().stream().filter(score -> score.criterionId().equals(criterion.id())).findFirst()
                    .ifPresent(score -> results.add(new CriterionResult(criterion.id(), criterion.criterion(),
                            score.levelId(), criterion.level(score.levelId()).map(MicroCredential.Level::name)
                                    .orElse(score.levelId()), criterion.passes(score.levelId()))));
        }
        return results;
    }
}
