package org.microcred.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;
import static org.microcred.emulators.junit.ApiResponses.header;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.badges.support.BadgeFixture;
import org.microcred.badges.support.Call;
import org.microcred.badges.support.Who;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;

/** The public verification page, its JSON, the live checks and the credential, against DynamoDB Local. */
@ExtendWith(EmulatorsExtension.class)
class PublicBadgeTest {
    static final Who MARIA = Who.learner("u-maria-p", "Maria Delgado");

    private static BadgeFixture fixture;
    private static BadgeHandler handler;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new BadgeFixture(stack);
        handler = fixture.handler();
    }

    private static APIGatewayV2HTTPResponse get(Call call) {
        return handler.dispatch(call.event());
    }

    private static JsonNode check(JsonNode verification, String name) {
        for (JsonNode check : verification.path("checks")) {
            if (check.path("check").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("No check " + name + " in " + verification);
    }

    @Test
    void page_showsWhoEarnedWhatFromWhomWithTheLiveChecks() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        var response = expect(get(Call.page(id)), 200);

        assertThat(header(response, "content-type")).startsWith("text/html");
        assertThat(response.getBody()).contains("Maria Delgado", BadgeFixture.TITLE, BadgeFixture.ORGANIZATION_NAME,
                "Alignment to the objective", "Exemplary", "Materials", "Lesson plan and exit ticket",
                "Evidence scored Proficient or above on every rubric criterion.",
                "Verified: this badge is valid", "Signature passed", "Revocation passed", "Expiry passed",
                "/badges/" + id + "/verify", "name=\"viewport\"", "lang=\"en\"")
                .doesNotContain("revoked by").doesNotContain("drive.example").doesNotContain("plan-period-3.pdf");
    }

    @Test
    void pageAndJson_ofABadgeIssuedBeforeIssue13_nameItsEvidenceByRequirement_notByTheLinkOrFileName() {
        String id = fixture.issue(fixture.badgeFor(MARIA));
        fixture.legacyEvidence(id);

        String html = expect(get(Call.page(id)), 200).getBody();
        JsonNode badge = body(expect(handler.dispatch(Call.page(id).header("accept", "application/json").event()), 200));

        assertThat(html).contains("Lesson plan and exit ticket", "Materials", "Reflection")
                .doesNotContain("drive.example").doesNotContain("plan-period-3.pdf").doesNotContain("Written response:");
        assertThat(badge.path("evidence").toString()).doesNotContain("drive.example").doesNotContain("plan-period-3");
        assertThat(badge.path("evidence").get(0).asText()).isEqualTo("Lesson plan and exit ticket");
    }

    @Test
    void page_escapesAScriptInTheLearnersName() {
        String id = fixture.issue(fixture.badgeFor(MARIA).learnerName("<script>alert(1)</script>"));

        String html = expect(get(Call.page(id)), 200).getBody();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(header(handler.dispatch(Call.page(id).event()), "content-security-policy"))
                .contains("default-src 'none'").doesNotContain("script-src");
    }

    @Test
    void page_escapesAnAttributeBreakoutInTheLearnersName() {
        String id = fixture.issue(fixture.badgeFor(MARIA).learnerName("\"><img src=x onerror=alert(1)>"));

        String html = expect(get(Call.page(id)), 200).getBody();

        assertThat(html).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x")
                .doesNotContain("\"><img");
        // Evidence names come from learners too.
        assertThat(html).contains("Reflection on &lt;b&gt;exit&lt;/b&gt; tickets");
    }

    @Test
    void page_withAcceptJson_isTheSameContentAsJson() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        var response = expect(handler.dispatch(Call.page(id).header("accept", "application/json").event()), 200);

        assertThat(header(response, "content-type")).startsWith("application/json");
        JsonNode badge = body(response);
        assertThat(badge.path("id").asText()).isEqualTo(id);
        assertThat(badge.path("credentialId").asText()).isEqualTo(fixture.apiUrl + "/badges/" + id);
        assertThat(badge.path("earner").path("name").asText()).isEqualTo("Maria Delgado");
        assertThat(badge.path("issuer").path("name").asText()).isEqualTo(BadgeFixture.ORGANIZATION_NAME);
        assertThat(badge.path("issuer").path("id").asText()).isEqualTo(fixture.apiUrl + "/issuers/org-riverbend");
        assertThat(badge.path("status").asText()).isEqualTo("active");
        assertThat(badge.path("evidence")).hasSize(3);
        assertThat(badge.path("results").get(0).path("level").asText()).isEqualTo("Exemplary");
        assertThat(badge.path("verification").path("valid").asBoolean()).isTrue();
        assertThat(response.getBody()).doesNotContain(MARIA.email()).doesNotContain(MARIA.userId());
    }

    @Test
    void verify_ofAnIntactBadge_passesEveryCheck() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        JsonNode verification = body(expect(get(Call.verify(id)), 200));

        assertThat(verification.path("badgeId").asText()).isEqualTo(id);
        assertThat(verification.path("valid").asBoolean()).isTrue();
        List<String> names = verification.path("checks").findValuesAsText("check");
        assertThat(names).containsExactly("signature", "issuer key", "revocation", "expiry");
        verification.path("checks").forEach(check -> assertThat(check.path("passed").asBoolean()).as(check.toString())
                .isTrue());
    }

    @Test
    void verify_whenOneByteOfThePayloadChanged_failsTheSignatureCheck() {
        String id = fixture.issue(fixture.badgeFor(MARIA));
        String jwt = fixture.credentialJwt(id);
        String[] parts = jwt.split("\\.");
        // Change one byte of the decoded payload (the learner-visible title) and re-encode it.
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered = payload.replaceFirst("Exit Tickets", "Exit Ticketz");
        assertThat(tampered).isNotEqualTo(payload);
        fixture.setAttribute(id, "credentialJwt", parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2]);

        JsonNode verification = body(expect(get(Call.verify(id)), 200));

        assertThat(verification.path("valid").asBoolean()).isFalse();
        assertThat(check(verification, "signature").path("passed").asBoolean()).isFalse();
        assertThat(check(verification, "issuer key").path("passed").asBoolean()).isTrue();
    }

    @Test
    void verify_whenOneCharacterOfTheEncodedPayloadChanged_failsTheSignatureCheck() {
        String id = fixture.issue(fixture.badgeFor(MARIA));
        String jwt = fixture.credentialJwt(id);
        int at = jwt.indexOf('.') + 10;
        char flipped = jwt.charAt(at) == 'A' ? 'B' : 'A';
        fixture.setAttribute(id, "credentialJwt", jwt.substring(0, at) + flipped + jwt.substring(at + 1));

        JsonNode verification = body(expect(get(Call.verify(id)), 200));

        assertThat(verification.path("valid").asBoolean()).isFalse();
        assertThat(check(verification, "signature").path("passed").asBoolean()).isFalse();
    }

    @Test
    void verify_ofAnExpiredBadge_failsTheExpiryCheck() {
        Instant issued = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String id = fixture.issue(fixture.badgeFor(MARIA).issuedAt(issued.toString())
                .validUntil(issued.plus(365, ChronoUnit.DAYS).toString()));

        JsonNode verification = body(expect(get(Call.verify(id)), 200));

        assertThat(verification.path("valid").asBoolean()).isFalse();
        assertThat(check(verification, "expiry").path("passed").asBoolean()).isFalse();
        assertThat(check(verification, "expiry").path("detail").asText()).startsWith("Expired on");
        assertThat(check(verification, "signature").path("passed").asBoolean()).isTrue();
    }

    @Test
    void verify_ofABadgeSignedWithAKeyTheIssuerNeverPublished_failsSignatureAndIssuerKey() {
        String id = fixture.issue(fixture.badgeFor(MARIA).signedWith(BadgeFixture.newKey()));

        JsonNode verification = body(expect(get(Call.verify(id)), 200));

        assertThat(verification.path("valid").asBoolean()).isFalse();
        assertThat(check(verification, "issuer key").path("passed").asBoolean()).isFalse();
        assertThat(check(verification, "signature").path("passed").asBoolean()).isFalse();
    }

    @Test
    void verify_ofABadgeSignedWithAnotherIssuersKey_failsTheIssuerKeyCheck() {
        var lakeshoreKey = BadgeFixture.newKey();
        fixture.publishKey(BadgeFixture.OTHER_ORGANIZATION, lakeshoreKey);
        String id = fixture.issue(fixture.badgeFor(MARIA).signedWith(lakeshoreKey));

        JsonNode verification = body(expect(get(Call.verify(id)), 200));

        assertThat(check(verification, "issuer key").path("passed").asBoolean()).isFalse();
        assertThat(verification.path("valid").asBoolean()).isFalse();
    }

    @Test
    void verify_ofABadgeNamingAKeyUnderAnotherIssuersJwkSet_failsTheIssuerKeyCheck() {
        var lakeshoreKey = BadgeFixture.newKey();
        fixture.publishKey(BadgeFixture.OTHER_ORGANIZATION, lakeshoreKey);
        String id = fixture.issue(fixture.badgeFor(MARIA).signedWith(lakeshoreKey)
                .kid(fixture.apiUrl + "/issuers/org-lakeshore/jwks#" + lakeshoreKey.getKeyID()));

        JsonNode verification = body(expect(get(Call.verify(id)), 200));

        assertThat(check(verification, "issuer key").path("passed").asBoolean()).isFalse();
        assertThat(check(verification, "issuer key").path("detail").asText()).contains("not one of its issuer's");
        assertThat(check(verification, "signature").path("passed").asBoolean()).isFalse();
    }

    @Test
    void verify_ofABadgeNamingItsKeyTheWayBadgesDidBeforeIssue13_passesEveryCheck() {
        String id = fixture.issue(fixture.badgeFor(MARIA)
                .kid(fixture.apiUrl + "/issuers/org-riverbend/jwks#" + fixture.signingKey.getKeyID()));

        JsonNode verification = body(expect(get(Call.verify(id)), 200));

        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(check(verification, "issuer key").path("passed").asBoolean()).isTrue();
    }

    @Test
    void verify_ofABadgeNamingAKeyUnderAnotherIssuersKeys_failsTheIssuerKeyCheck() {
        var lakeshoreKey = BadgeFixture.newKey();
        fixture.publishKey(BadgeFixture.OTHER_ORGANIZATION, lakeshoreKey);
        String id = fixture.issue(fixture.badgeFor(MARIA).signedWith(lakeshoreKey)
                .kid(fixture.apiUrl + "/issuers/org-lakeshore/keys/" + lakeshoreKey.getKeyID()));

        JsonNode verification = body(expect(get(Call.verify(id)), 200));

        assertThat(check(verification, "issuer key").path("passed").asBoolean()).isFalse();
        assertThat(check(verification, "signature").path("passed").asBoolean()).isFalse();
    }

    @Test
    void verify_ofAVc11JwtWithABareKid_passesEveryCheck() {
        String id = fixture.issue(fixture.badgeFor(MARIA).asVc11());

        JsonNode verification = body(expect(get(Call.verify(id)), 200));

        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void verify_ofAValidJwtCopiedFromAnotherBadge_failsTheSignatureCheck() {
        String mine = fixture.issue(fixture.badgeFor(MARIA));
        String other = fixture.issue(fixture.badgeFor(MARIA));
        fixture.setAttribute(mine, "credentialJwt", fixture.credentialJwt(other));

        JsonNode verification = body(expect(get(Call.verify(mine)), 200));

        assertThat(check(verification, "signature").path("passed").asBoolean()).isFalse();
        assertThat(check(verification, "signature").path("detail").asText()).contains("another badge");
    }

    @Test
    void credential_byDefault_isTheCompactJwtAsPlainText() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        var response = expect(get(Call.credential(id)), 200);

        assertThat(header(response, "content-type")).startsWith("text/plain");
        assertThat(response.getBody()).isEqualTo(fixture.credentialJwt(id)).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    @Test
    void credential_withAcceptVcJwt_isTheJwtWithThatMediaType() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        var response = expect(handler.dispatch(Call.credential(id).header("accept", "application/vc+jwt").event()), 200);

        assertThat(header(response, "content-type")).isEqualTo("application/vc+jwt");
        assertThat(response.getBody()).isEqualTo(fixture.credentialJwt(id));
    }

    @Test
    void credential_withAcceptJson_isTheOpenBadgeCredentialJson() {
        String id = fixture.issue(fixture.badgeFor(MARIA));

        var response = expect(handler.dispatch(Call.credential(id).header("accept", "application/json").event()), 200);

        assertThat(header(response, "content-type")).startsWith("application/json");
        JsonNode credential = body(response);
        assertThat(credential.path("id").asText()).isEqualTo(fixture.apiUrl + "/badges/" + id);
        assertThat(credential.path("type").toString()).contains("OpenBadgeCredential");
        assertThat(response.getBody()).doesNotContain(MARIA.email());
    }

    @Test
    void everyPublicView_leavesOutTheLearnersEmail() {
        String id = fixture.issue(fixture.badgeFor(MARIA));
        String email = fixture.email(id);

        for (Call call : List.of(Call.page(id), Call.page(id).header("accept", "application/json"), Call.verify(id),
                Call.credential(id), Call.credential(id).header("accept", "application/json"), Call.svg(id),
                Call.svg(id).query("ob", "2"), Call.assertion(id), Call.issuerProfile("org-riverbend"),
                Call.revocations("org-riverbend"), Call.ob2Issuer("org-riverbend"), Call.jwks("org-riverbend"),
                Call.badgeClass("org-riverbend", BadgeFixture.MICRO_CREDENTIAL))) {
            var response = expect(handler.dispatch(call.event()), 200);
            assertThat(response.getBody()).as(call.event().getRawPath()).doesNotContain(email)
                    .doesNotContainIgnoringCase(email);
        }
        for (Call call : List.of(Call.png(id), Call.png(id).query("ob", "2"))) {
            byte[] png = Base64.getDecoder().decode(expect(handler.dispatch(call.event()), 200).getBody());
            assertThat(new String(png, StandardCharsets.ISO_8859_1)).doesNotContain(email);
        }
    }

    @Test
    void unknownBadge_is404() {
        var response = get(Call.page("bdg-000000000000000000000000"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(header(response, "content-type")).isEqualTo("application/problem+json");
    }

    @Test
    void malformedBadgeIds_are400OnEveryRoute() {
        for (String bad : List.of("bdg-XYZ", "bdg-00000000000000000000000", "BDG-000000000000000000000000",
                "bdg-000000000000000000000000a", "../etc", "%3Cscript%3E")) {
            for (Call call : List.of(Call.page(bad), Call.verify(bad), Call.credential(bad), Call.png(bad),
                    Call.svg(bad), Call.assertion(bad))) {
                var response = handler.dispatch(call.event());
                assertThat(response.getStatusCode()).as(call.event().getRawPath()).isEqualTo(400);
                assertThat(response.getBody()).doesNotContain("<script>");
            }
        }
    }
}
