package org.microcred.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.LearnerJourney;
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;
import org.microcred.records.learning.OutboxItems;
import org.microcred.records.organizations.OrganizationKeys;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A demo educator submits her evidence, and her district's admin moves the waiting review to the
 * other coach through the enrolment function: the old coach's review link stops working at the
 * review function, the link in the new coach's email opens the review, and the queues and the
 * coaches' loads move with it. The journey crosses three functions, so it runs on the local stack.
 */
@WithLocalStack(seeded = true)
class ReassignedReviewEndToEndTest {
    private static final String RIVERBEND = "org-riverbend";
    private static final String MARIA = "u-riverbend-learner-maria";
    private static final String GRACE = "u-riverbend-org-admin-grace";
    private static final String PRIYA = "u-riverbend-coach-priya";
    private static final String SAMUEL = "u-riverbend-coach-samuel";
    private static final Pattern REVIEW_LINK = Pattern.compile("/review/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

    @Test
    void reassigningAWaitingReview_retiresTheOldLink_andTheNewCoachsLinkOpensIt(RunningStack stack) throws Exception {
        LearnerJourney maria = new LearnerJourney(stack, MARIA);
        var enrolled = maria.enrol(LearnerJourney.microCredentialId(stack, "cold calling"));
        String enrollment = enrolled.path("id").asText();
        String from = enrolled.path("coach").path("id").asText();
        String to = from.equals(PRIYA) ? SAMUEL : PRIYA;
        maria.uploadAndConfirm(enrollment, "classroom-video", "cold-calls.mp4", "video/mp4", "mp4 cold calls");
        maria.uploadAndConfirm(enrollment, "participation-tracker", "tracker.csv", "text/csv", "name,calls\nAna,3\n");
        maria.declareText(enrollment, "reflection", "We regrouped after the cold calls.");
        String submission = maria.submit(enrollment).path("id").asText();
        String oldLink = reviewLink(outbox(stack, enrollment + "#submitted-1"));
        assertThat(page(stack, oldLink).statusCode()).isEqualTo(200);
        long fromBefore = openEnrollments(stack, from);
        long toBefore = openEnrollments(stack, to);

        HttpResponse<String> moved = send(stack, stack.request("/enrollments/" + enrollment + "/coach")
                .header("authorization", "Bearer " + stack.tokenFor(GRACE)).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("coachId", to)))));

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).path("coach").path("id").asText()).isEqualTo(to);
        HttpResponse<String> old = page(stack, oldLink);
        assertThat(old.statusCode()).isEqualTo(403);
        assertThat(old.body()).contains("not valid").doesNotContain("regrouped");
        Map<String, AttributeValue> email = newCoachEmail(stack, enrollment);
        String toEmail = json(moved).path("coach").path("email").asText();
        assertThat(email.get("to").l()).extracting(AttributeValue::s).containsExactly(toEmail);
        HttpResponse<String> page = page(stack, reviewLink(email));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("We regrouped after the cold calls.");
        assertThat(openEnrollments(stack, from)).isEqualTo(fromBefore - 1);
        assertThat(openEnrollments(stack, to)).isEqualTo(toBefore + 1);
        // The queue moved with it: the new coach sees it, the old one no longer does.
        assertThat(json(queue(stack, to)).path("items")).extracting(item -> item.path("submissionId").asText())
                .contains(submission);
        assertThat(json(queue(stack, from)).path("items")).extracting(item -> item.path("submissionId").asText())
                .doesNotContain(submission);
    }

    private static HttpResponse<String> page(RunningStack stack, String token) {
        return send(stack, stack.request("/review/" + token));
    }

    private static HttpResponse<String> queue(RunningStack stack, String coachId) {
        HttpResponse<String> queue = send(stack, stack.request("/coach/reviews")
                .header("authorization", "Bearer " + stack.tokenFor(coachId)));
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        return queue;
    }

    private static String reviewLink(Map<String, AttributeValue> email) {
        Matcher link = REVIEW_LINK.matcher(OutboxItems.email(email).text());
        assertThat(link.find()).as(OutboxItems.email(email).text()).isTrue();
        return link.group(1);
    }

    private static Map<String, AttributeValue> outbox(RunningStack stack, String messageId) {
        Map<String, AttributeValue> item = stack.stack().emulators().dynamoDb().getItem(r -> r
                .tableName(stack.stack().physicalNames().get("LearningTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("OUTBOX#" + messageId), "sk", AttributeValue.fromS("EMAIL"))))
                .item();
        assertThat(item).as("outbox email " + messageId).isNotEmpty();
        return item;
    }

    /** The reassignment's email to the new coach ({@code <enrollmentId>#reassigned-<version>-new-coach}). */
    private static Map<String, AttributeValue> newCoachEmail(RunningStack stack, String enrollment) {
        List<Map<String, AttributeValue>> emails = stack.stack().emulators().dynamoDb().scanPaginator(r -> r
                .tableName(stack.stack().physicalNames().get("LearningTable")).consistentRead(true)
                .filterExpression("begins_with(pk, :prefix) AND sk = :email")
                .expressionAttributeValues(Map.of(
                        ":prefix", AttributeValue.fromS("OUTBOX#" + enrollment + "#reassigned-"),
                        ":email", AttributeValue.fromS("EMAIL")))).items().stream()
                .filter(item -> item.get("pk").s().endsWith("-new-coach")).toList();
        assertThat(emails).as("the new coach's email").hasSize(1);
        return emails.get(0);
    }

    private static long openEnrollments(RunningStack stack, String coachId) {
        Map<String, AttributeValue> coach = stack.stack().emulators().dynamoDb().getItem(r -> r
                .tableName(stack.stack().physicalNames().get("OrganizationsTable")).consistentRead(true)
                .key(OrganizationKeys.coach(RIVERBEND, coachId))).item();
        return Long.parseLong(coach.get("openEnrollments").n());
    }
}
