package org.microcred.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.badges.support.BadgeFixture;
import org.microcred.badges.support.Call;
import org.microcred.badges.support.Who;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;

/** The learner's "my achievements": only their badges, newest first, paged, with evidence and LinkedIn links. */
@ExtendWith(EmulatorsExtension.class)
class MyBadgesTest {
    static final Who ANA = Who.learner("u-ana-m", "Ana Ortiz");
    static final Who BEN = Who.learner("u-ben-m", "Ben Okafor");
    static final Who CARLA = Who.learner("u-carla-m", "Carla Nuñez");
    static final Who DANA = Who.learner("u-dana-m", "Dana Lee");
    static final Who ADMIN = Who.admin("u-admin-m", "org-riverbend");

    private static BadgeFixture fixture;
    private static BadgeHandler handler;
    private static List<String> anas;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new BadgeFixture(stack);
        handler = fixture.handler();
        anas = new ArrayList<>();
        anas.add(fixture.issue(fixture.badgeFor(ANA).issuedAt("2026-03-04T10:00:00.000Z")));
        anas.add(fixture.issue(fixture.badgeFor(ANA).issuedAt("2026-05-06T10:00:00.000Z")
                .validUntil("2029-05-06T10:00:00.000Z").issuerName("Riverbend & Co. \"Schools\"")));
        anas.add(fixture.issue(fixture.badgeFor(ANA).issuedAt("2026-04-05T10:00:00.000Z")));
        fixture.issue(fixture.badgeFor(BEN));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(badge -> ids.add(badge.path("id").asText()));
        return ids;
    }

    @Test
    void myBadges_listsOnlyTheCallersBadgesNewestFirst() {
        JsonNode page = body(expect(handler.dispatch(Call.myBadges().as(ANA).event()), 200));

        assertThat(ids(page)).containsExactly(anas.get(1), anas.get(2), anas.get(0));
        assertThat(page.has("nextCursor")).isFalse();
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("title").asText()).isEqualTo(BadgeFixture.TITLE);
        assertThat(first.path("status").asText()).isEqualTo("active");
        assertThat(first.path("links").path("page").asText()).isEqualTo(fixture.apiUrl + "/badges/" + anas.get(1));
        assertThat(first.path("links").path("png").asText()).endsWith("/badges/" + anas.get(1) + "/image.png");
    }

    @Test
    void myBadges_ofALearnerWithoutBadges_isEmpty() {
        JsonNode page = body(expect(handler.dispatch(Call.myBadges().as(CARLA).event()), 200));

        assertThat(page.path("items")).isEmpty();
    }

    @Test
    void myBadges_pagesWithACursor() {
        JsonNode first = body(expect(handler.dispatch(Call.myBadges().query("limit", "2").as(ANA).event()), 200));
        String cursor = first.path("nextCursor").asText();
        JsonNode second = body(expect(handler.dispatch(Call.myBadges().query("limit", "2").query("cursor", cursor)
                .as(ANA).event()), 200));

        assertThat(ids(first)).containsExactly(anas.get(1), anas.get(2));
        assertThat(ids(second)).containsExactly(anas.get(0));
    }

    @Test
    void myBadges_withAnotherLearnersCursor_is400() {
        JsonNode first = body(expect(handler.dispatch(Call.myBadges().query("limit", "1").as(ANA).event()), 200));

        var response = handler.dispatch(Call.myBadges().query("cursor", first.path("nextCursor").asText()).as(BEN).event());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("errors").get(0).path("field").asText()).isEqualTo("cursor");
        assertThat(handler.dispatch(Call.myBadges().query("cursor", "garbage!").as(ANA).event()).getStatusCode())
                .isEqualTo(400);
        assertThat(handler.dispatch(Call.myBadges().query("limit", "0").as(ANA).event()).getStatusCode()).isEqualTo(400);
    }

    @Test
    void myBadges_anonymously_is401() {
        assertThat(handler.dispatch(Call.myBadges().event()).getStatusCode()).isEqualTo(401);
    }

    @Test
    void myBadges_giveEachEvidenceKindWhatOpensIt_aDownloadOnlyForFiles() {
        JsonNode badge = body(expect(handler.dispatch(Call.myBadges().as(ANA).event()), 200)).path("items").get(0);
        var item = fixture.badgeItem(badge.path("id").asText());
        String enrollmentId = item.get("enrollmentId").s();

        JsonNode evidence = badge.path("evidence");
        assertThat(evidence).hasSize(3);
        JsonNode text = evidence.get(0);
        assertThat(text.path("kind").asText()).isEqualTo("text");
        assertThat(text.path("name").asText()).isEqualTo("Reflection on <b>exit</b> tickets");
        assertThat(text.path("submissionUrl").asText())
                .isEqualTo(fixture.apiUrl + "/submissions/" + item.get("submissionId").s());
        assertThat(text.has("downloadUrl")).isFalse();
        JsonNode link = evidence.get(1);
        assertThat(link.path("url").asText()).isEqualTo("https://drive.example/private/lesson-materials");
        assertThat(link.path("name").asText()).isEqualTo("Materials");
        assertThat(link.has("downloadUrl")).isFalse();
        JsonNode file = evidence.get(2);
        assertThat(file.path("fileName").asText()).isEqualTo("plan-period-3.pdf");
        assertThat(file.path("downloadUrl").asText()).isEqualTo(fixture.apiUrl + "/enrollments/"
                + enrollmentId + "/artifacts/art-00000000000000000003/download");
        assertThat(file.has("url")).isFalse();
    }

    @Test
    void myBadges_ofABadgeIssuedBeforeIssue13_giveTheLinkAndFileNameThatWereItsNames() {
        String id = fixture.issue(fixture.badgeFor(BEN));
        fixture.legacyEvidence(id);

        JsonNode badge = body(expect(handler.dispatch(Call.myBadges().as(BEN).event()), 200)).path("items").get(0);

        JsonNode evidence = badge.path("evidence");
        assertThat(evidence.get(0).path("name").asText()).isEqualTo("Lesson plan and exit ticket");
        assertThat(evidence.get(0).path("fileName").asText()).isEqualTo("plan-period-3.pdf");
        assertThat(evidence.get(1).path("name").asText()).isEqualTo("Materials");
        assertThat(evidence.get(1).path("url").asText()).isEqualTo("https://drive.example/private/lesson-materials");
        assertThat(evidence.get(1).has("downloadUrl")).isFalse();
    }

    @Test
    void myBadges_linkedInLink_isPrefilledAndEncoded() {
        JsonNode badge = body(expect(handler.dispatch(Call.myBadges().as(ANA).event()), 200)).path("items").get(0);
        String url = badge.path("linkedInAddToProfileUrl").asText();

        assertThat(url).startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&")
                .doesNotContain(" ").doesNotContain("\"").contains("Riverbend%20%26%20Co.%20%22Schools%22");
        Map<String, String> parameters = query(url);
        assertThat(parameters).containsEntry("name", BadgeFixture.TITLE)
                .containsEntry("organizationName", "Riverbend & Co. \"Schools\"")
                .containsEntry("issueYear", "2026").containsEntry("issueMonth", "5")
                .containsEntry("expirationYear", "2029").containsEntry("expirationMonth", "5")
                .containsEntry("certUrl", fixture.apiUrl + "/badges/" + anas.get(1))
                .containsEntry("certId", anas.get(1));
    }

    @Test
    void myBadges_showARevokedBadgeAsRevokedWithoutALinkedInLink() {
        String id = fixture.issue(fixture.badgeFor(DANA));
        expect(handler.dispatch(Call.revoke(id, Map.of("reason", "Issued in error.")).as(ADMIN).event()), 200);

        JsonNode badge = body(expect(handler.dispatch(Call.myBadges().as(DANA).event()), 200)).path("items").get(0);

        assertThat(badge.path("id").asText()).isEqualTo(id);
        assertThat(badge.path("status").asText()).isEqualTo("revoked");
        assertThat(badge.path("revocationReason").asText()).isEqualTo("Issued in error.");
        assertThat(badge.has("linkedInAddToProfileUrl")).isFalse();
        assertThat(badge.path("evidence")).hasSize(3);
    }
}
