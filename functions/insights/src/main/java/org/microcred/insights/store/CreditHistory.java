package org.microcred.insights.store;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.microcred.insights.report.DateRange;
import org.microcred.records.insights.AggregateReader;
import org.microcred.records.insights.CreditEntry;
import org.microcred.records.insights.CreditSnapshots;
import org.microcred.records.insights.InsightsKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credits earned in a period, read so that a year costs a dozen items rather than one per
 * mastery: a finished month comes from its snapshot when the snapshot holds as many credits as
 * the month has masteries (the count written with every credit), otherwise from its credit
 * items, which then become its snapshot; the current month always comes from its items. A
 * finished month read once is kept in memory under its count, which the masteries, read on
 * every report, must still match. Either way the list is the same: every credit of the
 * period, in sort-key order.
 */
public final class CreditHistory {
    private static final Logger LOG = LoggerFactory.getLogger(CreditHistory.class);
    private static final ParallelReads READS = new ParallelReads("credit-read", 3);

    /** Enough for a large district's two years; a month beyond it is just read again. */
    private static final int MAX_CREDITS_KEPT_IN_MEMORY = 50_000;

    private final AggregateReader aggregates;
    private final CreditSnapshots snapshots;
    private final Clock clock;
    private final KeptMonths read = new KeptMonths(MAX_CREDITS_KEPT_IN_MEMORY);

    public CreditHistory(AggregateReader aggregates, CreditSnapshots snapshots, Clock clock) {
        this.aggregates = aggregates;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** Every credit earned in the range, oldest first. */
    public List<CreditEntry> credits(String organizationId, DateRange range) {
        YearMonth first = YearMonth.from(range.from());
        YearMonth last = YearMonth.from(range.to());
        YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth lastFinished = last.isBefore(current) ? last : current.minusMonths(1);
        boolean finished = !first.isAfter(lastFinished);
        boolean ongoing = !last.isBefore(current);
        // Independent reads, side by side: the masteries, the snapshots (unless every month was
        // read before), this month's items.
        CompletableFuture<Map<YearMonth, Long>> masteries = finished
                ? READS.async(() -> aggregates.masteriesByMonth(organizationId, first, lastFinished))
                : CompletableFuture.completedFuture(Map.of());
        CompletableFuture<Map<YearMonth, List<CreditEntry>>> kept = finished && !allRead(organizationId, first, lastFinished)
                ? READS.async(() -> snapshots.read(organizationId, first, lastFinished))
                : CompletableFuture.completedFuture(Map.of());
        CompletableFuture<List<CreditEntry>> thisMonth = ongoing
                ? READS.async(() -> aggregates.credits(organizationId, first.isBefore(current) ? current.atDay(1)
                        : range.from(), range.to()))
                : CompletableFuture.completedFuture(List.of());
        List<CreditEntry> credits = new ArrayList<>();
        if (finished) {
            Map<YearMonth, Long> counted = ParallelReads.join(masteries);
            Map<YearMonth, List<CreditEntry>> snapshot = ParallelReads.join(kept);
            for (YearMonth month = first; !month.isAfter(lastFinished); month = month.plusMonths(1)) {
                credits.addAll(within(finishedMonth(organizationId, month, counted.getOrDefault(month, 0L),
                        snapshot.get(month)), range));
            }
        }
        credits.addAll(ParallelReads.join(thisMonth));
        return credits;
    }

    /** A finished month's credits: read before, or its snapshot, or its items (which then become its snapshot). */
    private List<CreditEntry> finishedMonth(String organizationId, YearMonth month, long masteries,
                                            List<CreditEntry> snapshot) {
        List<CreditEntry> monthly = read.get(organizationId, month, masteries);
        if (monthly != null) {
            return monthly;
        }
        monthly = snapshot;
        if (monthly == null || monthly.size() != masteries) {
            monthly = aggregates.credits(organizationId, month.atDay(1), month.atEndOfMonth());
            keep(organizationId, month, monthly, masteries);
        }
        if (monthly.size() == masteries) {
            read.put(organizationId, month, monthly);
        }
        return monthly;
    }

    private boolean allRead(String organizationId, YearMonth first, YearMonth last) {
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            if (!read.has(organizationId, month)) {
                return false;
            }
        }
        return true;
    }



    /**
     * Takes the month's snapshot when its items are all there. A failed write only costs the next
     * report the same item reads, so it is logged, not raised.
     */
    private void keep(String organizationId, YearMonth month, List<CreditEntry> credits, long masteries) {
        if (credits.isEmpty() || credits.size() != masteries) {
            return;
        }
        try {
            snapshots.write(organizationId, month, credits);
        } catch (RuntimeException e) {
            LOG.warn("Could not keep the credits of {} for {}; the next report reads them again", month,
                    organizationId, e);
        }
    }

    /** The credits whose sort key falls in the range, as the item Query's key condition selects them. */
    private static List<CreditEntry> within(List<CreditEntry> credits, DateRange range) {
        String low = range.from().toString();
        String high = range.to() + InsightsKeys.HIGH;
        if (credits.isEmpty() || (credits.get(0).sortKey().compareTo(low) >= 0
                && credits.get(credits.size() - 1).sortKey().compareTo(high) <= 0)) {
            return credits;
        }
        return credits.stream().filter(c -> c.sortKey().compareTo(low) >= 0 && c.sortKey().compareTo(high) <= 0)
                .toList();
    }
}
