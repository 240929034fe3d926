package org.microcred.emulators.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/** The request a function test sends is the one API Gateway would deliver, and the caller reads back as signed. */
class ApiCallTest {

    static final class Call extends ApiCall<Call> {
        Call(String method, String route) {
            super(method, route);
        }
    }

    @Test
    void path_isTheRouteTemplateWithItsParametersFilledIn() {
        APIGatewayV2HTTPEvent event = new Call("POST", "/enrollments/{id}/artifacts/{artifactId}/complete")
                .pathParameter("id", "enr-1").pathParameter("artifactId", "art-2").json(Map.of("a", 1)).event();

        assertThat(event.getRouteKey()).isEqualTo("POST /enrollments/{id}/artifacts/{artifactId}/complete");
        assertThat(event.getRawPath()).isEqualTo("/enrollments/enr-1/artifacts/art-2/complete");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getPathParameters()).containsOnly(Map.entry("id", "enr-1"), Map.entry("artifactId", "art-2"));
        assertThat(event.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(event.getBody()).isEqualTo("{\"a\":1}");
    }

    @Test
    void caller_readsBackAsSharedCallerReadsTheAuthorizerClaims() {
        TestCaller coach = TestCaller.of("u-1", "u-1@example.org", "Ana", "org-1", "learner", "coach");

        Caller caller = Caller.from(new Call("GET", "/me").as(coach).event());

        assertThat(caller).isEqualTo(new Caller("u-1", "u-1@example.org", "Ana", "org-1",
                Set.of(Role.LEARNER, Role.COACH)));
        assertThat(coach.claims()).containsEntry("cognito:groups", "[learner coach]");
    }

    @Test
    void absentClaims_areLeftOut_andNoClaimsMeansAnonymous() {
        assertThat(TestCaller.platformAdmin("root").claims()).doesNotContainKey("custom:orgId");
        assertThat(TestCaller.of("u-2", null, null, null, "learner").claims()).containsOnlyKeys("sub",
                "cognito:groups");
        assertThat(Caller.from(new Call("GET", "/me").event()).isAuthenticated()).isFalse();
    }

    @Test
    void responses_readHeadersWhateverTheirCase_andProblems() {
        APIGatewayV2HTTPResponse problem = APIGatewayV2HTTPResponse.builder().withStatusCode(422)
                .withHeaders(Map.of("content-type", "application/problem+json"))
                .withBody("{\"status\":422,\"errors\":[{\"field\":\"title\"}]}").build();

        assertThat(ApiResponses.header(problem, "Content-Type")).isEqualTo("application/problem+json");
        assertThat(ApiResponses.fields(ApiResponses.problem(problem, 422))).isEqualTo(List.of("title"));
        assertThat(ApiResponses.ok(problem, 422).path("status").asInt()).isEqualTo(422);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiResponses.expect(problem, 200))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expected 200 but got 422");
    }
}
