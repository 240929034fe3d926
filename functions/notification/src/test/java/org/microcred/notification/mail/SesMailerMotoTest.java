package org.microcred.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microcred.emulators.junit.StreamEvents.batch;
import static org.microcred.emulators.junit.StreamEvents.insert;
import static org.microcred.emulators.junit.StreamEvents.sequenceNumber;
import static org.microcred.notification.support.OutboxEmails.key;
import static org.microcred.notification.support.OutboxEmails.subject;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.ExpectedErrorLog;
import org.microcred.emulators.junit.LambdaTestContext;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.emulators.moto.MotoServer;
import org.microcred.emulators.moto.WithMoto;
import org.microcred.notification.NotificationHandler;
import org.microcred.notification.service.OutboxDispatcher;
import org.microcred.notification.support.OutboxEmails;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;

/**
 * The SES v2 sender against moto's SES, which (unlike the SES emulator the local stack uses)
 * checks the sender as SES does: only a verified identity may send. What moto accepted is read
 * back from {@code /moto-api/data.json} ({@code ses.Message}).
 */
@WithEmulators
@WithMoto
class SesMailerMotoTest {
    private static final String MAIL_FROM = "no-reply@microcred.example";
    private static final String UNVERIFIED = "no-reply@unverified.example";

    private static MotoServer moto;
    private static TestStack stack;
    private static FunctionEnvironment environment;

    @BeforeAll
    static void verifySender(MotoServer server, TestStack testStack) {
        moto = server;
        stack = testStack;
        moto.sesV2().createEmailIdentity(r -> r.emailIdentity(MAIL_FROM));
        environment = stack.environment("NotificationFunction")
                .with(FunctionEnvironment.SES_ENDPOINT, moto.endpoint().toString())
                .with("MAIL_FROM", MAIL_FROM);
    }

    @Test
    void send_fromTheVerifiedSender_isAcceptedWithWhatTheOutboxSaid() {
        OutboxEmail email = email("Riverbend Unified School District", "maya.lopez@riverbend.example");

        String messageId = mailer(MAIL_FROM).send(email);

        assertThat(sent(messageId)).hasValueSatisfying(message -> {
            assertThat(message.path("source").asText()).isEqualTo("\"Riverbend Unified School District\" <" + MAIL_FROM + ">");
            assertThat(message.path("destinations").path("ToAddresses")).extracting(JsonNode::asText)
                    .containsExactly("maya.lopez@riverbend.example");
            assertThat(message.path("subject").asText()).isEqualTo(email.subject());
            // moto keeps one body: the HTML part when there is one.
            assertThat(message.path("body").asText()).isEqualTo(email.html());
        });
    }

    @Test
    void send_withANonAsciiOrganisationName_goesOutFromTheVerifiedAddressAsEncodedWords() {
        OutboxEmail email = email("Distrito Escolar de Peñasco", "ana.garcia@penasco.example");

        String messageId = mailer(MAIL_FROM).send(email);

        assertThat(sent(messageId)).hasValueSatisfying(message -> assertThat(message.path("source").asText())
                .isEqualTo(SenderAddress.format("Distrito Escolar de Peñasco", MAIL_FROM))
                .startsWith("=?UTF-8?B?").endsWith(" <" + MAIL_FROM + ">"));
    }

    @Test
    void send_fromAnUnverifiedSender_isNotGivenUpAsThisEmailsFault() {
        OutboxEmail email = email("Riverbend Unified School District", "sam.okafor@riverbend.example");
        int before = sentMessages().size();

        assertThatThrownBy(() -> mailer(UNVERIFIED).send(email))
                .isInstanceOf(MessageRejectedException.class)
                .isNotInstanceOf(EmailRejectedException.class)
                .hasMessageContaining("not verified").hasMessageContaining(UNVERIFIED);
        assertThat(sentMessages()).hasSize(before);
    }

    @Test
    void notificationFunction_sendsThroughSes_andRecordsTheMessageIdSesGave() {
        Map<String, AttributeValue> item = stored(OutboxEmails.welcome("lee.chen@riverbend.example"));

        var response = new NotificationHandler(environment).handleRequest(batch(insert(item)),
                new LambdaTestContext("notification-test"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> after = read(item);
        assertThat(after.get("sentAt").s()).isNotBlank();
        assertThat(sent(after.get("sesMessageId").s())).hasValueSatisfying(message ->
                assertThat(message.path("subject").asText()).isEqualTo(subject(item)));
    }

    @Test
    void notificationFunction_withAnUnverifiedSender_keepsTheEmailsForTheRetry() {
        Map<String, AttributeValue> first = stored(OutboxEmails.welcome("ada.byron@riverbend.example"));
        Map<String, AttributeValue> second = stored(OutboxEmails.welcome("alan.turing@riverbend.example"));
        var event = batch(insert(first), insert(second));
        NotificationHandler misconfigured = new NotificationHandler(environment.with("MAIL_FROM", UNVERIFIED));

        StreamsEventResponse response;
        try (var quiet = ExpectedErrorLog.from(OutboxDispatcher.class)) {
            response = misconfigured.handleRequest(event, new LambdaTestContext("notification-test"));
        }

        // Lambda retries from the first email (and dead-letters the batch if the sender stays unverified).
        assertThat(response.getBatchItemFailures()).singleElement().satisfies(failure ->
                assertThat(failure.getItemIdentifier()).isEqualTo(sequenceNumber(event.getRecords().get(0))));
        for (Map<String, AttributeValue> item : List.of(first, second)) {
            assertThat(read(item)).doesNotContainKeys("sentAt", "failedAt");
        }
        assertThat(sentMessages()).noneMatch(message -> message.path("subject").asText().equals(subject(first)));
    }

    private static SesMailer mailer(String mailFrom) {
        return new SesMailer(SesMailer.client(environment), mailFrom);
    }

    private static OutboxEmail email(String fromName, String to) {
        String messageId = "enr-" + UUID.randomUUID() + "#welcome";
        return new OutboxEmail(messageId, "org-riverbend", fromName, List.of(to),
                "coaching@riverbend.example", "Welcome to Exit Tickets " + messageId,
                "<p>Hello,</p><p>You are enrolled.</p>", "Hello,\n\nYou are enrolled.", "2026-01-01T00:00:00.000Z");
    }

    private static Optional<JsonNode> sent(String messageId) {
        return sentMessages().stream().filter(message -> message.path("id").asText().equals(messageId)).findFirst();
    }

    private static List<JsonNode> sentMessages() {
        List<JsonNode> messages = new ArrayList<>();
        moto.recorded().path("ses").path("Message").forEach(messages::add);
        return messages;
    }

    private static Map<String, AttributeValue> stored(Map<String, AttributeValue> item) {
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("LearningTable")).item(item));
        return item;
    }

    private static Map<String, AttributeValue> read(Map<String, AttributeValue> item) {
        return OutboxEmails.delivered(stack.dynamoDb(), stack.tableName("LearningTable"), item);
    }
}
