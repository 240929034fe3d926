package org.microcred.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.PresignedRequests;
import org.microcred.emulators.junit.TestStack;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.review.support.Call;
import org.microcred.review.support.Fixture;
import org.microcred.review.support.Who;

/** The email-linked review page: rendering, bad links, anti-forgery and deciding by form. */
@ExtendWith(EmulatorsExtension.class)
class ReviewPageTest {
    static final String SCRIPT = "<script>alert('x')</script>";
    static final String ATTRIBUTE_BREAK = "\"><img src=x onerror=alert(1)>";
    static final Who MARIA = Who.learner("u-maria-p", "Maria " + ATTRIBUTE_BREAK);
    static final Who PRIYA = Who.coach("u-priya-p", "Priya Raman");
    static final Who SAMUEL = Who.coach("u-samuel-p", "Samuel Greene");

    private static Fixture fixture;
    private static ReviewHandler handler;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
        fixture.coach(PRIYA, 5);
        handler = fixture.handler();
    }

    private static String submitted() {
        return fixture.submit(fixture.enrollment(MARIA, PRIYA), MARIA, "We regrouped. " + SCRIPT + " " + ATTRIBUTE_BREAK,
                "https://example.org/tickets");
    }

    private static APIGatewayV2HTTPResponse get(String token) {
        return handler.dispatch(Call.page(token).event());
    }

    private static APIGatewayV2HTTPResponse post(String token, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return handler.dispatch(Call.postPage(token, body).event());
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("hidden field %s", name).isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> form(String html, String outcome, String feedback) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("nonce", hidden(html, "nonce"));
        form.put("csrf", hidden(html, "csrf"));
        form.put("level.alignment", "proficient");
        form.put("level.decision", outcome.equals("mastery") ? "proficient" : "not-yet");
        form.put("feedback.decision", "Next step: " + SCRIPT);
        form.put("feedback", feedback);
        form.put("outcome", outcome);
        return form;
    }

    @Test
    void page_withAValidLink_rendersTheRubricAndEscapedEvidence() {
        String submission = submitted();

        APIGatewayV2HTTPResponse page = expect(get(fixture.token(submission, PRIYA)), 200);
        String html = page.getBody();

        assertThat(page.getHeaders().get("content-type")).startsWith("text/html");
        assertThat(html).contains("<main>", "name=\"viewport\"", "<fieldset>", "<legend>Alignment to the objective",
                "type=\"radio\"", "<label", "<textarea", "value=\"mastery\"", "value=\"needs-revision\"",
                "rel=\"noopener noreferrer\"", "https://example.org/tickets", "exit tickets to check",
                "<h3>Reflection</h3>", "<h3>Materials</h3>");
        assertThat(html).doesNotContain("<h3>reflection</h3>", "<h3>materials</h3>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).doesNotContain("<script", "<img src=x", "onerror=alert(1)>");
    }

    @Test
    void page_carryingASecretToken_neverLeaksItsAddressNorCanBeFramed_andItsPagesSaySo() {
        String submission = submitted();
        String token = fixture.token(submission, PRIYA);

        for (APIGatewayV2HTTPResponse page : new APIGatewayV2HTTPResponse[] {get(token), get("not-a-token"),
                get(fixture.links.issue(submission, PRIYA.userId(), Instant.now().minus(Duration.ofDays(15))))}) {
            assertThat(page.getHeaders()).containsEntry("referrer-policy", "no-referrer")
                    .containsEntry("x-frame-options", "DENY").containsEntry("x-content-type-options", "nosniff");
            assertThat(page.getHeaders().get("content-security-policy")).contains("default-src 'none'",
                    "frame-ancestors 'none'", "base-uri 'none'");
        }
        assertThat(get(token).getHeaders().get("content-security-policy")).contains("form-action 'self'",
                "style-src 'unsafe-inline'");
    }

    @Test
    void page_afterTheLearnerPutsOtherBytesThroughTheSameUploadUrl_stillShowsTheBytesThatWereChecked() {
        String enrollment = fixture.enrollment(MARIA, PRIYA);
        byte[] plan = "%PDF-1.4 the lesson plan that was checked".getBytes(StandardCharsets.UTF_8);
        Fixture.DeclaredFile declared = fixture.declareFile(enrollment, "lesson-plan", "plan.pdf", "application/pdf",
                plan);
        String uploadUrl = declared.uploadUrl();
        assertThat(PresignedRequests.put(uploadUrl, "application/pdf", plan).statusCode()).isEqualTo(200);
        fixture.confirm(declared);
        String submission = fixture.submit(enrollment, MARIA, "We regrouped.", null);
        byte[] forged = plan.clone();
        forged[forged.length - 1] = '!';

        PresignedRequests.put(uploadUrl, "application/pdf", forged);

        String html = expect(get(fixture.token(submission, PRIYA)), 200).getBody();
        Matcher embedded = Pattern.compile("<object data=\"([^\"]+)\" type=\"application/pdf\"").matcher(html);
        assertThat(embedded.find()).as(html).isTrue();
        var fetched = PresignedRequests.get(embedded.group(1).replace("&amp;", "&"));
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(PresignedRequests.sha256(fetched.body())).isEqualTo(PresignedRequests.sha256(plan));
        assertThat(fetched.headers().firstValue("content-type").orElse("")).isEqualTo("application/pdf");
    }

    @Test
    void page_withATamperedOrOtherCoachsLink_is403WithoutLearnerData() {
        String submission = submitted();
        String token = fixture.token(submission, PRIYA);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        String otherCoach = fixture.token(submission, SAMUEL);

        for (String bad : new String[] {tampered, otherCoach, "not-a-token"}) {
            APIGatewayV2HTTPResponse page = get(bad);
            assertThat(page.getStatusCode()).isEqualTo(403);
            assertThat(page.getBody()).contains("not valid").doesNotContain("Maria", "regrouped", "Alignment");
            assertThat(page.getBody()).as("expired links get the 410 page").doesNotContain("expired");
            assertThat(post(bad, Map.of("outcome", "mastery")).getStatusCode()).isEqualTo(403);
        }
    }

    @Test
    void page_withAnExpiredLink_is410SayingWhatToDoNext_withoutLearnerData() {
        String submission = submitted();
        String expired = fixture.links.issue(submission, PRIYA.userId(), Instant.now().minus(Duration.ofDays(15)));
        String expiredAndTampered = expired.substring(0, expired.length() - 2) + (expired.endsWith("A") ? "BB" : "AA");

        APIGatewayV2HTTPResponse page = get(expired);

        assertThat(page.getStatusCode()).isEqualTo(410);
        assertThat(page.getBody()).contains("This review link has expired", "review queue", "new link")
                .doesNotContain("Maria", "regrouped", "Alignment");
        assertThat(page.getHeaders().get("content-type")).startsWith("text/html");
        assertThat(post(expired, Map.of("outcome", "mastery")).getStatusCode()).isEqualTo(410);
        assertThat(fixture.enrollmentNow(submission.substring(0, submission.indexOf('.'))).status())
                .isEqualTo(EnrollmentStatus.SUBMITTED);
        assertThat(get(expiredAndTampered).getStatusCode()).as("an altered expired link proves nothing").isEqualTo(403);
    }

    @Test
    void post_withAForgedAntiForgeryField_is403AndDecidesNothing() {
        String submission = submitted();
        String token = fixture.token(submission, PRIYA);
        Map<String, String> forged = form(get(token).getBody(), "mastery", "");
        forged.put("csrf", "forged");

        assertThat(post(token, forged).getStatusCode()).isEqualTo(403);
        assertThat(post(token, Map.of("level.alignment", "proficient", "outcome", "mastery")).getStatusCode())
                .isEqualTo(403);
        assertThat(fixture.enrollmentNow(submission.substring(0, submission.indexOf('.'))).status())
                .isEqualTo(EnrollmentStatus.SUBMITTED);
    }

    @Test
    void post_aValidForm_recordsTheDecisionOnceAndTheLinkThenShowsIt() {
        String submission = submitted();
        String enrollment = submission.substring(0, submission.indexOf('.'));
        String token = fixture.token(submission, PRIYA);
        String html = get(token).getBody();

        APIGatewayV2HTTPResponse decided = expect(post(token, form(html, "mastery", "Well done " + SCRIPT)), 200);

        assertThat(decided.getBody()).contains("Decision recorded: mastery", "Well done &lt;script&gt;")
                .doesNotContain("<script");
        assertThat(fixture.enrollmentNow(enrollment).status()).isEqualTo(EnrollmentStatus.MASTERED);
        assertThat(expect(get(token), 200).getBody()).contains("Decision recorded: mastery").doesNotContain("<form");
        APIGatewayV2HTTPResponse again = post(token, form(html, "needs-revision", "Changed my mind"));
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(again.getBody()).contains("Decision recorded: mastery").doesNotContain("Changed my mind");
    }

    @Test
    void post_needsRevisionWithoutFeedback_showsTheFormAgainWithTheReason() {
        String submission = submitted();
        String token = fixture.token(submission, PRIYA);

        APIGatewayV2HTTPResponse page = post(token, form(get(token).getBody(), "needs-revision", ""));

        assertThat(page.getStatusCode()).isEqualTo(422);
        assertThat(page.getBody()).contains("role=\"alert\"", "overall feedback", "<form");
    }

    @Test
    void post_masteryWithACriterionBelowPassing_namesItByTitle() {
        String submission = submitted();
        String token = fixture.token(submission, PRIYA);
        Map<String, String> form = form(get(token).getBody(), "mastery", "");
        form.put("level.alignment", "not-yet");

        APIGatewayV2HTTPResponse page = post(token, form);

        assertThat(page.getStatusCode()).isEqualTo(422);
        assertThat(page.getBody()).contains("role=\"alert\"", "Below the passing level: Alignment to the objective.",
                "<form").doesNotContain("below: alignment", "Instructional decision: below");
        assertThat(fixture.enrollmentNow(submission.substring(0, submission.indexOf('.'))).status())
                .isEqualTo(EnrollmentStatus.SUBMITTED);
    }

    @Test
    void page_ofASecondAttempt_showsEarlierFeedback() {
        String first = submitted();
        String enrollment = first.substring(0, first.indexOf('.'));
        String token = fixture.token(first, PRIYA);
        expect(post(token, form(get(token).getBody(), "needs-revision", "Revise the plan " + SCRIPT)), 200);
        String second = fixture.submit(enrollment, MARIA, "Revised.", null);

        String html = expect(get(fixture.token(second, PRIYA)), 200).getBody();

        assertThat(html).contains("Earlier attempts", "Attempt 1: needs revision", "Revise the plan &lt;script&gt;")
                .doesNotContain("<script");
        assertThat(body(handler.dispatch(Call.submission(first).as(MARIA).event())).path("decision").path("feedback")
                .asText()).isEqualTo("Revise the plan " + SCRIPT);
    }
}
