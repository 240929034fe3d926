package org.microcred.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.shared.domain.DomainException;

class ApiRequestTest {

    @Test
    void pathParameter_ofIdLength_isGiven() {
        assertThat(request("org-riverbend").pathParameter("orgId")).isEqualTo("org-riverbend");
    }

    @Test
    void pathParameter_longerThanAnyIdOrToken_isA404BeforeItReachesAKey() {
        for (String value : new String[] {"a".repeat(2_100), "\uD83D\uDE00".repeat(200)}) {
            assertThatThrownBy(() -> request(value).pathParameter("orgId"))
                    .isInstanceOfSatisfying(DomainException.class, problem -> assertThat(Problems.status(problem)).isEqualTo(404));
        }
    }

    private static ApiRequest request(String orgId) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withRouteKey("GET /orgs/{orgId}")
                .withRawPath("/orgs/x").withPathParameters(Map.of("orgId", orgId)).build());
    }
}
