package org.microcred.badgeissuer.signing;

import java.net.URI;
import java.util.Optional;
import org.microcred.shared.aws.AwsClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Chooses the signer for an environment. A local key ({@code MICROCRED_BADGE_SIGNING_KEY}, a
 * private P-256 JWK) wins when present: locally {@code BADGE_SIGNING_KEY_ID} resolves to an
 * unresolved-Ref marker, since the emulators have no KMS. Otherwise the KMS key named by
 * {@code BADGE_SIGNING_KEY_ID} signs ({@code MICROCRED_KMS_ENDPOINT} points it at an emulator).
 */
public final class Signers {
    public static final String LOCAL_KEY = "MICROCRED_BADGE_SIGNING_KEY";
    public static final String KMS_KEY_ID = "BADGE_SIGNING_KEY_ID";
    public static final String KMS_ENDPOINT = "MICROCRED_KMS_ENDPOINT";

    private Signers() {
    }

    public static CredentialSigner forEnvironment(FunctionEnvironment environment) {
        Optional<String> localKey = environment.optional(LOCAL_KEY);
        if (localKey.isPresent()) {
            return LocalKeyCredentialSigner.fromJwk(localKey.get());
        }
        String keyId = environment.required(KMS_KEY_ID);
        if (keyId.startsWith("<")) {
            // The emulators' marker for a Ref they cannot resolve: fail at init with the fix, not at the first Sign.
            throw new IllegalStateException(KMS_KEY_ID + " is " + keyId + "; outside AWS set " + LOCAL_KEY
                    + " to a private P-256 JWK (the local stack does this)");
        }
        return new KmsCredentialSigner(kms(environment), keyId);
    }

    static KmsClient kms(FunctionEnvironment environment) {
        Optional<String> endpoint = environment.optional(KMS_ENDPOINT);
        var builder = KmsClient.builder().httpClient(AwsClients.httpClient()).region(AwsClients.region(environment))
                .credentialsProvider(AwsClients.credentials(endpoint));
        endpoint.map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
