package org.microcred.badgeissuer.model;

import java.util.List;
import java.util.Optional;

/**
 * The published micro-credential version a badge is for (see docs/catalog-format.md).
 *
 * @param creditHours null when the version sets none
 */
public record MicroCredential(String id, int version, String title, String summary, String description,
                              String competency, Double creditHours, List<EvidenceRequirement> evidenceRequirements,
                              List<Criterion> rubric) {
    public MicroCredential {
        evidenceRequirements = List.copyOf(evidenceRequirements);
        rubric = List.copyOf(rubric);
    }

    public Optional<EvidenceRequirement> requirement(String requirementId) {
        return evidenceRequirements.stream().filter(r -> r.id().equals(requirementId)).findFirst();
    }

    public Optional<Criterion> criterion(String criterionId) {
        return rubric.stream().filter(c -> c.id().equals(criterionId)).findFirst();
    }

    public record EvidenceRequirement(String id, String title, String prompt) {
    }

    /** A rubric criterion; levels from lowest to highest, exactly one marked passing. */
    public record Criterion(String id, String criterion, String description, List<Level> levels) {
        public Criterion {
            levels = List.copyOf(levels);
        }

        public Optional<Level> level(String levelId) {
            return levels.stream().filter(l -> l.id().equals(levelId)).findFirst();
        }

        public Optional<Level> passingLevel() {
            return levels.stream().filter(Level::passing).findFirst();
        }

        /** The passing level and every level above it pass. */
        public boolean passes(String levelId) {
            boolean passingSeen = false;
            for (Level level : levels) {
                passingSeen |= level.passing();
                if (level.id().equals(levelId)) {
                    return passingSeen;
                }
            }
            return false;
        }
    }

    public record Level(String id, String name, String description, boolean passing) {
    }
}
