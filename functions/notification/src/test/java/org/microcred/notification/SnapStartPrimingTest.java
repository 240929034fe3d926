package org.microcred.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.StreamEvents.batch;
import static org.microcred.emulators.junit.StreamEvents.insert;
import static org.microcred.notification.support.OutboxEmails.key;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.ExpectedErrorLog;
import org.microcred.emulators.junit.LambdaTestContext;
import org.microcred.emulators.junit.SnapStartHooks;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.notification.service.OutboxDispatcher;
import org.microcred.notification.support.OutboxEmails;
import org.microcred.shared.snapstart.Priming;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The NotificationFunction's SnapStart hooks, invoked as Lambda invokes them around a snapshot.
 * The dispatcher's warning that the priming email is not in the outbox is what priming expects.
 */
@WithEmulators
class SnapStartPrimingTest {

    @Test
    void notification_primesTheDispatch_ofAnEmailNoLongerThere_sendingNothing(TestStack stack) {
        NotificationHandler handler = new NotificationHandler(stack.environment("NotificationFunction"));

        Priming priming;
        try (var missing = ExpectedErrorLog.from(OutboxDispatcher.class)) {
            priming = SnapStartHooks.checkpointAndRestore(stack, handler);
        }

        assertThat(priming.primed()).hasValue("outbox email snapstart-priming -> [SKIPPED_AS_WITHDRAWN]");
    }

    @Test
    void notification_afterRestore_sendsARealEmail(TestStack stack) {
        NotificationHandler handler = new NotificationHandler(stack.environment("NotificationFunction"));
        try (var missing = ExpectedErrorLog.from(OutboxDispatcher.class)) {
            SnapStartHooks.checkpointAndRestore(stack, handler);
        }
        Map<String, AttributeValue> email = OutboxEmails.welcome("after.restore@riverbend.example");
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("LearningTable")).item(email));

        var response = handler.handleRequest(batch(insert(email)), new LambdaTestContext("notification-test"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(OutboxEmails.delivered(stack.dynamoDb(), stack.tableName("LearningTable"), email))
                .containsKey("sentAt");
    }
}
