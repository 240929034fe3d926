package org.microcred.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.notification.support.OutboxEmails.key;
import static org.microcred.notification.support.OutboxEmails.s;
import static org.microcred.notification.support.OutboxEmails.subject;
import static org.microcred.emulators.junit.StreamEvents.batch;
import static org.microcred.emulators.junit.StreamEvents.insert;
import static org.microcred.emulators.junit.StreamEvents.modify;
import static org.microcred.emulators.junit.StreamEvents.remove;
import static org.microcred.emulators.junit.StreamEvents.sequenceNumber;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.microcred.emulators.junit.ExpectedErrorLog;
import org.microcred.notification.service.OutboxDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.notification.support.EncodedWords;
import org.microcred.notification.support.OutboxEmails;
import org.microcred.notification.support.RefusingSes;
import org.microcred.notification.support.SesInbox;
import org.microcred.emulators.junit.LambdaTestContext;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * NotificationFunction end to end: outbox items in the learning table (as template.yaml declares
 * it, on DynamoDB Local), the stream records Lambda would deliver for them, and the emails the
 * SES emulator captured.
 */
@ExtendWith(EmulatorsExtension.class)
class NotificationHandlerTest {
    private static final String MAIL_FROM = "no-reply@microcred.example";

    private static TestStack stack;
    private static NotificationHandler handler;
    private static SesInbox inbox;
    private static String table;

    @BeforeAll
    static void startFunction(TestStack testStack) {
        stack = testStack;
        handler = new NotificationHandler(stack.environment("NotificationFunction"));
        inbox = new SesInbox(stack.emulators().sesStoreUrl().orElseThrow());
        table = stack.tableName("LearningTable");
    }

