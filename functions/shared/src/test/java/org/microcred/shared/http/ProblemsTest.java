package org.microcred.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Forbidden;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.Malformed;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.PreconditionFailed;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.shared.domain.TooLarge;
import org.microcred.shared.domain.Unauthenticated;
import org.microcred.shared.domain.UnsupportedMediaType;
import org.microcred.shared.json.Json;

/** The one mapping from the domain's refusals to HTTP: status, problem type, title, fields, body. */
class ProblemsTest {
    private static final List<FieldError> COACH = List.of(new FieldError("coachId", "is at capacity"));

    @Test
    void eachKind_getsItsStatusTypeAndTitle() {
        assertMapped(new Invalid("limit", "must be between 1 and 100"), 400, "validation", "The request is not valid");
        assertMapped(new Invalid("2 problem(s)", COACH), 400, "validation", "The request is not valid");
        assertMapped(new Malformed("Not JSON."), 400, "bad-request", "Bad request");
        assertMapped(new Unauthenticated("Sign in to do this."), 401, "unauthorized", "Sign-in required");
        assertMapped(new Forbidden("Only admins."), 403, "forbidden", "Not allowed");
        assertMapped(new Forbidden("not-eligible", "Not eligible", "For teachers."), 403, "not-eligible", "Not eligible");
        assertMapped(new NotFound("There is no badge x."), 404, "not-found", "Not found");
        assertMapped(new Conflict("Changed meanwhile."), 409, "conflict", "Conflict");
        assertMapped(new Conflict("invalid-transition", "Not possible in this status", "Withdrawn."), 409,
                "invalid-transition", "Not possible in this status");
        assertMapped(new PreconditionFailed("revision-mismatch", "Edited by someone else", "Reload."), 412,
                "revision-mismatch", "Edited by someone else");
        assertMapped(new TooLarge("Too big."), 413, "payload-too-large", "Request body too large");
        assertMapped(new UnsupportedMediaType("Send JSON."), 415, "unsupported-media-type", "Unsupported media type");
        assertMapped(new RuleBroken("coach-at-capacity", "Coach at capacity", "Full.", COACH), 422,
                "coach-at-capacity", "Coach at capacity");
    }

    @Test
    void invalidField_namesTheFieldInDetailAndErrors() {
        Invalid invalid = new Invalid("limit", "must be between 1 and 100");

        assertThat(invalid.detail()).isEqualTo("The request has an invalid field: limit must be between 1 and 100");
        assertThat(invalid.errors()).containsExactly(new FieldError("limit", "must be between 1 and 100"));
    }

    @Test
    void response_isTheProblemJsonOfToday() {
        APIGatewayV2HTTPResponse response = Problems.response(new Invalid("limit", "must be 1 to 100"), "/orgs/x/members",
                "req-1");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(response.getBody()).isEqualTo("{\"type\":\"https://microcred.org/problems/validation\","
                + "\"title\":\"The request is not valid\",\"status\":400,"
                + "\"detail\":\"The request has an invalid field: limit must be 1 to 100\","
                + "\"instance\":\"/orgs/x/members\",\"requestId\":\"req-1\","
                + "\"errors\":[{\"field\":\"limit\",\"message\":\"must be 1 to 100\"}]}");
    }

    @Test
    void response_withoutFieldErrors_hasNoErrorsMember() {
        assertThat(Problems.response(new NotFound("There is no badge x."), "/badges/x", "req-2").getBody())
                .isEqualTo("{\"type\":\"https://microcred.org/problems/not-found\",\"title\":\"Not found\","
                        + "\"status\":404,\"detail\":\"There is no badge x.\",\"instance\":\"/badges/x\","
                        + "\"requestId\":\"req-2\"}");
    }

