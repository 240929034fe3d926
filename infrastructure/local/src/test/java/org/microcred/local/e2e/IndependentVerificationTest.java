package org.microcred.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.dataintegrity.OfflineContexts;
import org.microcred.local.browser.ProcessRun;
import org.microcred.local.fixtures.Fixtures;
import org.microcred.local.fixtures.LearnerJourney;
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;
import org.microcred.local.verifiers.IndependentVerifiers;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A badge issued for real (enrolment, evidence, the coach's mastery decision, the stream-triggered
 * issuer) is verified over HTTP by libraries that are not ours, as a wallet or an employer's
 * verifier would: the VC-JWT by jose through the JWK set and through the kid URL, the embedded
 * eddsa-rdfc-2022 proof by jsonld-signatures in safe mode with the contexts published on npm.
 * The learner's own view opens every piece of evidence; the public artefacts name none of it.
 */
@WithLocalStack(seeded = true)
class IndependentVerificationTest {
    private static final String JAMAL = "u-riverbend-learner-jamal";
    private static final String PRIVATE_LINK = "https://video.example/private/jamal-period-2";
    private static final String REFLECTION = "Two thirds chose B, so I retaught the misconception with a number line.";

    private static String badgeId;
    private static String base;

    @BeforeAll
    static void issueABadge(RunningStack stack) throws Exception {
        base = stack.baseUri().toString().replaceAll("/$", "");
        LearnerJourney jamal = new LearnerJourney(stack, JAMAL);
        JsonNode enrolled = jamal.enrol(LearnerJourney.microCredentialId(stack, "hinge questions"));
        String enrollment = enrolled.path("id").asText();
        jamal.uploadAndConfirm(enrollment, "hinge-question-set", "jamal-hinge-set.pdf", "application/pdf",
                "%PDF-1.4 hinge questions");
        jamal.uploadAndConfirm(enrollment, "response-data", "period-2-responses.csv", "text/csv", "option,count\nB,18\n");
        jamal.declareLink(enrollment, "lesson-video", PRIVATE_LINK);
        jamal.declareText(enrollment, "reflection", REFLECTION);
        jamal.submit(enrollment);
        HttpResponse<String> decided = LearnerJourney.post(stack, enrolled.path("coach").path("id").asText(),
                "/submissions/" + enrollment + ".1/decision", Map.of("outcome", "mastery", "feedback", "Sharp pivot.",
                        "scores", List.of(Map.of("criterionId", "question-design", "levelId", "proficient"),
                                Map.of("criterionId", "decision-rule", "levelId", "proficient"),
                                Map.of("criterionId", "reflection-quality", "levelId", "proficient"))));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        badgeId = awaitBadge(stack, enrollment, Duration.ofSeconds(20));
    }

    @Test
    void issuedBadge_verifiesWithJoseAndJsonldSignaturesInSafeMode() {
        ProcessRun.Result run = IndependentVerifiers.locate().ready().verify(base + "/badges/" + badgeId + "/credential");

        assertThat(run.succeeded()).as("independent verifiers on %s:\n%s%s", badgeId, run.stdout(), run.stderr()).isTrue();
        JsonNode report = parse(run.stdout());
        assertThat(report.path("vcJwt").path("remoteJwkSet").path("verified").asBoolean()).isTrue();
        assertThat(report.path("vcJwt").path("kidUrl").path("kid").asText())
                .startsWith(base + "/issuers/org-riverbend/keys/");
        assertThat(report.path("embeddedProof").path("verified").asBoolean()).isTrue();
        assertThat(report.path("changedCopies").path("embeddedProof").path("verified").asBoolean()).isFalse();
        assertThat(report.path("changedCopies").path("vcJwt").path("verified").asBoolean()).isFalse();
    }

    @Test
    void bundledContexts_areTheOnesPublishedOnNpm() throws Exception {
        JsonNode published = IndependentVerifiers.locate().ready().contexts();

        for (String url : List.of(OfflineContexts.CREDENTIALS_V2, OfflineContexts.OPEN_BADGES_V3,
                OfflineContexts.OPEN_BADGES_V3_EXTENSIONS)) {
            assertThat(Fixtures.MAPPER.readTree(OfflineContexts.bundledBytes(url))).as(url).isEqualTo(published.path(url));
        }
    }

    @Test
    void publicPageAndCredential_nameTheEvidenceByRequirement_only(RunningStack stack) {
        String page = send(stack, stack.request("/badges/" + badgeId)).body();
        String credential = send(stack, stack.request("/badges/" + badgeId + "/credential")
                .header("accept", "application/vc+ld+json")).body();

        assertThat(page + credential).doesNotContain(PRIVATE_LINK).doesNotContain("jamal-hinge-set.pdf")
                .doesNotContain("period-2-responses.csv").doesNotContain("retaught");
        assertThat(page).contains("Video of the hinge moment", "Response distributions");
    }

    @Test
    void myBadges_openEveryPieceOfEvidence_noDownloadThatAnswers409(RunningStack stack) {
        HttpResponse<String> mine = send(stack, stack.request("/me/badges")
                .header("authorization", "Bearer " + stack.tokenFor(JAMAL)));
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        JsonNode evidence = json(mine).path("items").get(0).path("evidence");
        assertThat(evidence).hasSize(4);

        for (JsonNode piece : evidence) {
            switch (piece.path("kind").asText()) {
                case "file" -> {
                    assertThat(piece.has("url")).isFalse();
                    assertThat(learnerGet(stack, piece.path("downloadUrl").asText()).statusCode()).as(piece.toString())
                            .isEqualTo(200);
                }
                case "link" -> {
                    assertThat(piece.has("downloadUrl")).isFalse();
                    assertThat(piece.path("url").asText()).isEqualTo(PRIVATE_LINK);
                }
                default -> {
                    assertThat(piece.has("downloadUrl")).isFalse();
                    HttpResponse<String> submission = learnerGet(stack, piece.path("submissionUrl").asText());
                    assertThat(submission.statusCode()).as(submission.body()).isEqualTo(200);
                    assertThat(submission.body()).contains(REFLECTION);
                }
            }
        }
    }

    private static HttpResponse<String> learnerGet(RunningStack stack, String url) {
        assertThat(url).startsWith(base + "/");
        return send(stack, stack.request(url.substring(base.length()))
                .header("authorization", "Bearer " + stack.tokenFor(JAMAL)));
    }

    private static JsonNode parse(String json) {
        try {
            return Fixtures.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("verify.mjs printed no JSON report:\n" + json, e);
        }
    }

    private static String awaitBadge(RunningStack stack, String enrollment, Duration timeout) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("badge|" + enrollment).getBytes(StandardCharsets.UTF_8));
        String id = "bdg-" + HexFormat.of().formatHex(Arrays.copyOf(digest, 12));
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, AttributeValue> item = stack.stack().emulators().dynamoDb().getItem(r -> r
                    .tableName(stack.stack().physicalNames().get("BadgesTable")).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("BADGE#" + id), "sk", AttributeValue.fromS("BADGE")))).item();
            if (item != null && !item.isEmpty()) {
                return id;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No badge " + id + " for enrolment " + enrollment + " after " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
