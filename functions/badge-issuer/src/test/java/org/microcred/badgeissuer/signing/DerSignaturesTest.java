package org.microcred.badgeissuer.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DerSignaturesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void toJose_ofJcaDerSignatures_verifiesAsP1363() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        // 200 signatures: about one in 128 has a short R or S, and about half a 33-byte DER integer.
        for (int i = 0; i < 200; i++) {
            byte[] message = ("message " + i).getBytes();
            Signature der = Signature.getInstance("SHA256withECDSA");
            der.initSign(pair.getPrivate());
            der.update(message);

            byte[] jose = DerSignatures.toJose(der.sign());

            Signature p1363 = Signature.getInstance("SHA256withECDSAinP1363Format");
            p1363.initVerify(pair.getPublic());
            p1363.update(message);
            assertThat(jose).hasSize(64);
            assertThat(p1363.verify(jose)).as("signature %d", i).isTrue();
        }
    }

    @Test
    void toJose_stripsTheSignByte_ofA33ByteInteger() {
        String r = "80" + "11".repeat(31);
        String s = "7f" + "22".repeat(31);
        byte[] der = HEX.parseHex("3045" + "0221" + "00" + r + "0220" + s);

        assertThat(HEX.formatHex(DerSignatures.toJose(der))).isEqualTo(r + s);
    }

    @Test
    void toJose_leftPadsShortIntegers_withZeros() {
        byte[] der = HEX.parseHex("3009" + "0201" + "05" + "0204" + "01020304");

        assertThat(HEX.formatHex(DerSignatures.toJose(der)))
                .isEqualTo("00".repeat(31) + "05" + "00".repeat(28) + "01020304");
    }

    @Test
    void toJose_withValuesThatHaveLeadingZeroBytes_keepsThemInPlace() {
        String r = "0000" + "33".repeat(30);
        byte[] der = HEX.parseHex("3023" + "021e" + "33".repeat(30) + "020101");

        assertThat(HEX.formatHex(DerSignatures.toJose(der))).isEqualTo(r + "00".repeat(31) + "01");
    }

    @Test
    void toJose_refusesMalformedInput() {
        assertThatThrownBy(() -> DerSignatures.toJose(HEX.parseHex("3106020101020101")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DerSignatures.toJose(HEX.parseHex("300702010102010100")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DerSignatures.toJose(HEX.parseHex("3025" + "0221" + "01" + "11".repeat(32) + "020101")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DerSignatures.toJose(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
