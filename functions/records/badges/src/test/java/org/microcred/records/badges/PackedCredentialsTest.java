package org.microcred.records.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The compressed credentials give back exactly the strings that went in, whatever they are. */
class PackedCredentialsTest {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String CREDENTIAL = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
            + "\"id\":\"https://api.example/badges/bdg-1\",\"name\":\"Feedback Loops — “quoted” ünïcode ✓\","
            + "\"credentialSubject\":{\"id\":\"urn:uuid:0\"}}";

    @Test
    void pack_thenUnpack_givesBackAJwtAndItsCredentialExactly() {
        for (int extra = 0; extra < 3; extra++) {
            String payload = CREDENTIAL.substring(0, CREDENTIAL.length() - 1) + ",\"nbf\":1" + "0".repeat(extra) + "}";
            String jwt = BASE64URL.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
            String withProof = CREDENTIAL.substring(0, CREDENTIAL.length() - 1) + ",\"proof\":{\"proofValue\":\"z5\"}}";

            assertThat(PackedCredentials.unpack(PackedCredentials.pack(jwt, withProof)))
                    .isEqualTo(new PackedCredentials.Copies(jwt, withProof));
        }
    }

    @Test
    void pack_whenThePayloadIsNotCanonicalBase64url_keepsTheJwtWhole() {
        // "QR" decodes to the same byte as "QQ"; re-encoding would change the signed text.
        for (String jwt : new String[] {"eyJ9.QR.sig", "eyJ9.QQ==.sig", "not a jwt", "a.b", "a..c", "a.b.c.d", ""}) {
            assertThat(PackedCredentials.unpack(PackedCredentials.pack(jwt, "{}")))
                    .isEqualTo(new PackedCredentials.Copies(jwt, "{}"));
        }
    }

    @Test
    void pack_absentCopies_readAsEmpty_asPlainStringsAlwaysWere() {
        assertThat(PackedCredentials.unpack(PackedCredentials.pack(null, null)))
                .isEqualTo(new PackedCredentials.Copies("", ""));
    }

    @Test
    void pack_sharesTheCredentialBetweenTheTwoCopies() {
        byte[] noise = new byte[3000];
        new java.util.Random(16).nextBytes(noise);
        String credential = CREDENTIAL.replace("bdg-1", "bdg-" + java.util.HexFormat.of().formatHex(noise));
        String jwt = "eyJhbGciOiJFUzI1NiJ9." + BASE64URL.encodeToString(credential.getBytes(StandardCharsets.UTF_8))
                + ".c2ln";

        int both = PackedCredentials.pack(jwt, credential).length;
        int one = PackedCredentials.pack("", credential).length;

        assertThat(one).isGreaterThan(3000);
        assertThat(both - one).isLessThan(200);
    }
}
