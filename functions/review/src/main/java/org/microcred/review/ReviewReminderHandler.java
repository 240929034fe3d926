package org.microcred.review;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.review.service.OrganizationDirectory;
import org.microcred.review.service.OverdueReviews;
import org.microcred.review.service.ReminderEmails;
import org.microcred.review.service.ReviewReminders;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.OutboxWriter;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.shared.config.FunctionEnvironment;

/**
 * ReviewReminderFunction: run by an EventBridge schedule (and locally on demand through
 * {@code POST /_local/schedules/ReviewReminderFunction}). The event's content does not matter:
 * every run looks at all organisations as of now, and a second run on the same day sends nothing
 * new.
 */
public class ReviewReminderHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final ReviewReminders reminders;

    /** Used by AWS Lambda. */
    public ReviewReminderHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public ReviewReminderHandler(FunctionEnvironment environment) {
        this(environment, Clock.systemUTC());
    }

    public ReviewReminderHandler(FunctionEnvironment environment, Clock clock) {
        this(reminders(environment, clock));
    }

    public ReviewReminderHandler(ReviewReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        ReviewReminders.Run run = reminders.run();
        if (context != null && context.getLogger() != null) {
            context.getLogger().log("Review reminders for " + run.day() + ": " + run.overdueReviews()
                    + " overdue review(s) in " + run.organizations() + " organisation(s); " + run.remindersQueued()
                    + " coach reminder(s) queued, " + run.remindersAlreadySent() + " already sent today\n");
        }
        // A plain map: Lambda's serializer and the local trigger both render it as JSON.
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("day", run.day());
        result.put("organizations", run.organizations());
        result.put("overdueReviews", run.overdueReviews());
        result.put("remindersQueued", run.remindersQueued());
        result.put("remindersAlreadySent", run.remindersAlreadySent());
        result.put("summariesQueued", run.summariesQueued());
        result.put("summariesAlreadySent", run.summariesAlreadySent());
        return result;
    }

    private static ReviewReminders reminders(FunctionEnvironment environment, Clock clock) {
        String learningTable = environment.required("LEARNING_TABLE");
        String organizationsTable = environment.required("ORGANIZATIONS_TABLE");
        LearningStore learning = LearningStore.forEnvironment(environment, learningTable, organizationsTable);
        OrganizationDirectory directory = new OrganizationDirectory(
                OrganizationsTable.forEnvironment(environment, organizationsTable));
        return new ReviewReminders(directory, new OverdueReviews(learning, directory, clock),
                OutboxWriter.forEnvironment(environment, learningTable),
                new ReminderEmails(environment.required("WEB_APP_URL")),
                new ReviewLinks(ReviewLinkKeys.load(environment), ReviewLinks.DEFAULT_VALIDITY),
                environment.required("API_URL"), clock);
    }
}
