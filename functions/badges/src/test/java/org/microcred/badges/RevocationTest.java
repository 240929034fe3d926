package org.microcred.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;
import static org.microcred.emulators.junit.ApiResponses.header;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.badges.support.BadgeFixture;
import org.microcred.badges.support.Call;
import org.microcred.badges.support.Who;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.records.learning.OutboxItems;

/** An org admin revokes a badge: who may, what they must say, and that every public view agrees at once. */
@ExtendWith(EmulatorsExtension.class)
class RevocationTest {
    static final Who MARIA = Who.learner("u-maria-r", "Maria Delgado");
    static final Who ADMIN = Who.admin("u-admin-r", "org-riverbend");
    static final Who OTHER_ADMIN = Who.admin("u-admin-l", "org-lakeshore");
    static final Who COACH = Who.coach("u-coach-r");
    static final Map<String, String> REASON = Map.of("reason", "Evidence was found to be plagiarised.");

    private static BadgeFixture fixture;
    private static BadgeHandler handler;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new BadgeFixture(stack);
        handler = fixture.handler();
    }

    private static APIGatewayV2HTTPResponse revoke(String id, Object body, Who who) {
        Call call = Call.revoke(id, body);
        return handler.dispatch((who == null ? call : call.as(who)).event());
    }

    @Test
    void revoke_byTheIssuingOrgAdmin_isShownEverywhereAtOnce() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        JsonNode revoked = body(expect(revoke(id, REASON, ADMIN), 200));

        assertThat(revoked.path("status").asText()).isEqualTo("revoked");
        assertThat(revoked.path("reason").asText()).isEqualTo(REASON.get("reason"));
        String revokedAt = revoked.path("revokedAt").asText();

        JsonNode verification = body(expect(handler.dispatch(Call.verify(id).event()), 200));
        assertThat(verification.path("valid").asBoolean()).isFalse();
        JsonNode revocationCheck = verification.path("checks").get(2);
        assertThat(revocationCheck.path("check").asText()).isEqualTo("revocation");
        assertThat(revocationCheck.path("passed").asBoolean()).isFalse();
        assertThat(revocationCheck.path("detail").asText()).contains(REASON.get("reason"));

        String page = expect(handler.dispatch(Call.page(id).event()), 200).getBody();
        assertThat(page).contains("This badge has been revoked", REASON.get("reason"), revokedAt.substring(0, 10),
                "role=\"alert\"");

        var assertion = handler.dispatch(Call.assertion(id).event());
        assertThat(assertion.getStatusCode()).isEqualTo(410);
        assertThat(body(assertion).path("revoked").asBoolean()).isTrue();
        assertThat(body(assertion).path("revocationReason").asText()).isEqualTo(REASON.get("reason"));

        JsonNode list = body(expect(handler.dispatch(Call.revocations("org-riverbend").event()), 200));
        assertThat(list.path("revokedCredentials").findValuesAsText("id")).contains(fixture.apiUrl + "/badges/" + id);
        assertThat(list.path("revokedAssertions").findValuesAsText("id"))
                .contains(fixture.apiUrl + "/badges/" + id + "/assertion");
        assertThat(list.path("revokedCredentials").findValuesAsText("revocationReason")).contains(REASON.get("reason"));

        var item = fixture.badgeItem(id);
        assertThat(item.get("status").s()).isEqualTo("revoked");
        assertThat(item.get("revokedBy").s()).isEqualTo(ADMIN.userId());
    }

    @Test
    void revoke_emailsTheLearnerThroughTheOutboxInTheSameTransaction() {
        String id = fixture.issue(fixture.badgeFor(MARIA));
        String enrollmentId = fixture.badgeItem(id).get("enrollmentId").s();

        expect(revoke(id, Map.of("reason", "Copied <script>alert(1)</script> evidence"), ADMIN), 200);

        var email = fixture.outbox(enrollmentId + "#badge-revoked");
        assertThat(email).isNotNull();
        assertThat(email.get("to").l().get(0).s()).isEqualTo(MARIA.email());
        assertThat(email.get("messageId").s()).isEqualTo(enrollmentId + "#badge-revoked");
        assertThat(email.get("organizationId").s()).isEqualTo("org-riverbend");
        assertThat(email.get("fromName").s()).isEqualTo(BadgeFixture.ORGANIZATION_NAME);
        assertThat(email.get("subject").s()).contains(BadgeFixture.TITLE);
        assertThat(OutboxItems.email(email).html()).contains("Copied &lt;script&gt;alert(1)&lt;/script&gt; evidence",
                fixture.apiUrl + "/badges/" + id).doesNotContain("<script>");
        assertThat(OutboxItems.email(email).text()).contains("Copied <script>alert(1)</script> evidence");
    }

    @Test
    void revoke_byAnAdminOfAnotherOrganisation_is403AndChangesNothing() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        assertThat(revoke(id, REASON, OTHER_ADMIN).getStatusCode()).isEqualTo(403);

        assertThat(fixture.badgeItem(id).get("status").s()).isEqualTo("active");
        assertThat(fixture.outbox(fixture.badgeItem(id).get("enrollmentId").s() + "#badge-revoked")).isNull();
    }

    @Test
    void revoke_byTheLearnerOrACoach_is403() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        assertThat(revoke(id, REASON, MARIA).getStatusCode()).isEqualTo(403);
        assertThat(revoke(id, REASON, COACH).getStatusCode()).isEqualTo(403);
        assertThat(fixture.badgeItem(id).get("status").s()).isEqualTo("active");
    }

    @Test
    void revoke_anonymously_is401() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        var response = revoke(id, REASON, null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(header(response, "content-type")).isEqualTo("application/problem+json");
    }

    @Test
    void revoke_withoutAReason_is400NamingTheField() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        for (Object body : List.of(Map.of(), Map.of("reason", "   "), Map.of("reason", "x".repeat(501)))) {
            var response = revoke(id, body, ADMIN);
            assertThat(response.getStatusCode()).as(body.toString().substring(0, Math.min(40, body.toString().length())))
                    .isEqualTo(400);
            assertThat(header(response, "content-type")).isEqualTo("application/problem+json");
            assertThat(body(response).path("errors").get(0).path("field").asText()).isEqualTo("reason");
        }
        assertThat(fixture.badgeItem(id).get("status").s()).isEqualTo("active");
    }

    @Test
    void revoke_withAnUnknownFieldOrNoBody_is400() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        assertThat(revoke(id, Map.of("reason", "x", "because", "y"), ADMIN).getStatusCode()).isEqualTo(400);
        assertThat(handler.dispatch(Call.revoke(id, null).as(ADMIN).rawBody("", "application/json").event())
                .getStatusCode()).isEqualTo(400);
    }

    @Test
    void revoke_twice_is409WithTheRecordedRevocation() {
        String id = fixture.issue(fixture.badgeFor(MARIA));
        JsonNode first = body(expect(revoke(id, REASON, ADMIN), 200));

        var second = revoke(id, Map.of("reason", "Another reason"), ADMIN);

        assertThat(second.getStatusCode()).isEqualTo(409);
        JsonNode recorded = body(second).path("revocation");
        assertThat(recorded.path("reason").asText()).isEqualTo(REASON.get("reason"));
        assertThat(recorded.path("revokedAt").asText()).isEqualTo(first.path("revokedAt").asText());
        assertThat(fixture.badgeItem(id).get("revocationReason").s()).isEqualTo(REASON.get("reason"));
    }

    @Test
    void revoke_whenEightAdminsRevokeAtOnce_recordsOneRevocation() throws Exception {
        String id = fixture.issue(fixture.badgeFor(MARIA));
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Map<String, String> reason = Map.of("reason", "Reason number " + i);
                BadgeHandler container = fixture.handler();
                Callable<APIGatewayV2HTTPResponse> call = () -> {
                    start.await();
                    return container.dispatch(Call.revoke(id, reason).as(ADMIN).event());
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (Future<APIGatewayV2HTTPResponse> future : futures) {
                var response = future.get();
                statuses.add(response.getStatusCode());
                if (response.getStatusCode() == 200) {
                    winner = body(response).path("reason").asText();
                }
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
            assertThat(fixture.badgeItem(id).get("revocationReason").s()).isEqualTo(winner);
            JsonNode list = body(expect(handler.dispatch(Call.revocations("org-riverbend").event()), 200));
            assertThat(list.path("revokedCredentials").findValuesAsText("id")
                    .stream().filter(v -> v.endsWith(id)).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revoke_ofAnUnknownBadge_is404AndOfAMalformedId400() {
        assertThat(revoke("bdg-0123456789abcdef01234567", REASON, ADMIN).getStatusCode()).isEqualTo(404);
        assertThat(revoke("not-a-badge", REASON, ADMIN).getStatusCode()).isEqualTo(400);
    }
}
