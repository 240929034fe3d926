package org.microcred.local.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.ScheduleEvent;

/** The event a local trigger sends looks like EventBridge's "Scheduled Event". */
class ScheduledEventShapeTest {
    @Test
    void event_carriesEventBridgesFields_atTheTriggerTime() {
        Instant now = Instant.parse("2026-03-10T13:00:00Z");

        ScheduledEvent event = ScheduleTrigger.event(new ScheduleEvent("ReviewReminderFunction", "WorkingDays",
                "cron(0 13 ? * MON-FRI *)", true), now);

        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getVersion()).isEqualTo("0");
        assertThat(event.getTime().getMillis()).isEqualTo(now.toEpochMilli());
        assertThat(event.getResources()).containsExactly(
                "arn:aws:events:us-east-1:000000000000:rule/local-ReviewReminderFunction-WorkingDays");
        assertThat(event.getDetail()).isEmpty();
        assertThat(event.getId()).hasSize(36);
    }
}
