package org.microcred.badgeissuer.model;

import java.util.List;

/** Everything read to build one badge. */
public record AwardSources(Award award, Enrollment enrollment, MicroCredential microCredential, Issuer issuer,
                           List<Artifact> artifacts) {
    public AwardSources {
        artifacts = List.copyOf(artifacts);
    }
}
