package org.microcred.insights.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.microcred.insights.report.Reports.CoachReport;
import org.microcred.insights.report.Reports.CoachRow;
import org.microcred.insights.report.Reports.CollectionReport;
import org.microcred.insights.report.Reports.CollectionRow;
import org.microcred.insights.report.Reports.Credit;
import org.microcred.insights.report.Reports.CreditReport;
import org.microcred.insights.report.Reports.Educator;
import org.microcred.insights.report.Reports.MicroCredentialReport;
import org.microcred.insights.report.Reports.MicroCredentialRow;
import org.microcred.insights.report.Reports.Period;
import org.microcred.insights.store.CatalogLookup;
import org.microcred.insights.store.CreditHistory;
import org.microcred.insights.store.OrganizationLookup;
import org.microcred.insights.store.ParallelReads;
import org.microcred.records.insights.AggregateReader;
import org.microcred.records.insights.Counters;
import org.microcred.records.insights.CreditEntry;
import org.microcred.records.insights.Figures;
import org.microcred.records.insights.Gauge;
import org.microcred.records.insights.InsightsKeys;
import org.microcred.records.insights.InsightsKeys.Subject;
import org.microcred.records.learning.LearningLookup;

/**
 * Builds the programme reports from the aggregates the stream keeps. A report reads the
 * organisation's gauges, the period counters of its range, the overdue submissions (an index
 * Query bounded by the target), the catalog cards (cached) and, for the micro-credential and
 * collection reports, the organisation's published offerings, so one nobody enrolled in yet still
 * has its row (of zeros); it never reads every enrolment.
 */
public final class ProgrammeReports {
    /** The label of micro-credentials whose card names no collection. */
    public static final String NO_COLLECTION = "(no collection)";

    private static final ParallelReads READS = new ParallelReads("insights-read", 4);

    private final AggregateReader aggregates;
    private final CreditHistory creditHistory;
    private final CatalogLookup catalog;
    private final LearningLookup learning;
    private final OrganizationLookup organizations;
    private final Clock clock;

    public ProgrammeReports(AggregateReader aggregates, CreditHistory creditHistory, CatalogLookup catalog,
                            LearningLookup learning, OrganizationLookup organizations, Clock clock) {
        this.aggregates = aggregates;
        this.creditHistory = creditHistory;
        this.catalog = catalog;
        this.learning = learning;
        this.organizations = organizations;
        this.clock = clock;
    }

    public MicroCredentialReport microCredentials(String org, DateRange range) {
        Snapshot snapshot = snapshot(org, range, Subject.MC);
        Map<String, CatalogLookup.Card> cards = catalog.cards(snapshot.ids());
        List<MicroCredentialRow> rows = new ArrayList<>();
        Figures totals = new Figures();
        for (String id : snapshot.ids()) {
            Figures figures = snapshot.figures(id);
            totals.add(figures);
            CatalogLookup.Card card = cards.get(id);
            rows.add(new MicroCredentialRow(id, title(card, snapshot.label(id, Counters.NOW_TITLE), id),
                    collection(card), card == null ? null : card.creditHours(), ProgrammeFigures.of(figures)));
        }
        rows.sort(Comparator.comparing((MicroCredentialRow row) -> row.title().toLowerCase())
                .thenComparing(MicroCredentialRow::microCredentialId));
        return new MicroCredentialReport(snapshot.period(), rows, ProgrammeFigures.of(totals));
    }

    /** Collections as the catalog names them now: a micro-credential moved to another collection takes its history along. */
    public CollectionReport collections(String org, DateRange range) {
        Snapshot snapshot = snapshot(org, range, Subject.MC);
        Map<String, CatalogLookup.Card> cards = catalog.cards(snapshot.ids());
        Map<String, Figures> byCollection = new TreeMap<>();
        Map<String, Set<String>> members = new HashMap<>();
        Figures totals = new Figures();
        for (String id : snapshot.ids()) {
            String collection = collection(cards.get(id));
            Figures figures = snapshot.figures(id);
            byCollection.computeIfAbsent(collection, c -> new Figures()).add(figures);
            members.computeIfAbsent(collection, c -> new TreeSet<>()).add(id);
            totals.add(figures);
        }
        List<CollectionRow> rows = new ArrayList<>();
        byCollection.forEach((collection, figures) -> rows.add(
                new CollectionRow(collection, List.copyOf(members.get(collection)), ProgrammeFigures.of(figures))));
        return new CollectionReport(snapshot.period(), rows, ProgrammeFigures.of(totals));
    }

    public CoachReport coaches(String org, DateRange range) {
        Snapshot snapshot = snapshot(org, range, Subject.COACH);
        List<CoachRow> rows = new ArrayList<>();
        for (String id : snapshot.ids()) {
            Figures f = snapshot.figures(id);
            rows.add(new CoachRow(id, snapshot.label(id, Counters.COACH_NAME), f.count(Counters.OPEN_LEARNERS),
                    f.count(Counters.REVIEWS_WAITING), f.count(ProgrammeFigures.REVIEWS_OVERDUE),
                    f.count(Counters.DECISIONS), f.count(Counters.MASTERY_DECISIONS),
                    ProgrammeFigures.TimeToFeedback.of(f)));
        }
        rows.sort(Comparator.comparing((CoachRow row) -> row.name() == null ? "" : row.name().toLowerCase())
                .thenComparing(CoachRow::coachId));
        return new CoachReport(snapshot.period(), rows);
    }

