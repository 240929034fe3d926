package org.microcred.review.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.records.learning.OutboxWriter;
import org.microcred.review.model.WaitingReview;
import org.microcred.reviewlinks.ReviewLinks;

/**
 * The scheduled run: for every organisation, its waiting reviews over target; one email per
 * coach listing theirs with fresh review links, and one to the organisation's admins listing
 * them all. Emails go to the outbox under ids that carry the day ({@code reminder-<coachId>-
 * <yyyy-mm-dd>}, {@code overdue-<orgId>-<yyyy-mm-dd>}) with {@code attribute_not_exists}, so a
 * second run on the same day (a retry, or someone triggering it by hand) sends nothing twice.
 */
public class ReviewReminders {
    private final OrganizationDirectory directory;
    private final OverdueReviews overdue;
    private final OutboxWriter outbox;
    private final ReminderEmails emails;
    private final ReviewLinks links;
    private final String apiUrl;
    private final Clock clock;

    public ReviewReminders(OrganizationDirectory directory, OverdueReviews overdue, OutboxWriter outbox,
                           ReminderEmails emails, ReviewLinks links, String apiUrl, Clock clock) {
        this.directory = directory;
        this.overdue = overdue;
        this.outbox = outbox;
        this.emails = emails;
        this.links = links;
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.clock = clock;
    }

    /** What one run did, returned to the scheduler (and to whoever triggered it locally). */
    public record Run(String day, int organizations, int overdueReviews, int remindersQueued,
                      int remindersAlreadySent, int summariesQueued, int summariesAlreadySent) {
    }

    private record CoachReviews(Enrollment first, List<ReminderEmails.LinkedReview> reviews) {
    }

    public Run run() {
        Instant now = clock.instant();
        String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        String timestamp = Deciding.TIMESTAMP.format(now);
        Map<String, CoachReviews> byCoach = new LinkedHashMap<>();
        List<OutboxEmail> summaries = new ArrayList<>();
        int[] counts = {0, 0};
        directory.forEachProfile(profile -> {
            List<WaitingReview> over = overTarget(profile, now, byCoach);
            counts[0]++;
            counts[1] += over.size();
            List<String> admins = over.isEmpty() ? List.of() : directory.admins(profile.organizationId()).stream()
                    .map(OrganizationDirectory.Admin::email).distinct().toList();
            if (!admins.isEmpty()) {
                summaries.add(emails.adminSummary(profile.organizationId(), profile.name(), admins, day, over,
                        timestamp));
            }
        });
        int queued = 0;
        int already = 0;
        for (CoachReviews coach : byCoach.values()) {
            Enrollment first = coach.first();
            if (first.coach().email() != null) {
                boolean sent = queue(emails.coachReminder(first.coach(), first.organizationId(),
                        first.organizationName(), day, coach.reviews(), timestamp));
                queued += sent ? 1 : 0;
                already += sent ? 0 : 1;
            }
        }
        int summariesQueued = (int) summaries.stream().filter(this::queue).count();
        return new Run(day, counts[0], counts[1], queued, already, summariesQueued, summaries.size() - summariesQueued);
    }

    /**
     * The organisation's reviews over target; each also goes, with a fresh link, to its coach's
     * list, unless the coach is the learner: nobody reviews their own work, so only the admins hear
     * of that one (and reassign it).
     */
    private List<WaitingReview> overTarget(OrganizationDirectory.Profile profile, Instant now,
                                           Map<String, CoachReviews> byCoach) {
        List<WaitingReview> over = new ArrayList<>();
        for (Enrollment waiting : overdue.submitted(profile.organizationId())) {
            WaitingReview review = OverdueReviews.measure(waiting, profile.targetBusinessDays(), now);
            if (review.overTarget()) {
                over.add(review);
                if (waiting.isLearner(review.coachId())) {
                    continue;
                }
                String url = apiUrl + "/review/" + links.issue(review.submissionId(), review.coachId(), now);
                byCoach.computeIfAbsent(review.coachId(), id -> new CoachReviews(waiting, new ArrayList<>()))
                        .reviews().add(new ReminderEmails.LinkedReview(review, url));
            }
        }
        return over;
    }

    /** Writes the email unless today's is already in the outbox. */
    private boolean queue(OutboxEmail email) {
        return outbox.queue(email);
    }
}
