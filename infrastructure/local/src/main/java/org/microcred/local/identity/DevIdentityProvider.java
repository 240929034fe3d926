package org.microcred.local.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/**
 * The local stand-in for the Cognito user pool: an ES256 key that signs ID tokens shaped like
 * Cognito's, for the demo users or for any claims a test wants. The key is kept in the data
 * directory so tokens survive a restart on the same port.
 */
public final class DevIdentityProvider {
    public static final String AUDIENCE = "microcred-local";
    public static final String ISSUER_PATH = "/_local/issuer";
    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;
    private static final String KEY_FILE = "signing-key.jwk.json";

    private final ECKey key;
    private final String issuer;

    private DevIdentityProvider(ECKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** A provider with a fresh key (tests, in-memory stacks). */
    public static DevIdentityProvider ephemeral(URI baseUri) {
        return new DevIdentityProvider(generate(), issuerFor(baseUri));
    }

    /** A provider whose key lives in {@code directory}, generated on first use. */
    public static DevIdentityProvider persistentUnder(Path directory, URI baseUri) {
        Path file = directory.resolve(KEY_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return new DevIdentityProvider(ECKey.parse(Files.readString(file)), issuerFor(baseUri));
            }
            ECKey key = generate();
            Files.createDirectories(directory);
            Files.writeString(file, key.toJSONString());
            return new DevIdentityProvider(key, issuerFor(baseUri));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the dev signing key in " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK; delete it (or run with --reset)", e);
        }
    }

    private static String issuerFor(URI baseUri) {
        return baseUri.toString().replaceAll("/$", "") + ISSUER_PATH;
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the dev signing key", e);
        }
    }

    /** A 12-hour ID token for a user, with the claims Cognito would put in it. */
    public String tokenFor(DevUser user) {
        return tokenFor(user, Duration.ofHours(12));
    }

    public String tokenFor(DevUser user, Duration validity) {
        Instant now = Instant.now();
        return mint(claimsOf(user), now, now.plus(validity));
    }

    /** A token for any role in any organisation, for callers that are not demo users. */
    public String tokenFor(Role role, String organizationId) {
        String id = "local-" + role.group() + "-" + organizationId;
        return tokenFor(new DevUser(id, id + "@microcred.local", "Local " + role.group(), organizationId,
                List.of(role.group())));
    }

    /**
     * Signs arbitrary claims. {@code iss}, {@code aud}, {@code iat}, {@code exp} and
     * {@code token_use} are filled in unless the claims set them (tests set them to be wrong).
     */
    public String mint(Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .claim("aud", AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim("token_use", "id")
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(ALGORITHM).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), builder.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a dev token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a demo user's ID token, as Cognito names them. */
    public static Map<String, Object> claimsOf(DevUser user) {
        return Map.of(
                "sub", user.id(),
                "email", user.email(),
                "name", user.name(),
                "cognito:username", user.id(),
                Caller.CLAIM_GROUPS, user.roles(),
                Caller.CLAIM_ORGANIZATION, Optional.ofNullable(user.organizationId()).orElse(""));
    }

    public String issuer() {
        return issuer;
    }

    /** The public half, as a JWKS document would publish it. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}
