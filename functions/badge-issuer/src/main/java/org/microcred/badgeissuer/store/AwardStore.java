package org.microcred.badgeissuer.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.microcred.badgeissuer.model.Artifact;
import org.microcred.badgeissuer.model.Enrollment;
import org.microcred.badgeissuer.model.Issuer;
import org.microcred.badgeissuer.model.MicroCredential;
import org.microcred.records.badges.AwardInputsReader;

/**
 * What a badge is built from, in the issuer's words: the enrolment and the mastered attempt's
 * artifacts, the published micro-credential version (versions never change, so each is read
 * once per container) and the offering organisation's profile.
 */
public class AwardStore {
    private final AwardInputsReader inputs;
    private final Map<String, MicroCredential> versions = new ConcurrentHashMap<>();

    public AwardStore(AwardInputsReader inputs) {
        this.inputs = inputs;
    }

    public Optional<Enrollment> enrollment(String enrollmentId) {
        return inputs.enrollment(enrollmentId).map(e -> new Enrollment(e.enrollmentId(), e.learnerId(),
                e.learnerName(), e.learnerEmail(), e.organizationId(), e.organizationName(), e.microCredentialId(),
                e.microCredentialVersion(), e.title()));
    }

    public Optional<MicroCredential> microCredential(String microCredentialId, int version) {
        String cacheKey = microCredentialId + "/" + version;
        MicroCredential cached = versions.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<MicroCredential> parsed = inputs.publishedDocument(microCredentialId, version)
                .map(document -> MicroCredentialDocument.parse(microCredentialId, version, document));
        parsed.ifPresent(found -> versions.put(cacheKey, found));
        return parsed;
    }

    /** The organisation's issuer profile, its name falling back to the enrolment's copy if it has none. */
    public Issuer issuer(String organizationId, String fallbackName) {
        return inputs.profile(organizationId).map(profile -> new Issuer(organizationId,
                        profile.name() == null || profile.name().isBlank() ? fallbackName : profile.name(),
                        profile.issuer().url(), profile.issuer().email(), profile.issuer().description(),
                        profile.issuer().imageUrl()))
                .orElseGet(() -> new Issuer(organizationId, fallbackName));
    }

    /** The attempt's confirmed artifacts, in key order (frozen once the attempt was submitted). */
    public List<Artifact> artifacts(String enrollmentId, int attempt) {
        return inputs.artifacts(enrollmentId, attempt).stream().map(a -> new Artifact(a.artifactId(),
                a.requirementId(), a.kind(), a.fileName(), a.url())).toList();
    }
}
