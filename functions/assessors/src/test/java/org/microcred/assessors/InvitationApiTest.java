package org.microcred.assessors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.assessors.support.Call;
import org.microcred.assessors.support.Fixture;
import org.microcred.assessors.support.Who;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.records.learning.OutboxItems;
import org.microcred.reviewlinks.ReviewLinks;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Inviting a badge holder to assess, and accepting on the email-linked page, against DynamoDB Local. */
@ExtendWith(EmulatorsExtension.class)
class InvitationApiTest {
    static final Who ADMIN = Who.admin("u-admin-i", "Ada Admin");
    static final Who OTHER_ADMIN = Who.adminOf("org-lakeshore", "u-admin-lake", "Lake Admin");
    static final Who BEA = Who.learner("u-bea-i", "Bea <b>Holder</b>");
    static final Who NOBADGE = Who.learner("u-nobadge-i", "Noah Nobadge");
    static final Who REVOKED = Who.learner("u-revoked-i", "Rita Revoked");
    static final Who STRANGER = new Who("u-stranger-i", "stranger@elsewhere.example", "Sam Stranger", "org-elsewhere",
            "learner");
    static final Who LIVE_COACH = Who.coach("u-live-i", "Lena Live");
    static final Who OTHER_COACH = Who.coach("u-other-i", "Oscar Other");

