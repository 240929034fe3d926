package org.microcred.local.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * The API Gateway JWT authorizer, played locally: a bearer token must be signed by the dev
 * identity provider, issued by it, meant for {@value DevIdentityProvider#AUDIENCE} and not
 * expired. Anything else is rejected before a handler runs.
 */
public final class JwtAuthorizer {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public JwtAuthorizer(DevIdentityProvider identityProvider) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(DevIdentityProvider.ALGORITHM,
                new ImmutableJWKSet<>(identityProvider.publicKeys())));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(DevIdentityProvider.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(identityProvider.issuer()).build(),
                Set.of("sub", "exp", "iat")));
    }

    /**
     * The verified claims of an {@code Authorization} header value ({@code Bearer <jwt>}; like
     * API Gateway, a bare token is accepted too), or empty when it must be refused.
     */
    public Optional<JWTClaimsSet> verify(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Optional.empty();
        }
        String token = authorizationHeader.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        try {
            return Optional.of(processor.process(token, null));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
    }
}
