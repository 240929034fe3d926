package org.microcred.badgeissuer.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.microcred.shared.json.Json;

/**
 * Assembles a compact JWS (RFC 7515 §7.1): {@code base64url(header).base64url(payload).base64url(signature)}.
 * Written here rather than taken from a JOSE library so that tests can verify the result with an
 * independent implementation.
 */
public final class VcJwt {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private VcJwt() {
    }

    public static String sign(Map<String, Object> header, Map<String, Object> payload, CredentialSigner signer) {
        String signingInput = BASE64URL.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }
}