    @Test
    void insertedOutboxEmail_isSentOnceFromTheOrganisationByName() {
        Map<String, AttributeValue> item = stored(OutboxEmails.welcome("maya.lopez@riverbend.example"));

        StreamsEventResponse response = invoke(batch(insert(item)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<JsonNode> sent = inbox.emailsWithSubjectContaining(subject(item));
        assertThat(sent).hasSize(1);
        JsonNode email = sent.get(0);
        assertThat(email.path("from").asText()).isEqualTo("\"Riverbend Unified School District\" <" + MAIL_FROM + ">");
        assertThat(email.path("destination").path("to")).extracting(JsonNode::asText).containsExactly("maya.lopez@riverbend.example");
        assertThat(email.path("replyTo")).extracting(JsonNode::asText).containsExactly("coaching@riverbend.example");
        assertThat(email.path("subject").asText()).isEqualTo(subject(item));
        assertThat(email.path("body").path("html").asText()).isEqualTo("<p>Hello Maya,</p><p>You are enrolled.</p>");
        assertThat(email.path("body").path("text").asText()).isEqualTo("Hello Maya,\n\nYou are enrolled.");

        Map<String, AttributeValue> after = read(item);
        assertThat(after.get("sentAt").s()).isNotBlank();
        assertThat(after.get("sesMessageId").s()).isEqualTo(email.path("messageId").asText());
    }

    @Test
    void replayedRecord_sendsNothingMore() {
        Map<String, AttributeValue> item = stored(OutboxEmails.welcome("sam.okafor@riverbend.example"));
        DynamodbEvent event = batch(insert(item));
        invoke(event);
        String firstSentAt = read(item).get("sentAt").s();

        StreamsEventResponse replay = invoke(event);

        assertThat(replay.getBatchItemFailures()).isEmpty();
        assertThat(inbox.emailsWithSubjectContaining(subject(item))).hasSize(1);
        assertThat(read(item).get("sentAt").s()).isEqualTo(firstSentAt);
    }

    @Test
    void sentMark_isASmallItemBesideTheEmail_whichStaysAsWritten() {
        Map<String, AttributeValue> item = stored(OutboxEmails.welcome("ines.costa@riverbend.example"));

        invoke(batch(insert(item)));

        assertThat(stack.dynamoDb().getItem(r -> r.tableName(table).key(key(item)).consistentRead(true)).item())
                .isEqualTo(item);
        Map<String, AttributeValue> status = stack.dynamoDb().getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", item.get("pk"), "sk", s("STATUS")))).item();
        assertThat(status).containsOnlyKeys("pk", "sk", "sentAt", "sesMessageId");
    }

    @Test
    void emailMarkedSentOnItsOwnItem_asBeforeIssue16_isNotSentAgain() {
        Map<String, AttributeValue> item = OutboxEmails.welcomeWrittenBeforeIssue16("old.mark@riverbend.example");
        item.put("sentAt", s("2026-03-01T09:00:00Z"));
        item.put("sesMessageId", s("ses-earlier"));
        stored(item);

        StreamsEventResponse replay = invoke(batch(insert(item)));

        assertThat(replay.getBatchItemFailures()).isEmpty();
        assertThat(inbox.emailsWithSubjectContaining(subject(item))).isEmpty();
        assertThat(read(item).get("sesMessageId").s()).isEqualTo("ses-earlier");
    }

    @Test
    void changesOtherThanNewOutboxEmails_sendNothing() {
        Map<String, AttributeValue> pending = stored(OutboxEmails.welcome("ana.silva@riverbend.example"));
        Map<String, AttributeValue> enrollment = new HashMap<>(Map.of("pk", s("ENROLLMENT#enr-1"), "sk", s("EMAIL"),
                "subject", s(subject(pending) + " not an outbox item")));
        Map<String, AttributeValue> touched = new HashMap<>(pending);
        touched.put("createdAt", s("2026-03-02T09:16:00Z"));

        StreamsEventResponse response = invoke(batch(insert(enrollment), modify(pending, touched), remove(pending)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(inbox.emailsWithSubjectContaining(subject(pending))).isEmpty();
        assertThat(read(pending)).doesNotContainKey("sentAt");
    }

    @Test
    void duplicateRecordInOneBatch_isSentOnce() {
        Map<String, AttributeValue> item = stored(OutboxEmails.welcome("dup.batch@riverbend.example"));

        StreamsEventResponse response = invoke(batch(insert(item), insert(item)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(inbox.emailsWithSubjectContaining(subject(item))).hasSize(1);
    }

    @Test
    void emailWrittenBeforeIssue16_withPlainStringBodies_isSentAsWritten() {
        Map<String, AttributeValue> item = stored(OutboxEmails.welcomeWrittenBeforeIssue16("old.shape@riverbend.example"));

        StreamsEventResponse response = invoke(batch(insert(item)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(inbox.emailsWithSubjectContaining(subject(item))).singleElement().satisfies(email -> {
            assertThat(email.path("body").path("html").asText()).isEqualTo(item.get("html").s());
            assertThat(email.path("body").path("text").asText()).isEqualTo(item.get("text").s());
            assertThat(email.path("replyTo")).extracting(JsonNode::asText).containsExactly("coaching@riverbend.example");
        });
        assertThat(read(item).get("sentAt").s()).isNotBlank();
    }

    @Test
    void compressedAndPlainBodies_reachSesIdentically() {
        String html = "<!DOCTYPE html><html lang=\"en\"><body><p>Bonjour Zoë, ça va? 😀 – “quoted”</p>"
                + "<p>Your coach wrote: &lt;b&gt;well done&lt;/b&gt;</p>\r\n<p>" + "Exit tickets ".repeat(120) + "</p></body></html>";
        String text = "Bonjour Zoë, ça va? 😀 – “quoted”\r\n\nYour coach wrote: <b>well done</b>\n\n" + "Exit tickets ".repeat(120);
        OutboxEmail compressed = withBodies(OutboxEmails.welcomeEmail("zoe.compressed@riverbend.example"), html, text);
        Map<String, AttributeValue> plain = OutboxEmails.welcomeWrittenBeforeIssue16("zoe.plain@riverbend.example");
        plain.put("html", s(html));
        plain.put("text", s(text));
        Map<String, AttributeValue> stored = stored(OutboxEmails.item(compressed));
        stored(plain);
        assertThat(stored).containsKey("body").doesNotContainKeys("html", "text");

        invoke(batch(insert(stored), insert(plain)));

        JsonNode fromCompressed = inbox.emailsWithSubjectContaining(compressed.subject()).get(0).path("body");
        JsonNode fromPlain = inbox.emailsWithSubjectContaining(subject(plain)).get(0).path("body");
        assertThat(fromCompressed.path("html").asText()).isEqualTo(html).isEqualTo(fromPlain.path("html").asText());
        assertThat(fromCompressed.path("text").asText()).isEqualTo(text).isEqualTo(fromPlain.path("text").asText());
    }

    @Test
    void htmlWithScript_isPassedThroughAsWritten() {
        String html = "<p>Your coach wrote: &lt;b&gt;well done&lt;/b&gt;</p><script>alert('x')</script>";
        Map<String, AttributeValue> item = stored(OutboxEmails.item(
                withBodies(OutboxEmails.welcomeEmail("lee.chen@riverbend.example"), html, "Well done")));

        invoke(batch(insert(item)));

        assertThat(inbox.emailsWithSubjectContaining(subject(item)))
                .singleElement().satisfies(email -> assertThat(email.path("body").path("html").asText()).isEqualTo(html));
    }

    @Test
    void organisationNameWithQuotesOrAccents_isEncodedSoRecipientsSeeItAsWritten() {
        Map<String, AttributeValue> quoted = OutboxEmails.welcome("jo.park@riverbend.example");
        quoted.put("fromName", s("The \"Riverbend\" \\ Lakeside Academy"));
        Map<String, AttributeValue> accented = OutboxEmails.welcome("jo.park@riverbend.example");
        accented.put("fromName", s("École Sainte-Anne – Équipe pédagogique"));
        stored(quoted);
        stored(accented);

        invoke(batch(insert(quoted), insert(accented)));

        assertThat(inbox.emailsWithSubjectContaining(subject(quoted))).singleElement().satisfies(email ->
                assertThat(email.path("from").asText())
                        .isEqualTo("\"The \\\"Riverbend\\\" \\\\ Lakeside Academy\" <" + MAIL_FROM + ">"));
        assertThat(inbox.emailsWithSubjectContaining(subject(accented))).singleElement().satisfies(email -> {
            String from = email.path("from").asText();
            assertThat(from).startsWith("=?UTF-8?B?").endsWith("?= <" + MAIL_FROM + ">").isEqualTo(from.strip());
            assertThat(EncodedWords.decode(from)).isEqualTo("École Sainte-Anne – Équipe pédagogique");
        });
    }

    @Test
    void sesUnreachable_reportsTheFirstOutboxEmailAndAttemptsNothingAfterIt() {
        Map<String, AttributeValue> first = stored(OutboxEmails.welcome("first@riverbend.example"));
        Map<String, AttributeValue> second = stored(OutboxEmails.welcome("second@riverbend.example"));
        Map<String, AttributeValue> unrelated = Map.of("pk", s("ENROLLMENT#enr-2"), "sk", s("PROFILE"));
        List<DynamodbEvent.DynamodbStreamRecord> records = List.of(insert(unrelated), insert(first), insert(second));
        NotificationHandler withoutSes = new NotificationHandler(stack.environment("NotificationFunction")
                .with(FunctionEnvironment.SES_ENDPOINT, "http://127.0.0.1:" + closedPort()));

        StreamsEventResponse response;
        try (var expected = ExpectedErrorLog.from(OutboxDispatcher.class)) {
            response = withoutSes.handleRequest(batch(records), new LambdaTestContext("notification-test"));
        }

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sequenceNumber(records.get(1)));
        assertThat(read(first)).doesNotContainKeys("sentAt", "failedAt");
        assertThat(read(second)).doesNotContainKeys("sentAt", "failedAt");

        // Lambda retries the shard from the reported record, in order.
        StreamsEventResponse retry = invoke(batch(records.subList(1, records.size())));

        assertThat(retry.getBatchItemFailures()).isEmpty();
        List<String> subjects = inbox.all().stream().map(email -> email.path("subject").asText())
                .filter(subject -> subject.equals(subject(first)) || subject.equals(subject(second))).toList();
        assertThat(subjects).containsExactly(subject(first), subject(second));
    }

    @Test
    void malformedOutboxEmail_isMarkedFailedAndTheBatchMovesOn() {
        Map<String, AttributeValue> malformed = OutboxEmails.welcome("unused@riverbend.example");
        malformed.remove("to");
        malformed.put("subject", s(" "));
        String messageId = OutboxEmails.messageId(malformed);
        stored(malformed);
        Map<String, AttributeValue> next = stored(OutboxEmails.welcome("next@riverbend.example"));
        DynamodbEvent event = batch(insert(malformed), insert(next));

        StreamsEventResponse response = invoke(event);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> failed = read(malformed);
        assertThat(failed.get("failedAt").s()).isNotBlank();
        assertThat(failed.get("failure").s()).contains("to must be a list").contains("subject is missing");
        assertThat(failed).doesNotContainKey("sentAt");
        assertThat(inbox.all()).noneMatch(email -> email.path("subject").asText().contains(messageId));
        assertThat(inbox.emailsWithSubjectContaining(subject(next))).hasSize(1);

        StreamsEventResponse replay = invoke(event);

        assertThat(replay.getBatchItemFailures()).isEmpty();
        assertThat(read(malformed).get("failedAt")).isEqualTo(failed.get("failedAt"));
        assertThat(inbox.emailsWithSubjectContaining(subject(next))).hasSize(1);
    }

    @Test
    void emailSesRefusesForGood_isMarkedFailedAndTheBatchMovesOn() throws IOException {
        Map<String, AttributeValue> refused = stored(OutboxEmails.welcome("unverified@riverbend.example"));
        Map<String, AttributeValue> next = stored(OutboxEmails.welcome("also-unverified@riverbend.example"));
        try (RefusingSes ses = RefusingSes.start("MessageRejected", "Email address is not verified.")) {
            NotificationHandler refusing = new NotificationHandler(stack.environment("NotificationFunction")
                    .with(FunctionEnvironment.SES_ENDPOINT, ses.endpoint()));

            StreamsEventResponse response = refusing.handleRequest(batch(insert(refused), insert(next)), new LambdaTestContext("notification-test"));

            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(ses.requests()).isEqualTo(2);
        }
        for (Map<String, AttributeValue> item : List.of(refused, next)) {
            assertThat(read(item).get("failure").s()).isEqualTo("SES refused the email: Email address is not verified.");
            assertThat(read(item)).containsKey("failedAt").doesNotContainKey("sentAt");
        }
    }

    @Test
    void sesRefusingOurOwnUnverifiedSender_isRetriedNotGivenUp() throws IOException {
        Map<String, AttributeValue> item = stored(OutboxEmails.welcome("nia.adams@riverbend.example"));
        DynamodbEvent event = batch(insert(item));
        StreamsEventResponse response;
        try (RefusingSes ses = RefusingSes.start("MessageRejected", "Email address is not verified. The following "
                + "identities failed the check in region US-EAST-1: " + MAIL_FROM);
             var quiet = ExpectedErrorLog.from(OutboxDispatcher.class)) {
            NotificationHandler refusing = new NotificationHandler(stack.environment("NotificationFunction")
                    .with(FunctionEnvironment.SES_ENDPOINT, ses.endpoint()));

            response = refusing.handleRequest(event, new LambdaTestContext("notification-test"));
        }

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sequenceNumber(event.getRecords().get(0)));
        assertThat(read(item)).doesNotContainKeys("sentAt", "failedAt");
    }

    @Test
    void outboxItemDeletedBeforeDelivery_sendsNothingAndIsNotRetried() {
        Map<String, AttributeValue> withdrawn = OutboxEmails.welcome("gone@riverbend.example");

        StreamsEventResponse response = invoke(batch(insert(withdrawn)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(inbox.emailsWithSubjectContaining(subject(withdrawn))).isEmpty();
        assertThat(stack.dynamoDb().getItem(r -> r.tableName(table).key(key(withdrawn))).hasItem()).isFalse();
    }

    private static StreamsEventResponse invoke(DynamodbEvent event) {
        return handler.handleRequest(event, new LambdaTestContext("notification-test"));
    }

    private static Map<String, AttributeValue> stored(Map<String, AttributeValue> item) {
        stack.dynamoDb().putItem(r -> r.tableName(table).item(item));
        return item;
    }

    /** The email as the function sees it: its item, with what its status item records (once it has one). */
    private static Map<String, AttributeValue> read(Map<String, AttributeValue> item) {
        return OutboxEmails.delivered(stack.dynamoDb(), table, item);
    }

    private static OutboxEmail withBodies(OutboxEmail email, String html, String text) {
        return new OutboxEmail(email.messageId(), email.organizationId(), email.fromName(), email.to(), email.replyTo(),
                email.subject(), html, text, email.createdAt());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
