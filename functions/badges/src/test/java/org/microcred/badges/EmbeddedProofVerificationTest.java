package org.microcred.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.badges.support.BadgeFixture;
import org.microcred.badges.support.Call;
import org.microcred.badges.support.Who;
import org.microcred.badges.service.Verification;
import org.microcred.dataintegrity.Ed25519Keys;
import org.microcred.emulators.SamTemplate;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;

/** The embedded eddsa-rdfc-2022 proof: served as the JSON credential, checked by /verify. */
@ExtendWith(EmulatorsExtension.class)
class EmbeddedProofVerificationTest {
    static final Who NOOR = Who.learner("u-noor-h", "Noor Haddad");
    static final String SEED = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    static final String OTHER_SEED = "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7";

    private static BadgeFixture fixture;
    private static BadgeHandler handler;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new BadgeFixture(stack);
        handler = fixture.handler();
    }

    @Test
    void badgeWithAPublishedKeysProof_verifies_andTheJsonCredentialCarriesIt() {
        String id = fixture.issue(fixture.badgeFor(NOOR));
        fixture.embedProof(id, SEED, true);

        JsonNode verification = body(expect(handler.dispatch(Call.verify(id).event()), 200));
        JsonNode credential = body(expect(handler.dispatch(Call.credential(id).header("accept", "application/vc+ld+json")
                .event()), 200));

        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(check(verification, "embedded proof").path("passed").asBoolean()).isTrue();
        assertThat(credential.path("proof").path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(credential.path("id").asText()).isEqualTo(fixture.apiUrl + "/badges/" + id);
    }

    @Test
    void badgeKeepingItsCredentialOnlyWithTheProof_showsVerifiesAndListsAsBefore() {
        String id = fixture.issue(fixture.badgeFor(NOOR));
        fixture.embedProof(id, SEED, true);
        JsonNode before = body(expect(handler.dispatch(Call.page(id).header("accept", "application/json").event()), 200));
        fixture.keepCredentialOnlyWithProof(id);

        JsonNode page = body(expect(handler.dispatch(Call.page(id).header("accept", "application/json").event()), 200));
        JsonNode verification = body(expect(handler.dispatch(Call.verify(id).event()), 200));
        JsonNode credential = body(expect(handler.dispatch(Call.credential(id).header("accept", "application/json")
                .event()), 200));
        JsonNode mine = body(expect(handler.dispatch(Call.myBadges().as(NOOR).event()), 200)).path("items");

        assertThat(page.path("description").asText()).isEqualTo("Use short exit tickets to see who learned today's objective.");
        assertThat(page.path("criteria").asText()).isEqualTo("Evidence scored Proficient or above on every rubric criterion.");
        assertThat(page.path("description")).isEqualTo(before.path("description"));
        assertThat(page.path("criteria")).isEqualTo(before.path("criteria"));
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(credential.path("proof").path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(mine.findValuesAsText("id")).contains(id);
    }

    @Test
    void changedCredential_failsTheEmbeddedProof_andTheBadgeIsNotValid() {
        String id = fixture.issue(fixture.badgeFor(NOOR));
        fixture.embedProof(id, SEED, true);
        String secured = fixture.badgeItem(id).get("credentialWithProof").s();
        fixture.setAttribute(id, "credentialWithProof", secured.replace("Checking for Understanding",
                "Checking for Misunderstanding"));

        JsonNode verification = body(expect(handler.dispatch(Call.verify(id).event()), 200));

        assertThat(verification.path("valid").asBoolean()).isFalse();
        assertThat(check(verification, "embedded proof").path("passed").asBoolean()).isFalse();
        assertThat(check(verification, "embedded proof").path("detail").asText()).contains("changed");
        assertThat(check(verification, "signature").path("passed").asBoolean()).isTrue();
    }

    @Test
    void proofByAKeyTheIssuerDoesNotPublish_fails() {
        String id = fixture.issue(fixture.badgeFor(NOOR));
        fixture.embedProof(id, OTHER_SEED, false);

        JsonNode verification = body(expect(handler.dispatch(Call.verify(id).event()), 200));

        assertThat(verification.path("valid").asBoolean()).isFalse();
        assertThat(check(verification, "embedded proof").path("detail").asText()).contains("not among the issuer's");
    }

    @Test
    void issuerProfile_listsTheMultikeyAsVerificationMethod() {
        String id = fixture.issue(fixture.badgeFor(NOOR));
        fixture.embedProof(id, SEED, true);
        String multikey = Ed25519Keys.publicKeyMultibase(Ed25519Keys.publicKeyOf(java.util.HexFormat.of().parseHex(SEED)));

        JsonNode profile = body(expect(handler.dispatch(Call.issuerProfile(BadgeFixture.ORGANIZATION).event()), 200));

        assertThat(profile.path("verificationMethod").findValuesAsText("publicKeyMultibase")).contains(multikey);
        assertThat(profile.path("verificationMethod").findValuesAsText("id"))
                .contains(fixture.apiUrl + "/issuers/" + BadgeFixture.ORGANIZATION + "#" + multikey);
    }

    /** One set of checks: the page lists exactly what /verify returns, in order, and the contract names them. */
    @Test
    void pageJsonAndContract_listTheSameChecks() throws Exception {
        String id = fixture.issue(fixture.badgeFor(NOOR));
        fixture.embedProof(id, SEED, true);

        JsonNode verification = body(expect(handler.dispatch(Call.verify(id).event()), 200));
        String html = expect(handler.dispatch(Call.page(id).event()), 200).getBody();
        JsonNode pageJson = body(expect(handler.dispatch(Call.page(id).header("accept", "application/json").event()), 200));

        List<String> json = verification.path("checks").findValuesAsText("check");
        assertThat(json).containsExactly("signature", "embedded proof", "issuer key", "revocation", "expiry");
        List<String> page = new ArrayList<>();
        Matcher shown = Pattern.compile("<strong>([A-Za-z ]+) (?:passed|failed):</strong>").matcher(html);
        while (shown.find()) {
            page.add(shown.group(1).toLowerCase(Locale.ROOT));
        }
        assertThat(page).isEqualTo(json);
        assertThat(pageJson.path("verification").path("checks").findValuesAsText("check")).isEqualTo(json);
        assertThat(html).contains("Verified: this badge is valid", "Embedded proof passed");
        JsonNode openApi = new ObjectMapper(new YAMLFactory())
                .readTree(SamTemplate.locate().directory().resolve("docs/openapi.yaml").toFile());
        List<String> contract = new ArrayList<>();
        openApi.path("components").path("schemas").path("BadgeCheck").path("properties").path("check").path("enum")
                .forEach(name -> contract.add(name.asText()));
        assertThat(contract).isEqualTo(Verification.CHECKS).isEqualTo(json);
    }

    @Test
    void issuerProfile_listsTheProofKeyUnderAssertionMethod_asAControllerDocument() {
        String id = fixture.issue(fixture.badgeFor(NOOR));
        fixture.embedProof(id, SEED, true);
        String method = fixture.apiUrl + "/issuers/" + BadgeFixture.ORGANIZATION + "#"
                + Ed25519Keys.publicKeyMultibase(Ed25519Keys.publicKeyOf(java.util.HexFormat.of().parseHex(SEED)));

        JsonNode profile = body(expect(handler.dispatch(Call.issuerProfile(BadgeFixture.ORGANIZATION).event()), 200));

        assertThat(profile.path("assertionMethod").toString()).contains("\"" + method + "\"");
        assertThat(profile.path("@context").toString()).contains("https://www.w3.org/ns/cid/v1");
        JsonNode key = profile.path("verificationMethod").get(0);
        assertThat(key.path("controller").asText()).isEqualTo(profile.path("id").asText());
        assertThat(key.path("type").asText()).isEqualTo("Multikey");
    }

    @Test
    void proofMadeBeforeIssue13_stillVerifiesHere_andSaysOtherVerifiersMayNot() {
        String id = fixture.issue(fixture.badgeFor(NOOR));
        fixture.embedProof(id, SEED, true, true);

        JsonNode verification = body(expect(handler.dispatch(Call.verify(id).event()), 200));

        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(check(verification, "embedded proof").path("detail").asText()).contains("earlier copy");
    }

    @Test
    void badgeWithoutAnEmbeddedProof_hasNoSuchCheck() {
        String id = fixture.issue(fixture.badgeFor(NOOR));

        JsonNode verification = body(expect(handler.dispatch(Call.verify(id).event()), 200));

        assertThat(verification.path("checks").findValuesAsText("check")).doesNotContain("embedded proof");
        assertThat(verification.path("valid").asBoolean()).isTrue();
    }

    private static JsonNode check(JsonNode verification, String name) {
        for (JsonNode check : verification.path("checks")) {
            if (check.path("check").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("No check " + name + " in " + verification);
    }
}