    @Test
    void response_ofEachKind_equalsTheApiProblemItReplaces() {
        assertSameResponse(new Invalid("limit", "is bad"), ApiProblem.invalidField("limit", "is bad"));
        assertSameResponse(new Invalid("1 problem", COACH), ApiProblem.validation("1 problem", COACH));
        assertSameResponse(new Malformed("Not JSON."), ApiProblem.badRequest("Not JSON."));
        assertSameResponse(new Unauthenticated("Sign in."), ApiProblem.unauthorized("Sign in."));
        assertSameResponse(new Forbidden("No."), ApiProblem.forbidden("No."));
        assertSameResponse(new NotFound("None."), ApiProblem.notFound("None."));
        assertSameResponse(new Conflict("Again."), ApiProblem.conflict("Again."));
        assertSameResponse(new Conflict("already-coach", "Already a coach", "Coaches."),
                new ApiProblem(409, "already-coach", "Already a coach", "Coaches."));
        assertSameResponse(new PreconditionFailed("precondition-failed", "Changed since you read it", "At 3."),
                new ApiProblem(412, "precondition-failed", "Changed since you read it", "At 3."));
        assertSameResponse(new TooLarge("payload-too-large", "Roster too large", "Split it.", COACH),
                new ApiProblem(413, "payload-too-large", "Roster too large", "Split it.", COACH));
        assertSameResponse(new TooLarge("Big."), ApiProblem.payloadTooLarge("Big."));
        assertSameResponse(new UnsupportedMediaType("CSV."), ApiProblem.unsupportedMediaType("CSV."));
        assertSameResponse(new RuleBroken("evidence-missing", "Evidence missing", "Two.", COACH),
                ApiProblem.unprocessable("evidence-missing", "Evidence missing", "Two.", COACH));
    }

    @Test
    void extensions_followTheStandardMembers() {
        DomainException alreadyDecided = new Conflict("already-decided", "Already decided", "Attempt 1 was decided.") {
            @Override
            public Map<String, Object> extensions() {
                Map<String, Object> decision = new LinkedHashMap<>();
                decision.put("attempt", 1);
                decision.put("outcome", "mastery");
                return Map.of("decision", decision);
            }
        };

        APIGatewayV2HTTPResponse response = Problems.response(alreadyDecided, "/submissions/s/decision", "req-3");

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getBody()).isEqualTo("{\"type\":\"https://microcred.org/problems/already-decided\","
                + "\"title\":\"Already decided\",\"status\":409,\"detail\":\"Attempt 1 was decided.\","
                + "\"instance\":\"/submissions/s/decision\",\"requestId\":\"req-3\","
                + "\"decision\":{\"attempt\":1,\"outcome\":\"mastery\"}}");
    }

    @Test
    void dispatch_answersADomainRefusalAsProblemJson() {
        HttpFunction function = new HttpFunction(Routes.builder().get("/shelves/{id}", request -> {
            throw new NotFound("There is no shelf " + request.pathParameter("id") + ".");
        }).build()) {
        };
        var event = com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /shelves/{id}").withRawPath("/shelves/s-1")
                .withPathParameters(Map.of("id", "s-1")).build();

        APIGatewayV2HTTPResponse response = function.dispatch(event);

        assertThat(response.getStatusCode()).isEqualTo(404);
        JsonNode body = read(response.getBody());
        assertThat(body.get("type").asText()).isEqualTo("https://microcred.org/problems/not-found");
        assertThat(body.get("detail").asText()).isEqualTo("There is no shelf s-1.");
    }

    private static void assertMapped(DomainException refusal, int status, String slug, String title) {
        assertThat(Problems.status(refusal)).as(refusal.getClass().getSimpleName()).isEqualTo(status);
        assertThat(Problems.type(refusal)).isEqualTo("https://microcred.org/problems/" + slug);
        assertThat(refusal.kind()).isEqualTo(slug);
        assertThat(refusal.title()).isEqualTo(title);
        ApiProblem problem = Problems.problem(refusal);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.type()).isEqualTo(Problems.type(refusal));
        assertThat(problem.title()).isEqualTo(title);
        assertThat(problem.detail()).isEqualTo(refusal.detail());
        assertThat(problem.errors()).isEqualTo(refusal.errors());
    }

    private static void assertSameResponse(DomainException refusal, ApiProblem today) {
        APIGatewayV2HTTPResponse now = Problems.response(refusal, "/p", "req");
        APIGatewayV2HTTPResponse before = ApiResponse.problem(today, "/p", "req");
        assertThat(now.getStatusCode()).isEqualTo(before.getStatusCode());
        assertThat(now.getHeaders()).isEqualTo(before.getHeaders());
        assertThat(now.getBody()).isEqualTo(before.getBody());
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
