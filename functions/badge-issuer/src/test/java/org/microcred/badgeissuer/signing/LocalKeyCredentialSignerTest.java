package org.microcred.badgeissuer.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local signer and the hand-made JWS, checked by nimbus-jose-jwt (which neither uses). */
class LocalKeyCredentialSignerTest {
    @Test
    void publicJwk_andThumbprint_matchNimbus() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();

        PublicJwk jwk = LocalKeyCredentialSigner.fromJwk(key.toJSONString()).publicKey();

        assertThat(jwk.x()).isEqualTo(key.getX().toString());
        assertThat(jwk.y()).isEqualTo(key.getY().toString());
        assertThat(jwk.thumbprint()).isEqualTo(key.computeThumbprint().toString());
        ECKey published = ECKey.parse(new LinkedHashMap<String, Object>(jwk.members()));
        assertThat(published.isPrivate()).isFalse();
        assertThat(published.getKeyID()).isEqualTo(jwk.thumbprint());
    }

    @Test
    void vcJwt_signedLocally_verifiesWithNimbus() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        CredentialSigner signer = LocalKeyCredentialSigner.fromJwk(key.toJSONString());

        String jwt = VcJwt.sign(Map.of("alg", "ES256", "typ", "vc+jwt"), Map.of("name", "Exit tickets", "nbf", 1),
                signer);

        JWSObject jws = JWSObject.parse(jwt);
        assertThat(jws.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
        assertThat(jws.getPayload().toJSONObject()).containsEntry("name", "Exit tickets");
    }

    @Test
    void fromJwk_refusesAnythingButAPrivateP256Jwk() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();

        assertThatThrownBy(() -> LocalKeyCredentialSigner.fromJwk(key.toPublicJWK().toJSONString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x, y and d");
        assertThatThrownBy(() -> LocalKeyCredentialSigner.fromJwk(new ECKeyGenerator(Curve.P_384).generate()
                .toJSONString())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalKeyCredentialSigner.fromJwk("not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }

    @Test
    void signers_preferTheLocalKey_andExplainAnUnresolvedKmsKey() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        var unresolved = org.microcred.shared.config.FunctionEnvironment.of(Map.of(Signers.KMS_KEY_ID,
                "<unresolved locally: Ref BadgeSigningKey>"));

        assertThat(Signers.forEnvironment(unresolved.with(Signers.LOCAL_KEY, key.toJSONString())).publicKey()
                .thumbprint()).isEqualTo(key.computeThumbprint().toString());
        assertThatThrownBy(() -> Signers.forEnvironment(unresolved))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(Signers.LOCAL_KEY);
    }
}
