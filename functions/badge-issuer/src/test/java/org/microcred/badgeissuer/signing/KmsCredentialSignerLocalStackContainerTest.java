package org.microcred.badgeissuer.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * The KMS signer against LocalStack's KMS, for machines with Docker: a real ECC_NIST_P256 key,
 * DER signatures converted to JOSE, verified by nimbus against the key KMS publishes. Skipped
 * cleanly where Docker is absent.
 */
@Testcontainers(disabledWithoutDocker = true)
class KmsCredentialSignerLocalStackContainerTest {
    @Container
    private static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.9"))
                    .withServices(LocalStackContainer.Service.KMS);

    private static KmsCredentialSigner signer;

    @BeforeAll
    static void createKey() {
        KmsClient kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.builder().build())
                .endpointOverride(LOCALSTACK.getEndpoint()).region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build();
        String keyId = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata().keyId();
        signer = new KmsCredentialSigner(kms, keyId);
    }

    @Test
    void signaturesFromKms_verifyWithNimbus_againstThePublishedJwk() throws Exception {
        ECKey published = ECKey.parse(new LinkedHashMap<String, Object>(signer.publicKey().members()));

        for (int i = 0; i < 20; i++) {
            String jwt = VcJwt.sign(Map.of("alg", "ES256", "typ", "vc+jwt"), Map.of("n", i), signer);
            assertThat(JWSObject.parse(jwt).verify(new ECDSAVerifier(published))).as("signature %d", i).isTrue();
        }
    }

    @Test
    void aLargeCredential_isSignedByDigest() throws Exception {
        ECKey published = ECKey.parse(new LinkedHashMap<String, Object>(signer.publicKey().members()));

        String jwt = VcJwt.sign(Map.of("alg", "ES256"), Map.of("narrative", "x".repeat(20_000)), signer);

        assertThat(JWSObject.parse(jwt).verify(new ECDSAVerifier(published))).isTrue();
    }
}
