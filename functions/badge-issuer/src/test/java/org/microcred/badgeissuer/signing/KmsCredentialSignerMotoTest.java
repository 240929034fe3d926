package org.microcred.badgeissuer.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microcred.emulators.junit.StreamEvents.batch;
import static org.microcred.emulators.junit.StreamEvents.insert;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.badgeissuer.BadgeIssuerHandler;
import org.microcred.badgeissuer.service.BadgeIds;
import org.microcred.badgeissuer.support.AwardFixture;
import org.microcred.emulators.junit.LambdaTestContext;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.emulators.moto.MotoServer;
import org.microcred.emulators.moto.WithMoto;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * The production ES256 signer against moto's KMS: a real ECC_NIST_P256 key, the badge issuer
 * wired from its environment ({@code BADGE_SIGNING_KEY_ID}, {@code MICROCRED_KMS_ENDPOINT}),
 * signatures checked against the key KMS publishes (GetPublicKey, parsed by the JDK, not by us).
 *
 * <p>moto 5.2.1 ignores {@code MessageType}: the SHA-256 digest the signer sends as
 * {@code DIGEST} is hashed once more before signing, as if it were a RAW message (AWS KMS and
 * LocalStack sign the digest itself). So here the signer's output verifies over
 * SHA-256(digest), which shows the request carried the digest and the DER answer became R||S;
 * the JWS is verified by nimbus with a RAW signature of the same signing input
 * ({@link KmsCredentialSignerLocalStackContainerTest} checks the DIGEST path end to end where
 * Docker runs).
 */
@WithEmulators
@WithMoto
class KmsCredentialSignerMotoTest {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static URI motoEndpoint;
    private static KmsClient kms;
    private static String keyId;
    private static ECPublicKey kmsPublicKey;
    private static AwardFixture fixture;
    private static FunctionEnvironment environment;