    private static Fixture fixture;
    private static AssessorHandler handler;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
        for (Who who : new Who[] {ADMIN, BEA, NOBADGE, REVOKED, LIVE_COACH, OTHER_COACH}) {
            fixture.member(who, who.group());
        }
        fixture.badge(BEA, "active");
        fixture.badge(REVOKED, "revoked");
        fixture.badge(STRANGER, "active");
        fixture.badge(LIVE_COACH, "active");
        fixture.badge(OTHER_COACH, "active");
        fixture.coach(LIVE_COACH, 2, Fixture.MICRO_CREDENTIAL);
        fixture.coach(OTHER_COACH, 3, "another-micro-credential");
        handler = fixture.handler();
    }

    private static APIGatewayV2HTTPResponse invite(Who as, Object body) {
        return handler.dispatch(Call.invite(Fixture.ORGANIZATION, body).as(as).event());
    }

    private static Map<String, Object> inviting(Who who) {
        return Map.of("userId", who.userId(), "microCredentialId", Fixture.MICRO_CREDENTIAL);
    }

    @Test
    void invite_aBadgeHolder_is201AndQueuesTheInvitationEmailWithAnAcceptLink() {
        Who dana = Who.learner("u-dana-i", "Dana Holder");
        fixture.member(dana, "learner");
        fixture.badge(dana, "active");

        JsonNode invitation = body(expect(invite(ADMIN, Map.of("email", dana.email().toUpperCase(), "microCredentialId",
                Fixture.MICRO_CREDENTIAL, "minimumKappa", 0.7, "minimumExactAgreement", 0.8)), 201));

        assertThat(invitation.get("status").asText()).isEqualTo("invited");
        assertThat(invitation.get("userId").asText()).isEqualTo(dana.userId());
        assertThat(invitation.get("minimumKappa").asDouble()).isEqualTo(0.7);
        assertThat(invitation.get("minimumExactAgreement").asDouble()).isEqualTo(0.8);
        assertThat(invitation.toString()).doesNotContain("assessor-invitations/");
        Map<String, AttributeValue> email = fixture.outbox(Fixture.invitationMessageId(dana, 1));
        assertThat(email.get("to").l()).extracting(AttributeValue::s).containsExactly(dana.email());
        assertThat(email.get("fromName").s()).isEqualTo(Fixture.ORGANIZATION_NAME);
        assertThat(email.get("subject").s()).isEqualTo("You are invited to assess Checking for Understanding with Exit Tickets");
        assertThat(OutboxItems.email(email).text()).contains("kappa 0.7", "exact agreement 80%");
        assertThat(fixture.invitationToken(dana, 1)).contains(".");
    }

    @Test
    void invite_twice_returnsTheSameInvitationWithoutASecondEmail() {
        Who eli = Who.learner("u-eli-i", "Eli Twice");
        fixture.member(eli, "learner");
        fixture.badge(eli, "active");
        JsonNode first = body(expect(invite(ADMIN, inviting(eli)), 201));

        JsonNode second = body(expect(invite(ADMIN, inviting(eli)), 200));

        assertThat(second.get("invitedAt").asText()).isEqualTo(first.get("invitedAt").asText());
        assertThat(second.get("revision").asInt()).isEqualTo(1);
        assertThat(fixture.outbox(Fixture.invitationMessageId(eli, 2))).isEmpty();
    }

    @Test
    void invite_someoneWithoutTheBadge_is422() {
        JsonNode problem = body(expect(invite(ADMIN, inviting(NOBADGE)), 422));

        assertThat(problem.get("type").asText()).endsWith("/badge-required");
        assertThat(problem.get("detail").asText()).contains("Noah Nobadge does not hold the badge");
    }

    @Test
    void invite_someoneWhoseBadgeWasRevoked_is422() {
        JsonNode problem = body(expect(invite(ADMIN, inviting(REVOKED)), 422));

        assertThat(problem.get("type").asText()).endsWith("/badge-revoked");
        assertThat(fixture.outbox(Fixture.invitationMessageId(REVOKED, 1))).isEmpty();
    }

    @Test
    void invite_someoneOutsideTheOrganisation_is422EvenWithTheBadge() {
        JsonNode problem = body(expect(invite(ADMIN, inviting(STRANGER)), 422));

        assertThat(problem.get("type").asText()).endsWith("/not-a-member");
    }

    @Test
    void invite_aCoachAlreadyLiveForIt_is409() {
        assertThat(body(expect(invite(ADMIN, inviting(LIVE_COACH)), 409)).get("type").asText()).endsWith("/already-coach");
    }

    @Test
    void invite_aCoachOfTheWholeCollection_is409() {
        Who col = Who.coach("u-collection-i", "Cora Collection");
        fixture.member(col, "coach");
        fixture.badge(col, "active");
        fixture.stack.dynamoDb().putItem(r -> r.tableName(fixture.table("OrganizationsTable")).item(Map.of(
                "pk", AttributeValue.fromS("ORG#" + Fixture.ORGANIZATION), "sk", AttributeValue.fromS("COACH#" + col.userId()),
                "userId", AttributeValue.fromS(col.userId()), "email", AttributeValue.fromS(col.email()),
                "name", AttributeValue.fromS(col.name()), "openEnrollments", AttributeValue.fromN("0"),
                "collections", AttributeValue.fromL(java.util.List.of(AttributeValue.fromS("formative-assessment"))))));

        expect(invite(ADMIN, inviting(col)), 409);
    }

    @Test
    void invite_byALearnerOrAnotherOrganisationsAdmin_is403() {
        expect(invite(BEA, inviting(BEA)), 403);
        expect(handler.dispatch(Call.invite(Fixture.ORGANIZATION, inviting(BEA)).as(OTHER_ADMIN).event()), 403);
        assertThat(fixture.outbox(Fixture.invitationMessageId(BEA, 1))).isEmpty();
    }

    @Test
    void invite_withBadInput_is400NamingTheFields() {
        JsonNode problem = body(expect(invite(ADMIN, Map.of("userId", BEA.userId(), "email", BEA.email(),
                "microCredentialId", Fixture.MICRO_CREDENTIAL, "minimumKappa", 1.5)), 400));

        assertThat(problem.get("errors").findValuesAsText("field")).contains("email", "minimumKappa");
    }

    @Test
    void invite_withAnIdOrAddressNoAccountCouldHave_is400NamingIt() {
        String huge = "a".repeat(3_000);
        Map<String, Map<String, Object>> bodies = Map.of(
                "userId", Map.of("userId", huge, "microCredentialId", Fixture.MICRO_CREDENTIAL),
                "email", Map.of("email", huge + "@example.org", "microCredentialId", Fixture.MICRO_CREDENTIAL),
                "microCredentialId", Map.of("userId", BEA.userId(), "microCredentialId", huge));

        bodies.forEach((field, body) -> assertThat(body(expect(invite(ADMIN, body), 400)).get("errors")
                .findValuesAsText("field")).as(field).containsExactly(field));
        assertThat(body(expect(invite(ADMIN, Map.of("userId", "u-bea-i\r\nBcc: x@example.org", "microCredentialId",
                Fixture.MICRO_CREDENTIAL)), 400)).get("errors").findValuesAsText("field")).containsExactly("userId");
    }

    @Test
    void invite_withWrongTypesOrNulls_is400NamingTheField_inJsonWords() {
        JsonNode numbered = body(expect(invite(ADMIN, Map.of("userId", 5, "microCredentialId",
                Fixture.MICRO_CREDENTIAL)), 400));
        JsonNode textKappa = body(expect(invite(ADMIN, Map.of("userId", BEA.userId(), "microCredentialId",
                Fixture.MICRO_CREDENTIAL, "minimumKappa", "0.7")), 400));

        assertThat(numbered.get("errors").findValuesAsText("field")).containsExactly("userId");
        assertThat(textKappa.get("detail").asText()).contains("minimumKappa", "must be a number");
        assertThat(numbered.toString() + textKappa).doesNotContain("org.microcred", "java.", "Exception");
    }

    @Test
    void invite_forAMicroCredentialTheOrganisationDoesNotOffer_is404() {
        expect(invite(ADMIN, Map.of("userId", BEA.userId(), "microCredentialId", "not-offered-here")), 404);
    }

    @Test
    void acceptPage_showsWhatAnAssessorDoes_escaped_withAnAntiForgeryField() {
        Who fay = invited("u-fay-i", "Fay <i>Page</i>");

        APIGatewayV2HTTPResponse page = expect(handler.dispatch(Call.invitationPage(fixture.invitationToken(fay, 1))
                .event()), 200);

        assertThat(page.getHeaders().get("content-type")).startsWith("text/html");
        assertThat(page.getHeaders().get("referrer-policy")).isEqualTo("no-referrer");
        assertThat(page.getBody()).contains("Become an assessor for Checking for Understanding with Exit Tickets",
                "Fay &lt;i&gt;Page&lt;/i&gt;", "Calibration comes first", "kappa 0.6", "name=\"csrf\"",
                "<button type=\"submit\">Accept the invitation</button>").doesNotContain("<i>Page");
    }

    @Test
    void accept_createsACalibratingCoachItem_andShowsWhatHappensNext() {
        Who gus = invited("u-gus-i", "Gus Accept");
        String token = fixture.invitationToken(gus, 1);
        String form = Fixture.formFields(expect(handler.dispatch(Call.invitationPage(token).event()), 200).getBody());

        APIGatewayV2HTTPResponse accepted = expect(handler.dispatch(Call.acceptInvitation(token, form).event()), 200);

        assertThat(accepted.getBody()).contains("Welcome, assessor", "What happens next", "calibrating");
        Map<String, AttributeValue> coach = fixture.coachItem(gus);
        assertThat(coach.get("microCredentialIds").l()).extracting(AttributeValue::s)
                .containsExactly(Fixture.MICRO_CREDENTIAL);
        assertThat(coach.get("calibratingMicroCredentialIds").l()).extracting(AttributeValue::s)
                .containsExactly(Fixture.MICRO_CREDENTIAL);
        assertThat(coach.get("openEnrollments").n()).isEqualTo("0");
        assertThat(coach.get("email").s()).isEqualTo(gus.email());
    }

    @Test
    void accept_twice_changesNothingTheSecondTime() {
        Who hal = invited("u-hal-i", "Hal Twice");
        String token = fixture.invitationToken(hal, 1);
        String form = Fixture.formFields(expect(handler.dispatch(Call.invitationPage(token).event()), 200).getBody());
        expect(handler.dispatch(Call.acceptInvitation(token, form).event()), 200);

        APIGatewayV2HTTPResponse again = expect(handler.dispatch(Call.acceptInvitation(token, form).event()), 200);

        assertThat(again.getBody()).contains("You accepted this invitation");
        assertThat(fixture.coachItem(hal).get("calibratingMicroCredentialIds").l()).hasSize(1);
        assertThat(fixture.coachItem(hal).get("microCredentialIds").l()).hasSize(1);
    }

    @Test
    void accept_eightTimesAtOnce_joinsThePoolOnce() throws Exception {
        Who zoe = invited("u-zoe-i", "Zoe Doubleclick");
        String token = fixture.invitationToken(zoe, 1);
        String form = Fixture.formFields(expect(handler.dispatch(Call.invitationPage(token).event()), 200).getBody());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return handler.dispatch(Call.acceptInvitation(token, form).event()).getStatusCode();
            }));
        }
        start.countDown();
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200);
        assertThat(fixture.coachItem(zoe).get("microCredentialIds").l()).hasSize(1);
        assertThat(fixture.coachItem(zoe).get("calibratingMicroCredentialIds").l()).hasSize(1);
    }

    @Test
    void accept_byACoachOfAnotherMicroCredential_keepsThemLiveThere() {
        String token = invitedAndTokenOf(OTHER_COACH);
        String form = Fixture.formFields(expect(handler.dispatch(Call.invitationPage(token).event()), 200).getBody());

        expect(handler.dispatch(Call.acceptInvitation(token, form).event()), 200);

        Map<String, AttributeValue> coach = fixture.coachItem(OTHER_COACH);
        assertThat(coach.get("microCredentialIds").l()).extracting(AttributeValue::s)
                .containsExactly("another-micro-credential", Fixture.MICRO_CREDENTIAL);
        assertThat(coach.get("calibratingMicroCredentialIds").l()).extracting(AttributeValue::s)
                .containsExactly(Fixture.MICRO_CREDENTIAL);
        assertThat(coach.get("openEnrollments").n()).isEqualTo("3");
    }

    @Test
    void accept_afterTheBadgeWasRevoked_is422AndChangesNothing() {
        Who mo = invited("u-mo-i", "Mo Revoked Later");
        String token = fixture.invitationToken(mo, 1);
        String form = Fixture.formFields(expect(handler.dispatch(Call.invitationPage(token).event()), 200).getBody());
        fixture.badge(mo, "revoked");
        fixture.stack.dynamoDb().deleteItem(r -> r.tableName(fixture.table("BadgesTable")).key(Map.of(
                "pk", AttributeValue.fromS("BADGE#bdg-" + mo.userId() + "-active"), "sk", AttributeValue.fromS("BADGE"))));

        APIGatewayV2HTTPResponse page = expect(handler.dispatch(Call.acceptInvitation(token, form).event()), 422);

        assertThat(page.getBody()).contains("no longer active");
        assertThat(fixture.coachItem(mo)).isEmpty();
    }

    @Test
    void accept_withoutTheFormsAntiForgeryField_is403AndChangesNothing() {
        Who ivy = invited("u-ivy-i", "Ivy Forged");
        String token = fixture.invitationToken(ivy, 1);

        expect(handler.dispatch(Call.acceptInvitation(token, "nonce=abc&csrf=def").event()), 403);

        assertThat(fixture.coachItem(ivy)).isEmpty();
    }

    @Test
    void acceptLink_tampered_is403() {
        Who jay = invited("u-jay-i", "Jay Tamper");
        String token = fixture.invitationToken(jay, 1);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

        APIGatewayV2HTTPResponse page = expect(handler.dispatch(Call.invitationPage(tampered).event()), 403);

        assertThat(page.getBody()).contains("not valid").doesNotContain("Jay Tamper");
        expect(handler.dispatch(Call.acceptInvitation(tampered, "").event()), 403);
    }

    @Test
    void acceptLink_aReviewLinkToken_is403() {
        String reviewToken = new ReviewLinks(Fixture.LINK_KEY.getBytes(StandardCharsets.UTF_8),
                ReviewLinks.DEFAULT_VALIDITY).issue("enr-aaaaaaaaaaaaaaaaaaaa.1", BEA.userId(), Instant.now());

        expect(handler.dispatch(Call.invitationPage(reviewToken).event()), 403);
    }

    @Test
    void acceptLink_afterFourteenDays_is410AndCannotAccept() {
        Who kai = invited("u-kai-i", "Kai Late");
        String token = fixture.invitationToken(kai, 1);
        AssessorHandler later = fixture.handler(Clock.fixed(Instant.now().plus(Duration.ofDays(15)), ZoneOffset.UTC));

        assertThat(expect(later.dispatch(Call.invitationPage(token).event()), 410).getBody()).contains("has expired");
        expect(later.dispatch(Call.acceptInvitation(token, "").event()), 410);
        assertThat(fixture.coachItem(kai)).isEmpty();
    }

    @Test
    void invite_again_afterTheLinkExpired_renewsItWithANewLinkAndTheOldOneStopsWorking() {
        Who lou = invited("u-lou-i", "Lou Renewed");
        String old = fixture.invitationToken(lou, 1);
        AssessorHandler later = fixture.handler(Clock.fixed(Instant.now().plus(Duration.ofDays(15)), ZoneOffset.UTC));

        JsonNode renewed = body(expect(later.dispatch(Call.invite(Fixture.ORGANIZATION, inviting(lou)).as(ADMIN)
                .event()), 201));

        assertThat(renewed.get("revision").asInt()).isEqualTo(2);
        String fresh = fixture.invitationToken(lou, 2);
        expect(later.dispatch(Call.invitationPage(fresh).event()), 200);
        expect(handler.dispatch(Call.invitationPage(old).event()), 403);
    }

    private static Who invited(String userId, String name) {
        Who who = Who.learner(userId, name);
        fixture.member(who, "learner");
        fixture.badge(who, "active");
        expect(invite(ADMIN, inviting(who)), 201);
        return who;
    }

    private static String invitedAndTokenOf(Who who) {
        expect(invite(ADMIN, new HashMap<>(inviting(who))), 201);
        return fixture.invitationToken(who, 1);
    }
}
