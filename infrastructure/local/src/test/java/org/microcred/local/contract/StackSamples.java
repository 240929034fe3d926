package org.microcred.local.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microcred.local.fixtures.LearnerJourney;
import org.microcred.local.fixtures.SesMailbox;
import org.microcred.local.identity.DevUser;
import org.microcred.local.junit.RunningStack;
import org.microcred.shared.json.Json;

/**
 * Real ids of a seeded stack, so that a generated request can get past "no such thing" to the
 * checks behind it: organisations, people, micro-credentials, an enrolment with evidence, a
 * submission decided with mastery (and so a badge), a roster import and, when the SES emulator
 * runs, the emailed links (a review waiting for its coach, an assessor invitation) with their
 * pages' form fields. Keyed as a path or body parameter is named ({@code orgId}, {@code userId}...),
 * for a generic {@code {id}} or {@code {token}} by the path segment before it, and a page's form
 * fields by page and name ({@code review.csrf}).
 */
final class StackSamples {
    private static final String RIVERBEND = "org-riverbend";
    private static final String ROSA = "u-riverbend-learner-rosa";
    private static final String MARIA = "u-riverbend-learner-maria";
    private static final String DANIEL = "u-riverbend-learner-daniel";
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private StackSamples() {
    }

    static StackSamples collect(RunningStack stack) throws Exception {
        StackSamples samples = new StackSamples();
        for (DevUser user : stack.stack().directory().users()) {
            samples.add("userId", user.id());
            samples.add("coachId", user.id());
            samples.add("email", user.email());
            if (user.organizationId() != null) {
                samples.add("orgId", user.organizationId());
            }
        }
        JsonNode catalog = json(send(stack, stack.request("/microcredentials?limit=100")));
        for (JsonNode card : catalog.path("items")) {
            samples.add("microcredentials", card.path("id").asText());
            samples.add("microCredentialId", card.path("id").asText());
        }
        String badged = samples.earnBadge(stack);
        samples.declareEvidence(stack);
        samples.startRosterImport(stack);
        Optional<SesMailbox> mailbox = SesMailbox.of(stack);
        if (mailbox.isPresent()) {
            samples.awaitReview(stack, mailbox.get());
            samples.inviteAssessor(stack, mailbox.get(), badged);
        }
        return samples;
    }

