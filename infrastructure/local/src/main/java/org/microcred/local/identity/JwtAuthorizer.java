package org.microcred.local.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * The API Gateway JWT authorizer, played locally: a bearer token must be signed by the dev
 * identity provider, issued by it, meant for {@value DevIdentityProvider#AUDIENCE} and not
 * expired. Anything else is rejected before a handler runs.
 */
public final class JwtAuthorizer {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;

    public JwtAuthorizer(DevIdentityProvider identityProvider) {
        this.issuer = identityProvider.issuer();
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
        return check(authorizationHeader).claims();
    }

    /** The authorizer's verdict: the claims, or the {@code WWW-Authenticate} challenge of its 401. */
    public Verdict check(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            // RFC 6750: without credentials the challenge carries no error code.
            return Verdict.refused("Bearer");
        }
        String token = authorizationHeader.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        try {
            return new Verdict(Optional.of(processor.process(token, null)), null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Verdict.refused("Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + reason(token) + "\"");
        }
    }

    /** Claims when the token passed, else the challenge API Gateway would send with its 401. */
    public record Verdict(Optional<JWTClaimsSet> claims, String challenge) {
        static Verdict refused(String challenge) {
            return new Verdict(Optional.empty(), challenge);
        }
    }

    /** Why a token is refused, in the words of API Gateway's challenges ("the token has expired"). */
    private String reason(String token) {
        try {
            JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
            if (claims.getExpirationTime() != null && claims.getExpirationTime().before(new Date())) {
                return "the token has expired";
            }
            if (!claims.getAudience().contains(DevIdentityProvider.AUDIENCE)) {
                return "the token does not have a valid audience";
            }
            if (!issuer.equals(claims.getIssuer())) {
                return "the token does not have a valid issuer";
            }
        } catch (ParseException e) {
            // Not even a JWT: said below.
        }
        return "the token is not valid";
    }
}
