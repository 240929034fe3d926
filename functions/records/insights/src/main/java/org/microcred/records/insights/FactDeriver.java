package org.microcred.records.insights;

import static org.microcred.records.insights.StreamChange.number;
import static org.microcred.records.insights.StreamChange.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.microcred.records.insights.InsightsKeys.Subject;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns one learning-table change into aggregate deltas. Current-state gauges come from the
 * difference of the old and the new image (old contribution -1, new +1), so they are right
 * whatever moves the state machine makes and in whatever order different enrolments' changes
 * arrive. Period facts (enrolled, submitted, mastered, withdrawn) count the moment an enrolment
 * moves into a status; decisions, time to feedback and first-attempt results come from the
 * decision item, which is written once.
 */
public final class FactDeriver {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
    private static final Set<String> CLOSED = Set.of("mastered", "withdrawn");

    private final Lookups lookups;

    public FactDeriver(Lookups lookups) {
        this.lookups = lookups;
    }

    public Deltas derive(StreamChange change) {
        String enrollmentId = LearningItemKeys.enrollmentId(change.pk());
        String sk = change.sk();
        if (enrollmentId == null || sk == null) {
            return new Deltas();
        }
        if (LearningItemKeys.isEnrollment(sk)) {
            return enrollment(change);
        }
        if (change.isInsert() && LearningItemKeys.isDecision(sk)) {
            return decision(change, enrollmentId);
        }
        return new Deltas();
    }

    private Deltas enrollment(StreamChange change) {
        Deltas deltas = new Deltas();
        gauges(deltas, change.oldImage(), -1);
        gauges(deltas, change.newImage(), +1);
        Map<String, AttributeValue> now = change.newImage();
        if (now.isEmpty()) {
            return deltas;
        }
        String org = text(now, "organizationId");
        String mc = text(now, "microCredentialId");
        String before = text(change.oldImage(), "status");
        String after = text(now, "status");
        if (org == null || mc == null || after == null) {
            return deltas;
        }
        if (change.oldImage().isEmpty()) {
            period(deltas, org, Subject.MC, mc, text(now, "createdAt"), Counters.ENROLLED);
        }
        if (after.equals(before)) {
            return deltas;
        }
        String at = text(now, "updatedAt");
        switch (after) {
            case "submitted" -> period(deltas, org, Subject.MC, mc, at, Counters.SUBMITTED);
            case "withdrawn" -> period(deltas, org, Subject.MC, mc, at, Counters.WITHDRAWN);
            case "mastered" -> {
                period(deltas, org, Subject.MC, mc, at, Counters.MASTERED);
                period(deltas, org, Subject.MC, mc, at, Counters.attemptsBucket(number(now, "attempts", 1)));
                credit(deltas, org, mc, at, now);
            }
            default -> {
            }
        }
        return deltas;
    }

    /** What one enrolment image counts for in the gauges: its status, its coach's load. */
    private static void gauges(Deltas deltas, Map<String, AttributeValue> image, int sign) {
        String org = text(image, "organizationId");
        String mc = text(image, "microCredentialId");
        String status = text(image, "status");
        if (org == null || mc == null || status == null || status.isBlank()) {
            return;
        }
        String pk = InsightsKeys.now(org);
        String mcSk = InsightsKeys.nowSk(Subject.MC, mc);
        deltas.add(pk, mcSk, Counters.statusGauge(status), sign);
        deltas.label(pk, mcSk, Counters.NOW_TITLE, text(image, "title"));
        String coach = text(image, "coachId");
        if (coach == null || CLOSED.contains(status)) {
            return;
        }
        String coachSk = InsightsKeys.nowSk(Subject.COACH, coach);
        deltas.add(pk, coachSk, Counters.OPEN_LEARNERS, sign);
        deltas.add(pk, coachSk, Counters.REVIEWS_WAITING, "submitted".equals(status) ? sign : 0);
        deltas.label(pk, coachSk, Counters.COACH_NAME, text(image, "coachName"));
    }