    /** Per educator, the micro-credentials mastered in the period and the credit hours they carry. */
    public CreditReport credits(String org, DateRange range) {
        Map<String, List<CreditEntry>> byLearner = new LinkedHashMap<>();
        for (CreditEntry credit : creditHistory.credits(org, range)) {
            byLearner.computeIfAbsent(credit.learnerId(), id -> new ArrayList<>()).add(credit);
        }
        List<Educator> educators = new ArrayList<>();
        double total = 0;
        for (var entry : byLearner.entrySet()) {
            List<Credit> credits = new ArrayList<>();
            double hours = 0;
            CreditEntry last = null;
            for (CreditEntry credit : entry.getValue()) {
                Double h = credit.creditHours() == null ? null : Double.valueOf(credit.creditHours());
                hours += h == null ? 0 : h;
                credits.add(new Credit(credit.microCredentialId(), credit.title(), h, credit.masteredAt()));
                last = credit;
            }
            total += hours;
            educators.add(new Educator(entry.getKey(), last.learnerName(), last.learnerEmail(), hundredths(hours),
                    credits));
        }
        return new CreditReport(period(org, range, null), byName(educators), hundredths(total));
    }

    /** Educators by name, then id; tens of thousands in a year, so each name is lower-cased once, not at every comparison. */
    private static List<Educator> byName(List<Educator> educators) {
        record Keyed(String name, Educator educator) {
        }
        List<Keyed> keyed = new ArrayList<>(educators.size());
        educators.forEach(e -> keyed.add(new Keyed(e.name() == null ? "" : e.name().toLowerCase(), e)));
        keyed.sort(Comparator.comparing(Keyed::name).thenComparing(k -> k.educator().learnerId()));
        return keyed.stream().map(Keyed::educator).toList();
    }

    /** Credit hours are entered with at most a few decimals; sums are shown without binary noise (0.1 + 0.2 = 0.3). */
    private static double hundredths(double hours) {
        return Math.round(hours * 100) / 100.0;
    }

    private Snapshot snapshot(String org, DateRange range, Subject subject) {
        Instant now = clock.instant();
        // The reads are independent of each other: run them side by side, the overdue Query once the target is known.
        CompletableFuture<Integer> target = READS.async(() -> organizations.reviewTargetBusinessDays(org));
        CompletableFuture<List<LearningLookup.WaitingReview>> overdue = target.thenApplyAsync(days ->
                learning.waitingSince(org, ReviewTarget.stored(ReviewTarget.overdueBefore(now, days))), READS);
        CompletableFuture<Map<String, Gauge>> gauges = READS.async(() -> aggregates.gauges(org));
        CompletableFuture<List<CatalogLookup.Offering>> offerings = subject == Subject.MC
                ? READS.async(() -> catalog.publishedBy(org)) : CompletableFuture.completedFuture(List.of());
        Map<String, Figures> figures = aggregates.periods(org, subject, range.from(), range.to());
        Map<String, Map<String, String>> labels = new HashMap<>();
        String prefix = InsightsKeys.nowSk(subject, "");
        ParallelReads.join(gauges).forEach((sk, gauge) -> {
            if (sk.startsWith(prefix)) {
                String id = InsightsKeys.idOfNowSk(sk);
                figures.computeIfAbsent(id, i -> new Figures()).add(gauge.figures());
                labels.put(id, gauge.labels());
            }
        });
        // Retired micro-credentials with enrolments keep their aggregates, and so their rows.
        for (CatalogLookup.Offering offering : ParallelReads.join(offerings)) {
            figures.computeIfAbsent(offering.microCredentialId(), i -> new Figures());
            if (offering.title() != null) {
                labels.putIfAbsent(offering.microCredentialId(), Map.of(Counters.NOW_TITLE, offering.title()));
            }
        }
        for (LearningLookup.WaitingReview waiting : ParallelReads.join(overdue)) {
            String id = subject == Subject.MC ? waiting.microCredentialId() : waiting.coachId();
            if (id != null) {
                figures.computeIfAbsent(id, i -> new Figures()).add(ProgrammeFigures.REVIEWS_OVERDUE, 1);
            }
        }
        return new Snapshot(period(org, range, ParallelReads.join(target), now), figures, labels);
    }



    private Period period(String org, DateRange range, Integer target) {
        return period(org, range, target == null ? organizations.reviewTargetBusinessDays(org) : target, clock.instant());
    }

    private static Period period(String org, DateRange range, int target, Instant now) {
        return new Period(org, range.from().toString(), range.to().toString(), ReviewTarget.stored(now), target);
    }

    private record Snapshot(Period period, Map<String, Figures> byId, Map<String, Map<String, String>> labels) {
        Set<String> ids() {
            return new TreeSet<>(byId.keySet());
        }

        Figures figures(String id) {
            return byId.getOrDefault(id, new Figures());
        }

        String label(String id, String attribute) {
            return labels.getOrDefault(id, Map.of()).get(attribute);
        }
    }

    private static String title(CatalogLookup.Card card, String fallback, String id) {
        if (card != null && card.title() != null) {
            return card.title();
        }
        return fallback != null ? fallback : id;
    }

    private static String collection(CatalogLookup.Card card) {
        return card == null || card.collection() == null || card.collection().isBlank() ? NO_COLLECTION : card.collection();
    }
}
