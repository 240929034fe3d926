package org.microcred.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.shared.domain.DomainException;

class JsonBodyTest {
    /** A request body shaped like the API's: text, a fractional number, a list of texts. */
    record Draft(String title, Double creditHours, List<String> audiences) {
        Draft {
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
        }
    }

    @Test
    void read_numberOrBooleanForAString_isA400NamingTheField() {
        for (String title : List.of("5", "5.5", "true")) {
            DomainException problem = refused("{\"title\": " + title + "}", "application/json");

            assertThat(Problems.status(problem)).isEqualTo(400);
            assertThat(problem.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("title");
                assertThat(error.message()).startsWith("must be a string");
            });
        }
    }

    @Test
    void read_anotherContentTypeThanJson_isA415() {
        for (String contentType : List.of("application/jsonx", "application/json-patch+json", "application/json5",
                "text/json", "application/json; charset=iso-8859-1", "")) {
            assertThat(Problems.status(refused("{\"title\": \"Exit tickets\"}", contentType))).as(contentType).isEqualTo(415);
        }
    }

    @Test
    void read_jsonInAnyCaseWithParameters_isAccepted() {
        for (String contentType : List.of("application/json", "Application/JSON", "application/json; charset=utf-8",
                "application/json;charset=\"UTF-8\"")) {
            assertThat(JsonBody.read(request("{\"title\": \"Exit tickets\"}", contentType), Draft.class).title())
                    .as(contentType).isEqualTo("Exit tickets");
        }
    }

    @Test
    void read_nullEntryInAList_isA400NamingTheEntry() {
        DomainException problem = refused("{\"title\": \"Exit tickets\", \"audiences\": [\"coaches\", null]}", "application/json");

        assertThat(Problems.status(problem)).isEqualTo(400);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("audiences[1]");
            assertThat(error.message()).isEqualTo("must not be null");
        });
    }

    @Test
    void read_textForANumber_saysANumberIsExpected() {
        DomainException problem = refused("{\"creditHours\": \"ten\"}", "application/json");

        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("creditHours");
            assertThat(error.message()).startsWith("must be a number");
        });
    }

    @Test
    void read_aFieldGivenTwice_isA400() {
        assertThat(Problems.status(refused("{\"title\": \"One\", \"title\": \"Two\"}", "application/json"))).isEqualTo(400);
    }

    @Test
    void read_problems_neverNameJavaTypesOrExceptions() {
        for (String body : List.of("{\"title\": [\"x\"]}", "{\"title\": {}}", "{\"audiences\": \"x\"}",
                "{\"audiences\": [null]}", "{\"audiences\": [1]}", "{\"creditHours\": []}", "[]", "\"text\"", "42",
                "{\"title\": \"\\ud800\"", "{\"colour\": 1}")) {
            DomainException problem = refused(body, "application/json");

            String words = problem.detail() + " " + problem.errors();
            assertThat(Problems.status(problem)).as(body).isBetween(400, 499);
            assertThat(words).as(body).doesNotContain("org.microcred", "java.", "com.fasterxml", "Exception", "`");
        }
    }

    private static DomainException refused(String body, String contentType) {
        return catchThrowableOfType(DomainException.class, () -> JsonBody.read(request(body, contentType), Draft.class));
    }

    private static ApiRequest request(String body, String contentType) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withRouteKey("POST /drafts").withRawPath("/drafts")
                .withHeaders(Map.of("content-type", contentType)).withBody(body).build());
    }
}
