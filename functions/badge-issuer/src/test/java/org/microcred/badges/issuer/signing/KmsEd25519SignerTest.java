package org.microcred.badges.issuer.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.spec.NamedParameterSpec;
import org.junit.jupiter.api.Test;
import org.microcred.dataintegrity.Ed25519Keys;

class KmsEd25519SignerTest {

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
}
