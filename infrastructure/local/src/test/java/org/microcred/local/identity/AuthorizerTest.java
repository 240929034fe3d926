package org.microcred.local.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.EchoHandler;
import org.microcred.local.fixtures.Fixtures;
import org.microcred.local.junit.RunningStack;

class AuthorizerTest {
    private static RunningStack stack;

    @BeforeAll
    static void start() {
        stack = RunningStack.start(Fixtures.options());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void forgetLastEvent() {
        EchoHandler.LAST_EVENT.set(null);
    }

    @Test
    void request_withoutToken_isRejectedWith401BeforeTheHandler() {
        HttpResponse<String> response = send(stack, createThing(null));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(json(response).toString()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
        assertThat(EchoHandler.LAST_EVENT.get()).isNull();
    }

    @Test
    void request_withTokenSignedByAnotherKey_isRejectedWith401() {
        DevIdentityProvider stranger = DevIdentityProvider.ephemeral(stack.baseUri());
        String forged = stranger.tokenFor(stack.stack().directory().user("u-test-admin").orElseThrow());

        assertThat(send(stack, createThing("Bearer " + forged)).statusCode()).isEqualTo(401);
        assertThat(EchoHandler.LAST_EVENT.get()).isNull();
    }

    @Test
    void request_withExpiredToken_isRejectedWith401() {
        Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS);
        String expired = stack.stack().identityProvider().mint(Map.of("sub", "u-test-admin"), twoHoursAgo,
                twoHoursAgo.plus(1, ChronoUnit.HOURS));

        HttpResponse<String> response = send(stack, createThing("Bearer " + expired));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).toString()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate")).hasValue(
                "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\"");
    }

    @Test
    void request_withTokenForAnotherAudienceOrIssuer_isRejectedWith401() {
        Instant now = Instant.now();
        DevIdentityProvider issuer = stack.stack().identityProvider();
        String otherAudience = issuer.mint(Map.of("sub", "u", "aud", "someone-else"), now, now.plusSeconds(600));
        String otherIssuer = issuer.mint(Map.of("sub", "u", "iss", "https://cognito-idp.example/pool"), now,
                now.plusSeconds(600));

        HttpResponse<String> audienceRefused = send(stack, createThing("Bearer " + otherAudience));
        HttpResponse<String> issuerRefused = send(stack, createThing("Bearer " + otherIssuer));

        assertThat(audienceRefused.statusCode()).isEqualTo(401);
        assertThat(audienceRefused.headers().firstValue("www-authenticate")).hasValue("Bearer scope=\"\""
                + " error=\"invalid_token\" error_description=\"the token does not have a valid audience\"");
        assertThat(issuerRefused.statusCode()).isEqualTo(401);
        assertThat(issuerRefused.headers().firstValue("www-authenticate").orElse(""))
                .contains("error=\"invalid_token\"", "valid issuer");
    }

    @Test
    void request_withGarbageAuthorization_isRejectedWith401() {
        assertThat(send(stack, createThing("Bearer not-a-jwt")).statusCode()).isEqualTo(401);
    }

    @Test
    void request_withValidToken_reachesTheHandlerWithClaimsAsApiGatewayPassesThem() {
        String token = stack.tokenFor("u-test-admin");

        HttpResponse<String> response = send(stack, createThing("Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(200);
        APIGatewayV2HTTPEvent event = EchoHandler.LAST_EVENT.get();
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        assertThat(claims)
                .containsEntry("sub", "u-test-admin")
                .containsEntry("email", "admin@test.example")
                .containsEntry("name", "Ada Admin")
                .containsEntry("cognito:groups", "[org-admin coach]")
                .containsEntry("custom:orgId", "org-test")
                .containsEntry("iss", stack.baseUri() + "/_local/issuer")
                .containsEntry("aud", "microcred-local")
                .containsEntry("token_use", "id")
                .containsKeys("exp", "iat");
        assertThat(claims.get("exp")).matches("\\d{10}");
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getScopes()).isNull();
    }

    @Test
    void bareToken_withoutBearerPrefix_isAcceptedLikeApiGateway() {
        assertThat(send(stack, createThing(stack.tokenFor("u-test-learner"))).statusCode()).isEqualTo(200);
    }

    @Test
    void scopeClaim_becomesScopes() {
        Instant now = Instant.now();
        Map<String, Object> claims = new HashMap<>(DevIdentityProvider.claimsOf(
                stack.stack().directory().user("u-test-learner").orElseThrow()));
        claims.put("scope", "microcred/read microcred/write");
        String token = stack.stack().identityProvider().mint(claims, now, now.plusSeconds(600));

        send(stack, createThing("Bearer " + token));

        assertThat(EchoHandler.LAST_EVENT.get().getRequestContext().getAuthorizer().getJwt().getScopes())
                .isEqualTo(List.of("microcred/read", "microcred/write"));
    }

    @Test
    void publicRoute_needsNoTokenAndCarriesNoAuthorizer() {
        HttpResponse<String> response = send(stack, stack.request("/things"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EchoHandler.LAST_EVENT.get().getRequestContext().getAuthorizer()).isNull();
    }

    /** POST /things, an authorized route, with the given Authorization header value (none if null). */
    private static HttpRequest.Builder createThing(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUri() + "/things"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            request.header("authorization", authorization);
        }
        return request;
    }
}
