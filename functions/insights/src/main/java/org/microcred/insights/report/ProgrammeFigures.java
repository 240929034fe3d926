package org.microcred.insights.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.microcred.records.insights.Counters;
import org.microcred.records.insights.Figures;

/**
 * How a micro-credential, a collection or the whole programme is doing. Counts named for a
 * movement (enrolled, submitted, mastered, withdrawn, decisions) happened inside the report's
 * period; {@code active}, {@code awaitingReview} and {@code reviewsOverdue} are the state now.
 *
 * @param firstAttemptPassRate mastery decisions on first attempts / decisions on first attempts (0..1)
 * @param overallPassRate      mastery decisions / all decisions, every attempt counted (0..1)
 */
public record ProgrammeFigures(long enrolled, long active, long submitted, long mastered, long withdrawn,
                               long awaitingReview, long reviewsOverdue, long decisions,
                               Double firstAttemptPassRate, Double overallPassRate,
                               AttemptsToMastery attemptsToMastery, TimeToFeedback timeToFeedbackHours) {
    static final String REVIEWS_OVERDUE = "reviewsOverdue";

    /** Attempts the masteries of the period took: the median and how many took 1, 2, ... attempts. */
    public record AttemptsToMastery(Integer median, Map<String, Long> distribution) {
        static AttemptsToMastery of(Figures figures) {
            TreeMap<Integer, Long> histogram = figures.histogram(Counters.ATM_PREFIX);
            Map<String, Long> distribution = new LinkedHashMap<>();
            histogram.forEach((attempts, count) -> distribution.put(Integer.toString(attempts), count));
            return new AttemptsToMastery(Figures.percentile(histogram, 0.5), distribution);
        }
    }

    /**
     * Hours from submission to decision, for the decisions of the period, at one-hour resolution:
     * a value of 3 means "within 3 hours" (the upper bound of the hour the percentile falls in).
     */
    public record TimeToFeedback(Integer median, Integer p90) {
        static TimeToFeedback of(Figures figures) {
            TreeMap<Integer, Long> histogram = figures.histogram(Counters.TTF_PREFIX);
            return new TimeToFeedback(upperBound(Figures.percentile(histogram, 0.5)),
                    upperBound(Figures.percentile(histogram, 0.9)));
        }

        private static Integer upperBound(Integer bucket) {
            return bucket == null ? null : bucket + 1;
        }
    }

    static ProgrammeFigures of(Figures f) {
        long active = f.count(Counters.statusGauge("awaiting-coach")) + f.count(Counters.statusGauge("in-progress"))
                + f.count(Counters.statusGauge("submitted")) + f.count(Counters.statusGauge("under-review"))
                + f.count(Counters.statusGauge("needs-revision"));
        return new ProgrammeFigures(f.count(Counters.ENROLLED), active, f.count(Counters.SUBMITTED),
                f.count(Counters.MASTERED), f.count(Counters.WITHDRAWN), f.count(Counters.statusGauge("submitted")),
                f.count(REVIEWS_OVERDUE), f.count(Counters.DECISIONS),
                rate(f.count(Counters.FIRST_MASTERY_DECISIONS), f.count(Counters.FIRST_DECISIONS)),
                rate(f.count(Counters.MASTERY_DECISIONS), f.count(Counters.DECISIONS)),
                AttemptsToMastery.of(f), TimeToFeedback.of(f));
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
