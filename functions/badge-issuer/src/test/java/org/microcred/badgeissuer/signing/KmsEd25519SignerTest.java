package org.microcred.badgeissuer.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcred.dataintegrity.Ed25519Keys;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;

/**
 * The Ed25519 KMS signer with the real SDK client over a real connection. No emulator here makes
 * ECC_NIST_EDWARDS25519 keys (moto 5.2.1 has none), so a local HTTP server answers KMS's JSON
 * API with recorded response bodies ({@code src/test/resources/kms/}, RFC 8032's "TEST SHA(abc)"
 * key and signature): the SDK builds and sends the request and parses the answer as it would
 * AWS's, and the test checks both sides of the wire.
 */
class KmsEd25519SignerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final String KEY_ID = "alias/microcred-badge-proofs";
    /** RFC 8032 §7.1 TEST SHA(abc): the public key and message of the recorded signature. */
    private static final String RFC_PUBLIC_KEY = "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf";
    private static final String RFC_SIGNATURE = "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
            + "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704";

    private final List<Exchange> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private KmsClient kms;

    private record Exchange(String target, String contentType, JsonNode body) {
    }

    private record Answer(int status, String body) {
    }

    @BeforeEach
    void startRecordedKms() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            requests.add(new Exchange(target, exchange.getRequestHeaders().getFirst("Content-Type"),
                    JSON.readTree(exchange.getRequestBody())));
            Answer answer = answers.getOrDefault(target, new Answer(400,
                    "{\"__type\":\"UnsupportedOperationException\",\"message\":\"not recorded: " + target + "\"}"));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "3f8f7b2e-0000-4000-8000-recorded");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        // The production client builder, pointed at the recorded KMS as MICROCRED_KMS_ENDPOINT would.
        kms = Signers.kms(FunctionEnvironment.of(Map.of(Signers.KMS_ENDPOINT,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()).toString())));
    }

    @AfterEach
    void stop() {
        kms.close();
        server.stop(0);
    }

    @Test
    void sign_sendsTheRawDataAsAnEd25519SignRequest_andReturnsTheSignatureKmsAnswered() throws Exception {
        answers.put("TrentService.Sign", new Answer(200, resource("kms/sign-ed25519-response.json")));
        byte[] data = MessageDigest.getInstance("SHA-512").digest("abc".getBytes(StandardCharsets.US_ASCII));

        byte[] signature = new KmsEd25519Signer(kms, KEY_ID).sign(data);

        assertThat(HEX.formatHex(signature)).isEqualTo(RFC_SIGNATURE);
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.target()).isEqualTo("TrentService.Sign");
            assertThat(request.contentType()).isEqualTo("application/x-amz-json-1.1");
            assertThat(request.body().path("KeyId").asText()).isEqualTo(KEY_ID);
            assertThat(request.body().path("MessageType").asText()).isEqualTo("RAW");
            assertThat(request.body().path("SigningAlgorithm").asText()).isEqualTo("ED25519_SHA_512");
            assertThat(Base64.getDecoder().decode(request.body().path("Message").asText())).isEqualTo(data);
        });
        assertThat(verifiesEd25519(HEX.parseHex(RFC_PUBLIC_KEY), data, signature)).isTrue();
    }

    @Test
    void publicKey_ofTheRecordedKey_isItsRaw32Bytes() {
        answers.put("TrentService.GetPublicKey", new Answer(200, resource("kms/get-public-key-ed25519-response.json")));

        byte[] publicKey = new KmsEd25519Signer(kms, KEY_ID).publicKey();

        assertThat(HEX.formatHex(publicKey)).isEqualTo(RFC_PUBLIC_KEY);
        assertThat(publicKey).isEqualTo(Ed25519Keys.publicKeyOf(
                HEX.parseHex("833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42")));
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.target()).isEqualTo("TrentService.GetPublicKey");
            assertThat(request.body().path("KeyId").asText()).isEqualTo(KEY_ID);
        });
    }

    @Test
    void publicKey_ofAKeyThatIsNotEd25519_isRefusedNamingItsSpec() {
        answers.put("TrentService.GetPublicKey", new Answer(200, resource("kms/get-public-key-ed25519-response.json")
                .replace("ECC_NIST_EDWARDS25519", "ECC_NIST_P256")));

        assertThatThrownBy(() -> new KmsEd25519Signer(kms, KEY_ID).publicKey())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("BADGE_PROOF_KEY_ID must be an ECC_NIST_EDWARDS25519 key, not ECC_NIST_P256");
    }

    @Test
    void sign_withADisabledKey_failsWithKmsError_soTheStreamRetries() {
        answers.put("TrentService.Sign", new Answer(400, resource("kms/disabled-key-error.json")));

        assertThatThrownBy(() -> new KmsEd25519Signer(kms, KEY_ID).sign(new byte[64]))
                .isInstanceOf(DisabledException.class)
                .hasMessageContaining("is disabled.");
    }

    @Test
    void rawKey_ofAnEd25519SubjectPublicKeyInfo_isItsLast32Bytes() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519);
        var publicKey = generator.generateKeyPair().getPublic();

        assertThat(KmsEd25519Signer.rawKey(publicKey.getEncoded())).isEqualTo(Ed25519Keys.raw(publicKey));
    }

    @Test
    void rawKey_ofAnotherKeyType_isRefused() throws Exception {
        var ecKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();

        assertThatThrownBy(() -> KmsEd25519Signer.rawKey(ecKey.getEncoded())).isInstanceOf(IllegalStateException.class);
    }

    private static boolean verifiesEd25519(byte[] rawPublicKey, byte[] data, byte[] signature) throws Exception {
        byte[] spki = HEX.parseHex("302a300506032b6570032100" + HEX.formatHex(rawPublicKey));
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(data);
        return verifier.verify(signature);
    }

    private static String resource(String path) {
        try (InputStream in = KmsEd25519SignerTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
