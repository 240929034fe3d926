package org.microcred.insights.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.microcred.insights.report.DateRange;
import org.microcred.insights.report.Figures;
import org.microcred.insights.store.InsightsKeys.Subject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads aggregates for a report with a handful of paged Queries, never a Scan: the gauges of
 * the organisation (one partition), and the period counters of a range as whole months from
 * the month partition plus the odd days at either end from the day partition. A two-year report
 * of twenty micro-credentials reads at most 20 x (24 months + 60 days) small items.
 */
public final class AggregateReader {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public AggregateReader(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** The organisation's current-state gauges by sort key ({@code MC#id}, {@code COACH#id}). */
    public Map<String, Map<String, AttributeValue>> gauges(String organizationId) {
        Map<String, Map<String, AttributeValue>> gauges = new HashMap<>();
        query(InsightsKeys.now(organizationId), null, null, item -> gauges.put(item.get(InsightsKeys.SK).s(), item));
        return gauges;
    }

    /** Period counters summed over the range, by micro-credential or coach id. */
    public Map<String, Figures> periods(String organizationId, Subject subject, DateRange range) {
        Map<String, Figures> figures = new HashMap<>();
        Consumer<Map<String, AttributeValue>> sum = item -> figures
                .computeIfAbsent(InsightsKeys.idOfPeriodSk(item.get(InsightsKeys.SK).s()), id -> new Figures())
                .add(item);
        String days = InsightsKeys.day(organizationId, subject);
        if (!range.hasWholeMonths()) {
            query(days, range.from().toString(), range.to().toString(), sum);
            return figures;
        }
        var first = range.firstWholeMonth();
        var last = range.lastWholeMonth();
        query(InsightsKeys.month(organizationId, subject), first.toString(), last.toString(), sum);
        if (range.from().isBefore(first.atDay(1))) {
            query(days, range.from().toString(), first.atDay(1).minusDays(1).toString(), sum);
        }
        if (range.to().isAfter(last.atEndOfMonth())) {
            query(days, last.atEndOfMonth().plusDays(1).toString(), range.to().toString(), sum);
        }
        return figures;
    }

    /** Credits earned in the range, oldest first. */
    public List<Map<String, AttributeValue>> credits(String organizationId, DateRange range) {
        List<Map<String, AttributeValue>> credits = new ArrayList<>();
        query(InsightsKeys.credits(organizationId), range.from().toString(), range.to().toString(), credits::add);
        return credits;
    }

    /** All items of a partition, or those whose sort key starts with a period from {@code low} to {@code high}. */
    private void query(String pk, String low, String high, Consumer<Map<String, AttributeValue>> each) {
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
                    .exclusiveStartKey(start).build());
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }
}
