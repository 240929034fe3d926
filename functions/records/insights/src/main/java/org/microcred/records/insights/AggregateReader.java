package org.microcred.records.insights;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.microcred.records.insights.InsightsKeys.Subject;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads aggregates for a report with a handful of paged Queries, never a Scan: the gauges of
 * the organisation (one partition), and the period counters of a range as months from the
 * month partition plus at most half a month of days at either end from the day partition. A
 * two-year report of twenty micro-credentials reads at most 20 x (25 months + 30 days) small items.
 */
public final class AggregateReader {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public AggregateReader(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public static AggregateReader forEnvironment(FunctionEnvironment environment, String table) {
        return new AggregateReader(DynamoDbClients.forEnvironment(environment), table);
    }

    /** The organisation's current-state gauges by sort key ({@code MC#id}, {@code COACH#id}). */
    public Map<String, Gauge> gauges(String organizationId) {
        Map<String, Gauge> gauges = new HashMap<>();
        query(InsightsKeys.now(organizationId), null, null,
                item -> gauges.put(item.get(InsightsKeys.SK).s(), Gauge.of(item)));
        return gauges;
    }

    /**
     * Period counters summed over the days from {@code from} to {@code to} (both included), by
     * micro-credential or coach id. Whole months come
     * from the month items; a partial month at either end comes from its day items, or, when it
     * covers more than half of its month, from the month item minus the days outside the range
     * (so "the last twelve months up to today" reads months and a handful of days).
     */
    public Map<String, Figures> periods(String organizationId, Subject subject, LocalDate from, LocalDate to) {
        Map<String, Figures> figures = new HashMap<>();
        String days = InsightsKeys.day(organizationId, subject);
        YearMonth firstMonth = YearMonth.from(from);
        YearMonth lastMonth = YearMonth.from(to);
        YearMonth monthsFrom = null;
        YearMonth monthsTo = null;
        for (YearMonth month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            LocalDate a = month.equals(firstMonth) ? from : month.atDay(1);
            LocalDate b = month.equals(lastMonth) ? to : month.atEndOfMonth();
            long inside = ChronoUnit.DAYS.between(a, b) + 1;
            boolean whole = inside == month.lengthOfMonth();
            if (!whole && inside * 2 <= month.lengthOfMonth()) {
                query(days, a.toString(), b.toString(), sum(figures, 1));
                continue;
            }
            monthsFrom = monthsFrom == null ? month : monthsFrom;
            monthsTo = month;
            if (a.isAfter(month.atDay(1))) {
                query(days, month.atDay(1).toString(), a.minusDays(1).toString(), sum(figures, -1));
            }
            if (b.isBefore(month.atEndOfMonth())) {
                query(days, b.plusDays(1).toString(), month.atEndOfMonth().toString(), sum(figures, -1));
            }
        }
        if (monthsFrom != null) {
            query(InsightsKeys.month(organizationId, subject), monthsFrom.toString(), monthsTo.toString(), sum(figures, 1));
        }
        return figures;
    }

    private static Consumer<Map<String, AttributeValue>> sum(Map<String, Figures> figures, int sign) {
        return item -> figures.computeIfAbsent(InsightsKeys.idOfPeriodSk(item.get(InsightsKeys.SK).s()), id -> new Figures())
                .add(item, sign);
    }

    /** Credits earned from day {@code from} to day {@code to} (ISO dates, both included), oldest first. */
    public List<CreditEntry> credits(String organizationId, LocalDate from, LocalDate to) {
        List<CreditEntry> credits = new ArrayList<>();
        query(InsightsKeys.credits(organizationId), from.toString(), to.toString(), CreditEntry.ATTRIBUTES,
                item -> credits.add(CreditEntry.of(item)));
        return credits;
    }

    /**
     * Masteries per month from {@code first} to {@code last}, summed over the organisation's
     * micro-credentials. Each mastery's credit item is written in the same transaction as its
     * count, so a month's credits are complete exactly when there are this many.
     */
    public Map<YearMonth, Long> masteriesByMonth(String organizationId, YearMonth first, YearMonth last) {
        Map<YearMonth, Long> masteries = new HashMap<>();
        query(InsightsKeys.month(organizationId, Subject.MC), first.toString(), last.toString(),
                "sk, " + Counters.MASTERED, item -> {
                    AttributeValue mastered = item.get(Counters.MASTERED);
                    YearMonth month = YearMonth.parse(item.get(InsightsKeys.SK).s().substring(0, 7));
                    masteries.merge(month, mastered == null ? 0 : Long.parseLong(mastered.n()), Long::sum);
                });
        return masteries;
    }

    /** All items of a partition, or those whose sort key starts with a period from {@code low} to {@code high}. */
    private void query(String pk, String low, String high, Consumer<Map<String, AttributeValue>> each) {
        query(pk, low, high, null, each);
    }

    private void query(String pk, String low, String high, String projection, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(pk));
        String condition = "pk = :pk";
        if (low != null) {
            condition += " AND sk BETWEEN :low AND :high";
            values.put(":low", AttributeValue.fromS(low));
            values.put(":high", AttributeValue.fromS(high + InsightsKeys.HIGH));
        }
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression(condition).expressionAttributeValues(values)
                    .projectionExpression(projection).exclusiveStartKey(start).build());
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }
}
