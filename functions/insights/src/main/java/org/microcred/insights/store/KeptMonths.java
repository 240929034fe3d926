package org.microcred.insights.store;

import java.time.YearMonth;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microcred.records.insights.CreditEntry;

/**
 * Finished months' credits this container has already read, by organisation, month and number of
 * credits. Such a list never changes (a month that gains a credit has another count, so another
 * key), so a warm function reuses it without reading the snapshot again. At most
 * {@code maxCredits} credits are kept; the least recently used months go first.
 */
final class KeptMonths {
    private final int maxCredits;
    private final LinkedHashMap<String, List<CreditEntry>> months = new LinkedHashMap<>(16, 0.75f, true);
    private int credits;

    KeptMonths(int maxCredits) {
        this.maxCredits = maxCredits;
    }

    synchronized List<CreditEntry> get(String organizationId, YearMonth month, long count) {
        return months.get(key(organizationId, month, count));
    }

    synchronized boolean has(String organizationId, YearMonth month) {
        String prefix = organizationId + "|" + month + "|";
        return months.keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    synchronized void put(String organizationId, YearMonth month, List<CreditEntry> monthly) {
        if (monthly.size() > maxCredits) {
            return;
        }
        List<CreditEntry> previous = months.put(key(organizationId, month, monthly.size()), List.copyOf(monthly));
        credits += monthly.size() - (previous == null ? 0 : previous.size());
        for (Iterator<Map.Entry<String, List<CreditEntry>>> eldest = months.entrySet().iterator();
             credits > maxCredits && eldest.hasNext(); ) {
            credits -= eldest.next().getValue().size();
            eldest.remove();
        }
    }

    private static String key(String organizationId, YearMonth month, long count) {
        return organizationId + "|" + month + "|" + count;
    }
}
