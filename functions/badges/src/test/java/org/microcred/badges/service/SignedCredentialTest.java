package org.microcred.badges.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The badge page's own ES256 check against JWTs and keys made by an independent JOSE library. */
class SignedCredentialTest {
    private static ECKey issuer;
    private static ECKey stranger;
    private static String jwt;

    @BeforeAll
    static void sign() throws Exception {
        issuer = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        stranger = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
                new JWTClaimsSet.Builder().jwtID("https://badges.example/b/1").expirationTime(
                        Date.from(Instant.parse("2030-01-01T00:00:00Z"))).claim("vc", Map.of("id", "x")).build());
        signed.sign(new ECDSASigner(issuer));
        jwt = signed.serialize();
    }

    private static ECPublicKey key(ECKey jwk) {
        return SignedCredential.publicP256(jwk.toPublicJWK().toJSONString()).orElseThrow();
    }

    @Test
    void aJwtSignedByTheIssuer_verifiesWithItsKeyOnly_andNamesItsKeyIdAndDates() throws Exception {
        SignedCredential credential = SignedCredential.parse(jwt).orElseThrow();

        assertThat(credential.algorithm()).isEqualTo("ES256");
        assertThat(credential.keyId()).isEqualTo("k1");
        assertThat(credential.credentialId()).isEqualTo("https://badges.example/b/1");
        assertThat(credential.date("exp")).contains(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(credential.date("nbf")).isEmpty();
        assertThat(credential.verifiedBy(key(issuer))).isTrue();
        assertThat(credential.verifiedBy(key(stranger))).isFalse();
    }

    @Test
    void aChangedPayloadOrSignature_doesNotVerify() throws Exception {
        String[] parts = jwt.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"jti\":\"https://badges.example/b/2\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(SignedCredential.parse(parts[0] + "." + otherPayload + "." + parts[2]).orElseThrow()
                .verifiedBy(key(issuer))).isFalse();
        assertThat(SignedCredential.parse(parts[0] + "." + parts[1] + "." + parts[2].substring(4)).orElseThrow()
                .verifiedBy(key(issuer))).isFalse();
    }

    @Test
    void textThatIsNotACompactJws_isNotOne() {
        assertThat(SignedCredential.parse(null)).isEmpty();
        assertThat(SignedCredential.parse("a.b")).isEmpty();
        assertThat(SignedCredential.parse("not base64!.e30.e30")).isEmpty();
        assertThat(SignedCredential.parse("bm90IGpzb24.e30.")).isEmpty();
        assertThat(SignedCredential.parse("e30.e30.")).as("a header without alg").isEmpty();
    }

    @Test
    void aDateClaimThatIsNotANumber_cannotBeRead() {
        String header = "eyJhbGciOiJFUzI1NiJ9";
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"exp\":\"soon\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        SignedCredential credential = SignedCredential.parse(header + "." + payload + ".").orElseThrow();

        assertThatThrownBy(() -> credential.date("exp")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyPublicP256KeysOnTheCurve_areAccepted() throws Exception {
        assertThat(SignedCredential.publicP256(issuer.toJSONString())).as("private").isEmpty();
        assertThat(SignedCredential.publicP256(new ECKeyGenerator(Curve.P_384).generate().toPublicJWK()
                .toJSONString())).as("P-384").isEmpty();
        String offCurve = issuer.toPublicJWK().toJSONString().replace(issuer.getY().toString(),
                issuer.getX().toString());
        assertThat(SignedCredential.publicP256(offCurve)).as("a point off the curve").isEmpty();
        assertThatThrownBy(() -> SignedCredential.publicP256("[]")).isInstanceOf(IllegalArgumentException.class);
    }
}
