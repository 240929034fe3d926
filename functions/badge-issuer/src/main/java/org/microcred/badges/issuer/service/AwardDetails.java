package org.microcred.badges.issuer.service;

import java.util.ArrayList;
import java.util.List;
import org.microcred.badges.issuer.model.Artifact;
import org.microcred.badges.issuer.model.Award;
import org.microcred.badges.issuer.model.Badge.EvidenceEntry;
import org.microcred.badges.issuer.model.Badge.ResultEntry;
import org.microcred.badges.issuer.model.MicroCredential;
import org.microcred.badges.issuer.model.MicroCredential.Criterion;

/**
 * The public summary of an award: names of the evidence (never contents) and the level achieved
 * per rubric criterion, in the rubric's order. Shared by the credential and the badge item.
 */
final class AwardDetails {
    private AwardDetails() {
    }

    static List<EvidenceEntry> evidence(MicroCredential microCredential, List<Artifact> artifacts) {
        List<EvidenceEntry> entries = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            String requirement = microCredential.requirement(artifact.requirementId())
                    .map(MicroCredential.EvidenceRequirement::title).orElse(artifact.requirementId());
            entries.add(new EvidenceEntry(artifact.artifactId(), artifact.requirementId(), requirement,
                    artifact.kind(), name(artifact, requirement)));
        }
        return entries;
    }

    /** A file's own name, a link's address; written text is named by what it answers. */
    private static String name(Artifact artifact, String requirement) {
        return switch (artifact.kind()) {
            case "file" -> artifact.fileName() != null ? artifact.fileName() : requirement;
            case "link" -> artifact.url() != null ? artifact.url() : requirement;
            default -> "Written response: " + requirement;
        };
    }

    static List<ResultEntry> results(MicroCredential microCredential, Award award) {
        List<ResultEntry> results = new ArrayList<>();
        for (Criterion criterion : microCredential.rubric()) {
            award.scores().stream().filter(score -> score.criterionId().equals(criterion.id())).findFirst()
                    .ifPresent(score -> results.add(new ResultEntry(criterion.id(), criterion.criterion(),
                            score.levelId(), criterion.level(score.levelId()).map(MicroCredential.Level::name)
                                    .orElse(score.levelId()), criterion.passes(score.levelId()))));
        }
        return results;
    }
}
