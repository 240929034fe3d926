package org.microcred.badgeissuer.store;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.microcred.badgeissuer.model.Artifact;
import org.microcred.badgeissuer.model.Enrollment;
import org.microcred.badgeissuer.model.Issuer;
import org.microcred.badgeissuer.model.MicroCredential;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.catalog.RubricCriterion;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.config.FunctionEnvironment;

/**
 * What a badge is built from, in the issuer's words, read through each table's library: the
 * enrolment and the mastered attempt's artifacts (records/learning), the published
 * micro-credential version (records/catalog, which keeps each version it read for the life of
 * the container) and the offering organisation's profile (records/organizations).
 */
public class AwardStore {
    private final LearningStore enrollments;
    private final ArtifactStore artifacts;
    private final PublishedCatalog catalog;
    private final OrganizationProfiles profiles;

    public AwardStore(LearningStore enrollments, ArtifactStore artifacts, PublishedCatalog catalog,
                      OrganizationProfiles profiles) {
        this.enrollments = enrollments;
        this.artifacts = artifacts;
        this.catalog = catalog;
        this.profiles = profiles;
    }

    /** The tables as the function reaches them. */
    public static AwardStore forEnvironment(FunctionEnvironment environment, String learningTable,
                                            String catalogTable, String organizationsTable) {
        return new AwardStore(LearningStore.forEnvironment(environment, learningTable, organizationsTable),
                ArtifactStore.forEnvironment(environment, learningTable),
                PublishedCatalog.forEnvironment(environment, catalogTable),
                new OrganizationProfiles(OrganizationsTable.forEnvironment(environment, organizationsTable)));
    }

    /** The enrolment, read strongly consistent. */
    public Optional<Enrollment> enrollment(String enrollmentId) {
        return enrollments.find(enrollmentId).map(e -> new Enrollment(enrollmentId, e.learner().id(),
                e.learner().name(), e.learner().email(), e.organizationId(), e.organizationName(),
                e.microCredentialId(), e.microCredentialVersion(), e.microCredentialTitle()));
    }

    /** The published version; absent texts read as empty, an evidence requirement without a title by its id. */
    public Optional<MicroCredential> microCredential(String microCredentialId, int version) {
        return catalog.version(microCredentialId, version)
                .map(published -> microCredential(microCredentialId, version, published.document()));
    }

    /** The organisation's issuer profile, its name falling back to the enrolment's copy if it has none. */
    public Issuer issuer(String organizationId, String fallbackName) {
        return profiles.find(organizationId).map(profile -> new Issuer(organizationId,
                        profile.name() == null || profile.name().isBlank() ? fallbackName : profile.name(),
                        profile.issuer().url(), profile.issuer().email(), profile.issuer().description(),
                        profile.issuer().imageUrl()))
                .orElseGet(() -> new Issuer(organizationId, fallbackName));
    }

    /**
     * The attempt's confirmed artifacts (frozen once the attempt was submitted), in key order:
     * by artifact id, as the badge has always listed them.
     */
    public List<Artifact> artifacts(String enrollmentId, int attempt) {
        return artifacts.artifacts(enrollmentId, attempt).stream()
                .filter(org.microcred.records.learning.Artifact::isConfirmed)
                .sorted(Comparator.comparing(org.microcred.records.learning.Artifact::id))
                .map(a -> new Artifact(a.id(), a.requirementId(), a.kind().json(), a.fileName(), a.url()))
                .toList();
    }

    private static MicroCredential microCredential(String id, int version, MicroCredentialDocument document) {
        List<MicroCredential.EvidenceRequirement> requirements = document.evidenceRequirements().stream()
                .map(r -> new MicroCredential.EvidenceRequirement(text(r.id()),
                        r.title() == null ? text(r.id()) : r.title(), text(r.prompt())))
                .toList();
        List<MicroCredential.Criterion> rubric = document.rubric().stream().map(AwardStore::criterion).toList();
        return new MicroCredential(id, version, text(document.title()), text(document.summary()),
                text(document.description()), text(document.competency()), document.creditHours(), requirements,
                rubric);
    }

    private static MicroCredential.Criterion criterion(RubricCriterion criterion) {
        return new MicroCredential.Criterion(text(criterion.id()), text(criterion.criterion()),
                text(criterion.description()), criterion.levels().stream().map(level -> new MicroCredential.Level(
                        text(level.id()), text(level.name()), text(level.description()), level.passing())).toList());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
