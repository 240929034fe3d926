package org.microcred.records.insights;

/**
 * How the insights table is keyed (see docs/data-model.md, "InsightsTable"). One organisation's
 * aggregates of one kind share a partition, so a report reads each kind with one paged Query
 * bounded by a date range on the sort key, however many micro-credentials or coaches there are.
 */
public final class InsightsKeys {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String EXPIRES_AT = "expiresAt";
    /** Sorts after every character used in ids and dates, so {@code prefix + "~"} ends a prefix range. */
    public static final String HIGH = "~";

    private InsightsKeys() {
    }

    /** What a period aggregate is about. */
    public enum Subject {
        MC("MC"), COACH("COACH");

        private final String tag;

        Subject(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    public static String marker(String eventId) {
        return "EVENT#" + eventId;
    }

    /** Current-state gauges: sk {@code MC#<id>} or {@code COACH#<id>}. */
    public static String now(String orgId) {
        return "ORG#" + orgId + "#NOW";
    }

    public static String nowSk(Subject subject, String id) {
        return subject.tag() + "#" + id;
    }

    /** Daily counters: sk {@code <yyyy-MM-dd>#<subject id>}. */
    public static String day(String orgId, Subject subject) {
        return "ORG#" + orgId + "#DAY#" + subject.tag();
    }

    /** Monthly counters (the same facts summed per month): sk {@code <yyyy-MM>#<subject id>}. */
    public static String month(String orgId, Subject subject) {
        return "ORG#" + orgId + "#MONTH#" + subject.tag();
    }

    public static String periodSk(String period, String id) {
        return period + "#" + id;
    }

    /** Credits earned: sk {@code <masteredAt>#<learnerId>#<microCredentialId>}. */
    public static String credits(String orgId) {
        return "ORG#" + orgId + "#CREDITS";
    }

    public static String creditSk(String masteredAt, String learnerId, String microCredentialId) {
        return masteredAt + "#" + learnerId + "#" + microCredentialId;
    }

    /** Snapshots of finished months' credits: sk {@code <yyyy-MM>#<part, two digits>}. */
    public static String creditMonths(String orgId) {
        return "ORG#" + orgId + "#CREDITS#MONTH";
    }

    public static String creditMonthSk(java.time.YearMonth month, int part) {
        return month + "#" + String.format(java.util.Locale.ROOT, "%02d", part);
    }

    /** The id part of a period sort key ({@code 2026-11-23#mc-1} -> {@code mc-1}). */
    public static String idOfPeriodSk(String sk) {
        return sk.substring(sk.indexOf('#') + 1);
    }

    /** The id part of a gauge sort key ({@code COACH#u-1} -> {@code u-1}). */
    public static String idOfNowSk(String sk) {
        return sk.substring(sk.indexOf('#') + 1);
    }
}
