package org.microcred.badgeissuer.service;

import org.microcred.badgeissuer.model.MicroCredential;
import org.microcred.badgeissuer.model.MicroCredential.Criterion;

/**
 * The achievement's {@code criteria.narrative} (Markdown): what an earner demonstrated and how a
 * coach judged it, built from the competency, the evidence requirements and the rubric's
 * passing levels of the published version.
 */
final class CriteriaNarrative {
    private CriteriaNarrative() {
    }

    static String of(MicroCredential mc) {
        StringBuilder text = new StringBuilder();
        if (mc.competency() != null && !mc.competency().isBlank()) {
            text.append("Competency: ").append(mc.competency().strip()).append("\n\n");
        }
        text.append("The earner submitted evidence of applying this competency in their practice:\n\n");
        for (MicroCredential.EvidenceRequirement requirement : mc.evidenceRequirements()) {
            text.append("- ").append(requirement.title());
            if (requirement.prompt() != null && !requirement.prompt().isBlank()) {
                text.append(": ").append(requirement.prompt().strip());
            }
            text.append('\n');
        }
        text.append("\nA coach assessed the evidence against the rubric and awarded the credential only when "
                + "every criterion reached at least its passing level:\n\n");
        for (Criterion criterion : mc.rubric()) {
            text.append("- ").append(criterion.criterion());
            criterion.passingLevel().ifPresent(level -> text.append(" (at least \"").append(level.name())
                    .append("\")"));
            text.append('\n');
        }
        return text.toString().strip();
    }
}