    private Deltas decision(StreamChange change, String enrollmentId) {
        Map<String, AttributeValue> item = change.newImage();
        Lookups.EnrollmentRef ref = lookups.enrollment(enrollmentId).orElseThrow(() -> new IllegalStateException(
                "Decision " + change.sk() + " names enrolment " + enrollmentId + ", which does not exist"));
        Deltas deltas = new Deltas();
        String at = text(item, "decidedAt");
        boolean mastery = "mastery".equals(text(item, "outcome"));
        long attempt = number(item, "attempt", 0);
        AttributeValue ttf = item.get("timeToFeedbackSeconds");
        String coach = text(item, "coachId");
        String org = ref.organizationId();
        decisionFacts(deltas, org, Subject.MC, ref.microCredentialId(), at, mastery, ttf);
        if (coach != null) {
            decisionFacts(deltas, org, Subject.COACH, coach, at, mastery, ttf);
        }
        if (attempt == 1) {
            period(deltas, org, Subject.MC, ref.microCredentialId(), at, Counters.FIRST_DECISIONS);
            if (mastery) {
                period(deltas, org, Subject.MC, ref.microCredentialId(), at, Counters.FIRST_MASTERY_DECISIONS);
            }
        }
        return deltas;
    }

    private static void decisionFacts(Deltas deltas, String org, Subject subject, String id, String at,
                                      boolean mastery, AttributeValue ttf) {
        period(deltas, org, subject, id, at, Counters.DECISIONS);
        if (mastery) {
            period(deltas, org, subject, id, at, Counters.MASTERY_DECISIONS);
        }
        if (ttf != null && ttf.n() != null) {
            period(deltas, org, subject, id, at, Counters.ttfBucket((long) Double.parseDouble(ttf.n())));
        }
    }

    /** Counts a fact on its day and in its month. Facts without a usable timestamp are not counted. */
    private static void period(Deltas deltas, String org, Subject subject, String id, String timestamp, String counter) {
        if (timestamp == null || !DATE.matcher(timestamp).matches()) {
            return;
        }
        String day = timestamp.substring(0, 10);
        deltas.add(InsightsKeys.day(org, subject), InsightsKeys.periodSk(day, id), counter, 1);
        deltas.add(InsightsKeys.month(org, subject), InsightsKeys.periodSk(day.substring(0, 7), id), counter, 1);
    }

    /** The credit record an educator's licence renewal needs; keyed by what the mastery was, so a replay rewrites it. */
    private void credit(Deltas deltas, String org, String mc, String masteredAt, Map<String, AttributeValue> enrollment) {
        String learner = text(enrollment, "learnerId");
        if (learner == null || masteredAt == null) {
            return;
        }
        long version = number(enrollment, "microCredentialVersion", 1);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(InsightsKeys.PK, AttributeValue.fromS(InsightsKeys.credits(org)));
        item.put(InsightsKeys.SK, AttributeValue.fromS(InsightsKeys.creditSk(masteredAt, learner, mc)));
        item.put("learnerId", AttributeValue.fromS(learner));
        copy(enrollment, item, "learnerName");
        copy(enrollment, item, "learnerEmail");
        copy(enrollment, item, "enrollmentId");
        copy(enrollment, item, "title");
        item.put("microCredentialId", AttributeValue.fromS(mc));
        item.put("microCredentialVersion", AttributeValue.fromN(Long.toString(version)));
        item.put("masteredAt", AttributeValue.fromS(masteredAt));
        lookups.creditHours(mc, version)
                .ifPresent(hours -> item.put("creditHours", AttributeValue.fromN(hours.toString())));
        deltas.put(item);
    }

    private static void copy(Map<String, AttributeValue> from, Map<String, AttributeValue> to, String name) {
        String value = text(from, name);
        if (value != null) {
            to.put(name, AttributeValue.fromS(value));
        }
    }
}