    /** Known values for a parameter or property name; empty when there are none. */
    List<String> forName(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * Known values for a path parameter: for a generic name ({@code {id}}, {@code {token}}) by the
     * path segment before it ({@code enrollments}, {@code review}...), otherwise by its name.
     */
    List<String> forPathParameter(String path, String name) {
        if (!name.equals("id") && !name.equals("token")) {
            return forName(name);
        }
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + name + "}")) {
                return forName(segments[i - 1]);
            }
        }
        return List.of();
    }

    private void add(String name, String value) {
        List<String> known = values.computeIfAbsent(name, key -> new ArrayList<>());
        if (!known.contains(value)) {
            known.add(value);
        }
    }

    /** Rosa's journey of the badge end-to-end test: enrol, evidence, submit, mastery; the micro-credential. */
    private String earnBadge(RunningStack stack) throws Exception {
        String microCredentialId = LearnerJourney.microCredentialId(stack, "safe student supervision");
        LearnerJourney rosa = new LearnerJourney(stack, ROSA);
        JsonNode enrolled = rosa.enrol(microCredentialId);
        String enrollment = enrolled.path("id").asText();
        String coach = enrolled.path("coach").path("id").asText();
        rosa.uploadAndConfirm(enrollment, "zone-map", "recess-zones.pdf", "application/pdf", "%PDF-1.4 zones");
        rosa.uploadAndConfirm(enrollment, "observation-checklist", "checklist.pdf", "application/pdf",
                "%PDF-1.4 checklist");
        rosa.declareText(enrollment, "procedure-responses", "I radio the office first.");
        String submission = rosa.submit(enrollment).path("id").asText();
        HttpResponse<String> decided = LearnerJourney.post(stack, coach, "/submissions/" + submission + "/decision",
                Map.of("outcome", "mastery", "feedback", "Clear zones and calm procedures.", "scores", List.of(
                        Map.of("criterionId", "active-supervision", "levelId", "proficient"),
                        Map.of("criterionId", "procedures", "levelId", "exemplary"),
                        Map.of("criterionId", "zone-planning", "levelId", "proficient"))));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        add("enrollments", enrollment);
        add("submissions", submission);
        add("badges", badgeId(enrollment));
        return microCredentialId;
    }

    /** Daniel enrols and declares a text artifact, which stays unsubmitted. */
    private void declareEvidence(RunningStack stack) {
        LearnerJourney daniel = new LearnerJourney(stack, DANIEL);
        JsonNode enrolled = daniel.enrol(LearnerJourney.microCredentialId(stack, "exit tickets"));
        String enrollment = enrolled.path("id").asText();
        HttpResponse<String> declared = daniel.post("/enrollments/" + enrollment + "/artifacts", Map.of(
                "requirementId", "reflection", "kind", "text", "text", "Two groups emerged."));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        add("enrollments", enrollment);
        add("artifactId", json(declared).path("id").asText());
    }

    /** Maria submits her exit tickets: her coach's review link, and its page's form fields. */
    private void awaitReview(RunningStack stack, SesMailbox mailbox) throws Exception {
        LearnerJourney maria = new LearnerJourney(stack, MARIA);
        JsonNode enrolled = maria.enrol(LearnerJourney.microCredentialId(stack, "exit tickets"));
        String enrollment = enrolled.path("id").asText();
        add("submissions", maria.submitExitTicketsEvidence(enrollment).path("id").asText());
        add("enrollments", enrollment);
        String learner = stack.stack().directory().user(MARIA).orElseThrow().name();
        JsonNode email = mailbox.await(enrolled.path("coach").path("email").asText(), learner + " submitted evidence",
                MAIL_TIMEOUT);
        linkAndForm(stack, "review", email);
    }

    /** The org admin invites Rosa, once her badge is issued, to assess: the link and its page's form fields. */
    private void inviteAssessor(RunningStack stack, SesMailbox mailbox, String microCredentialId) throws Exception {
        String admin = stack.tokenFor(Callers.orgAdmin(), RIVERBEND);
        Instant deadline = Instant.now().plus(MAIL_TIMEOUT);
        while (send(stack, stack.request("/badges/" + forName("badges").get(0))).statusCode() != 200) {
            assertThat(Instant.now()).as("Rosa's badge is issued").isBefore(deadline);
            Thread.sleep(200);
        }
        HttpResponse<String> invited = send(stack, stack.request("/orgs/" + RIVERBEND + "/assessor-invitations")
                .header("authorization", "Bearer " + admin).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("userId", ROSA,
                        "microCredentialId", microCredentialId)))));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String rosa = stack.stack().directory().user(ROSA).orElseThrow().email();
        linkAndForm(stack, "assessor-invitations", mailbox.await(rosa, "You are invited to assess", MAIL_TIMEOUT));
    }

    /** The token of the email's link to {@code /<page>/<token>}, and the hidden fields of the page's form. */
    private void linkAndForm(RunningStack stack, String page, JsonNode email) {
        Matcher link = Pattern.compile("/" + page + "/([A-Za-z0-9_.-]+)").matcher(email.path("body").path("text").asText());
        assertThat(link.find()).as("a link to /%s/ in %s", page, email.path("body")).isTrue();
        add(page, link.group(1));
        String html = send(stack, stack.request("/" + page + "/" + link.group(1))).body();
        Matcher field = Pattern.compile("name=\"(csrf|nonce)\" value=\"([^\"]+)\"").matcher(html);
        while (field.find()) {
            add(page + "." + field.group(1), field.group(2));
        }
    }

    private void startRosterImport(RunningStack stack) {
        HttpResponse<String> started = send(stack, stack.request("/orgs/" + RIVERBEND + "/roster-imports")
                .header("authorization", "Bearer " + stack.tokenFor(Callers.orgAdmin(), RIVERBEND))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("fileName", "users.csv", "size", 120)))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        add("importId", json(started).path("id").asText());
    }

    /** The issuer names a badge after its enrolment, so it is known before the stream has delivered it. */
    private static String badgeId(String enrollment) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("badge|" + enrollment).getBytes(StandardCharsets.UTF_8));
        return "bdg-" + HexFormat.of().formatHex(Arrays.copyOf(digest, 12));
    }
}
