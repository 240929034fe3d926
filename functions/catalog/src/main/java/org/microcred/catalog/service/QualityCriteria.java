package org.microcred.catalog.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.records.catalog.EvidenceRequirement;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.RubricCriterion;
import org.microcred.records.catalog.RubricLevel;

/**
 * The quality bar a micro-credential must clear before educators can earn it: one competency,
 * a key method, evidence that can be judged and a rubric that judges all of it. Every failure
 * is reported at once so an author fixes everything in one pass.
 */
public final class QualityCriteria {
    private final List<FieldError> failures = new ArrayList<>();

    private QualityCriteria() {
    }

    /** @throws RuleBroken listing every failed criterion */
    public static void require(MicroCredentialDocument document) {
        List<FieldError> failures = evaluate(document);
        if (!failures.isEmpty()) {
            throw new RuleBroken("quality-criteria", "The micro-credential does not meet the quality criteria",
                    failures.size() + " quality criteria are not met; fix each listed in errors and publish again.",
                    failures);
        }
    }

    public static List<FieldError> evaluate(MicroCredentialDocument document) {
        QualityCriteria criteria = new QualityCriteria();
        criteria.check(document);
        return List.copyOf(criteria.failures);
    }

    private void check(MicroCredentialDocument d) {
        present("title", d.title(), "a title is required");
        present("summary", d.summary(), "a summary is required for the catalog listing");
        present("collection", d.collection(), "a collection is required so educators can find it");
        if (d.competencies().size() != 1) {
            fail("competencies", "exactly one competency is required (has " + d.competencies().size() + ")");
        }
        present("keyMethod", d.keyMethod(), "a key method is required");
        checkEvidence(d.evidenceRequirements());
        checkRubric(d.rubric(), d.evidenceRequirements());
    }

    private void checkEvidence(List<EvidenceRequirement> requirements) {
        if (requirements.isEmpty()) {
            fail("evidenceRequirements", "at least one evidence requirement is required");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < requirements.size(); i++) {
            EvidenceRequirement requirement = requirements.get(i);
            String path = "evidenceRequirements[" + i + "]";
            if (!ids.add(requirement.id())) {
                fail(path + ".id", "evidence requirement id \"" + requirement.id() + "\" is used twice");
            }
            present(path + ".prompt", requirement.prompt(), "each evidence requirement needs a prompt");
            if (requirement.kinds().isEmpty()) {
                fail(path + ".kinds", "each evidence requirement must allow at least one kind (file, text or link)");
            }
            if (requirement.acceptsFiles()) {
                if (requirement.mediaTypes().isEmpty()) {
                    fail(path + ".mediaTypes", "a requirement that accepts files must list the allowed media types");
                }
                if (requirement.maxSizeBytes() == null) {
                    fail(path + ".maxSizeBytes", "a requirement that accepts files must set a maximum size");
                }
            }
        }
    }

    private void checkRubric(List<RubricCriterion> rubric, List<EvidenceRequirement> requirements) {
        if (rubric.isEmpty()) {
            fail("rubric", "a rubric with at least one criterion is required");
        }
        Set<String> requirementIds = new HashSet<>();
        requirements.forEach(r -> requirementIds.add(r.id()));
        Set<String> covered = new HashSet<>();
        Set<String> criterionIds = new HashSet<>();
        for (int i = 0; i < rubric.size(); i++) {
            RubricCriterion criterion = rubric.get(i);
            String path = "rubric[" + i + "]";
            if (!criterionIds.add(criterion.id())) {
                fail(path + ".id", "rubric criterion id \"" + criterion.id() + "\" is used twice");
            }
            checkLevels(path, criterion.levels());
            for (int j = 0; j < criterion.evidenceRequirementIds().size(); j++) {
                String id = criterion.evidenceRequirementIds().get(j);
                if (!requirementIds.contains(id)) {
                    fail(path + ".evidenceRequirementIds[" + j + "]", "names evidence requirement \"" + id
                            + "\", which does not exist");
                }
                covered.add(id);
            }
        }
        for (int i = 0; i < requirements.size(); i++) {
            if (!covered.contains(requirements.get(i).id())) {
                fail("evidenceRequirements[" + i + "]", "evidence requirement \"" + requirements.get(i).id()
                        + "\" is not assessed by any rubric criterion");
            }
        }
    }

    private void checkLevels(String path, List<RubricLevel> levels) {
        if (levels.size() < 2) {
            fail(path + ".levels", "each criterion needs at least two ordered levels (has " + levels.size() + ")");
        }
        long passing = levels.stream().filter(RubricLevel::passing).count();
        if (passing != 1) {
            fail(path + ".levels", "exactly one level must be marked passing (has " + passing + ")");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            if (!ids.add(levels.get(i).id())) {
                fail(path + ".levels[" + i + "].id", "level id \"" + levels.get(i).id() + "\" is used twice");
            }
        }
    }

    private void present(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            fail(field, message);
        }
    }

    private void fail(String field, String message) {
        failures.add(new FieldError(field, message));
    }
}