    @BeforeAll
    static void createKey(MotoServer moto, TestStack stack) throws Exception {
        motoEndpoint = moto.endpoint();
        kms = moto.kms();
        keyId = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY)
                .description("microcred badge signing key")).keyMetadata().keyId();
        kmsPublicKey = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                kms.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray()));
        fixture = new AwardFixture(stack);
        // As in AWS: no local key, the KMS key named by its id; only the endpoint points at moto.
        environment = stack.environment("BadgeIssuerFunction")
                .with(Signers.KMS_KEY_ID, keyId)
                .with(Signers.KMS_ENDPOINT, moto.endpoint().toString())
                .with(ProofKeys.LOCAL_KEY, AwardFixture.PROOF_KEY_SEED);
    }

    @Test
    void signersForEnvironment_withAKmsKeyId_publishTheKeyKmsHolds() throws Exception {
        CredentialSigner signer = Signers.forEnvironment(environment);

        assertThat(signer).isInstanceOf(KmsCredentialSigner.class);
        ECKey fromKms = new ECKey.Builder(Curve.P_256, kmsPublicKey).build();
        assertThat(signer.publicKey().x()).isEqualTo(fromKms.getX().toString());
        assertThat(signer.publicKey().y()).isEqualTo(fromKms.getY().toString());
        assertThat(signer.publicKey().thumbprint()).isEqualTo(fromKms.computeThumbprint().toString());
    }

    @Test
    void issuedBadge_isSignedByTheKmsKey_overTheDigestOfItsSigningInput() throws Exception {
        String enrollmentId = fixture.enrolledWithEvidence("Katherine Johnson", "k.johnson@riverbend.example");

        new BadgeIssuerHandler(environment).handleRequest(batch(insert(fixture.decided(enrollmentId, 1, "mastery"))),
                new LambdaTestContext("BadgeIssuerFunction"));

        String jwt = fixture.credentialJwt(enrollmentId);
        JWSObject jws = JWSObject.parse(jwt);
        String thumbprint = new ECKey.Builder(Curve.P_256, kmsPublicKey).build().computeThumbprint().toString();
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.getHeader().getKeyID()).endsWith("/" + thumbprint);
        assertThat(jws.getPayload().toJSONObject()).containsEntry("jti",
                AwardFixture.API_URL + "/badges/" + BadgeIds.forEnrollment(enrollmentId));
        byte[] signature = jws.getSignature().decode();
        assertThat(signature).hasSize(64);
        // What moto signed: SHA-256 of the digest the signer sent (see the class comment).
        assertThat(verifiesP1363(kmsPublicKey, sha256(signingInput(jwt)), signature)).isTrue();
    }

    @Test
    void signingInputOfAnIssuedBadge_signedByKms_verifiesWithNimbus() throws Exception {
        String enrollmentId = fixture.enrolledWithEvidence("Mary Jackson", "m.jackson@riverbend.example");
        new BadgeIssuerHandler(environment).handleRequest(batch(insert(fixture.decided(enrollmentId, 1, "mastery"))),
                new LambdaTestContext("BadgeIssuerFunction"));
        String signingInput = signingInput(fixture.credentialJwt(enrollmentId));

        byte[] der = kms.sign(r -> r.keyId(keyId).message(SdkBytes.fromUtf8String(signingInput))
                .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256))
                .signature().asByteArray();
        JWSObject jws = JWSObject.parse(signingInput + "." + BASE64URL.encodeToString(DerSignatures.toJose(der)));

        ECKey published = ECKey.parse(new LinkedHashMap<String, Object>(
                Signers.forEnvironment(environment).publicKey().members()));
        assertThat(jws.verify(new ECDSAVerifier(published))).isTrue();
        assertThat(jws.verify(new ECDSAVerifier(kmsPublicKey))).isTrue();
        assertThat(jws.getPayload().toJSONObject().get("type")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly("VerifiableCredential", "OpenBadgeCredential");
    }

    @Test
    void derToJose_ofRealKmsSignatures_isTheRAndSThatVerify() throws Exception {
        int withSignByte = 0;
        for (int i = 0; i < 64; i++) {
            byte[] message = ("credential " + i).getBytes(StandardCharsets.UTF_8);
            byte[] der = kms.sign(r -> r.keyId(keyId).message(SdkBytes.fromByteArray(message))
                    .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256))
                    .signature().asByteArray();

            byte[] jose = DerSignatures.toJose(der);

            assertThat(jose).hasSize(64);
            assertThat(verifiesDer(kmsPublicKey, message, der)).as("KMS signature %d as DER", i).isTrue();
            assertThat(verifiesP1363(kmsPublicKey, message, jose)).as("signature %d as R||S", i).isTrue();
            withSignByte += der.length > 70 ? 1 : 0;
        }
        // About half of all DER integers carry a leading zero byte; the conversion must have dropped some.
        assertThat(withSignByte).isPositive();
    }

    @Test
    void sign_sendsTheSha256DigestOfTheSigningInput_andReturnsRAndS() throws Exception {
        List<SignRequest> sent = new ArrayList<>();
        try (KmsClient observed = KmsClient.builder().endpointOverride(motoEndpoint).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof SignRequest request) {
                            sent.add(request);
                        }
                    }
                })).build()) {
            byte[] signingInput = "eyJhbGciOiJFUzI1NiJ9.eyJuYW1lIjoiRXhpdCB0aWNrZXRzIn0".getBytes(StandardCharsets.US_ASCII);

            byte[] signature = new KmsCredentialSigner(observed, keyId).sign(signingInput);

            assertThat(sent).singleElement().satisfies(request -> {
                assertThat(request.keyId()).isEqualTo(keyId);
                assertThat(request.messageType()).isEqualTo(MessageType.DIGEST);
                assertThat(request.signingAlgorithm()).isEqualTo(SigningAlgorithmSpec.ECDSA_SHA_256);
                assertThat(request.message().asByteArray()).isEqualTo(sha256(signingInput));
            });
            assertThat(verifiesP1363(kmsPublicKey, sha256(signingInput), signature)).isTrue();
        }
    }

    @Test
    void signersForEnvironment_withAKeyThatIsNotP256_failsAtInitSayingWhich() {
        String p384 = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P384).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata().keyId();

        assertThatThrownBy(() -> Signers.forEnvironment(environment.with(Signers.KMS_KEY_ID, p384)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("BADGE_SIGNING_KEY_ID must be an ECC_NIST_P256 key, not ECC_NIST_P384");
    }

    private static String signingInput(String jwt) {
        return jwt.substring(0, jwt.lastIndexOf('.'));
    }

    private static byte[] sha256(String text) throws Exception {
        return sha256(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static boolean verifiesDer(PublicKey key, byte[] message, byte[] der) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(der);
    }

    private static boolean verifiesP1363(PublicKey key, byte[] message, byte[] jose) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(jose);
    }
}
