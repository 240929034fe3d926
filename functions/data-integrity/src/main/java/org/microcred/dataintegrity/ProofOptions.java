package org.microcred.dataintegrity;

import java.time.Instant;

/**
 * What a proof states besides its value: when it was made and which key (a URL that resolves to
 * the issuer's Multikey) made it. The purpose is always assertionMethod for credentials.
 */
public record ProofOptions(Instant created, String verificationMethod) {
    public ProofOptions {
        if (created == null || verificationMethod == null || verificationMethod.isBlank()) {
            throw new IllegalArgumentException("A proof needs its creation time and verification method");
        }
    }
}
