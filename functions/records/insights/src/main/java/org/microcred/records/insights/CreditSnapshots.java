package org.microcred.records.insights;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A month's credits in a few items: every credit of a finished month, compressed, in parts of at
 * most {@link #MAX_PART_BYTES}, so a year of credits is read as a dozen items instead of one
 * item per mastery. A snapshot names how many credits it holds; the insights function's credit history uses it only
 * while that equals the month's masteries (a late stream record makes it stale, and it is taken
 * again). Written by the reports function, only under {@code ORG#<orgId>#CREDITS#MONTH}.
 */
public final class CreditSnapshots {
    /**
     * The snapshots' own storage format (rows of strings, absent hours or names as null). Not the
     * API's strict reader, which refuses nulls in lists from clients. In a holder, built on first
     * use: a report that reads no snapshot (most of them) never pays for a mapper.
     */
    private static final class SnapshotJson {
        private static final ObjectMapper MAPPER = new ObjectMapper();
        private static final TypeReference<List<List<String>>> ROWS = new TypeReference<>() {
        };
    }

    /** Below DynamoDB's 400 KB item limit with room for the key and counts. */
    static final int MAX_PART_BYTES = 350_000;
    /** Parts of one snapshot, written in one transaction (its 4 MB limit). */
    static final int MAX_PARTS = 10;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public CreditSnapshots(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    public static CreditSnapshots forEnvironment(FunctionEnvironment environment, String table, Clock clock) {
        return new CreditSnapshots(DynamoDbClients.forEnvironment(environment), table, clock);
    }

    /**
     * The credits kept for each month from {@code first} to {@code last} that has a whole snapshot
     * (every part of it, holding as many credits as it says). Whether a snapshot is still the
     * month's credits is for the caller to check against the month's masteries.
     */
    public Map<YearMonth, List<CreditEntry>> read(String organizationId, YearMonth first, YearMonth last) {
        // month -> credits count of a snapshot -> its parts by number (a rewrite with more parts can leave older ones)
        Map<YearMonth, Map<Long, Map<Long, Map<String, AttributeValue>>>> found = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(r -> r.tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(InsightsKeys.creditMonths(organizationId)),
                            ":low", AttributeValue.fromS(first.toString()),
                            ":high", AttributeValue.fromS(last + InsightsKeys.HIGH)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                YearMonth month = YearMonth.parse(item.get(InsightsKeys.SK).s().substring(0, 7));
                found.computeIfAbsent(month, m -> new TreeMap<>())
                        .computeIfAbsent(number(item, "credits"), c -> new TreeMap<>()).put(number(item, "part"), item);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        Map<YearMonth, List<CreditEntry>> months = new TreeMap<>();
        found.forEach((month, byCount) -> byCount.forEach((count, byPart) -> {
            long parts = number(byPart.values().iterator().next(), "parts");
            if (byPart.size() == parts && byPart.keySet().stream().allMatch(part -> part >= 0 && part < parts)) {
                List<CreditEntry> credits = new ArrayList<>();
                byPart.values().forEach(item -> credits.addAll(decode(item.get("data").b().asByteArray())));
                if (credits.size() == count) {
                    months.put(month, credits);
                }
            }
        }));
        return months;
    }

    /**
     * Keeps a finished month's credits (oldest first, all of them) as its snapshot; a month too
     * large for {@link #MAX_PARTS} parts keeps none and is read item by item.
     *
     * @return whether a snapshot was written
     */
    public boolean write(String organizationId, YearMonth month, List<CreditEntry> credits) {
        List<byte[]> parts = parts(credits);
        if (parts.size() > MAX_PARTS) {
            return false;
        }
        List<TransactWriteItem> items = new ArrayList<>();
        for (int part = 0; part < parts.size(); part++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(InsightsKeys.PK, AttributeValue.fromS(InsightsKeys.creditMonths(organizationId)));
            item.put(InsightsKeys.SK, AttributeValue.fromS(InsightsKeys.creditMonthSk(month, part)));
            item.put("credits", AttributeValue.fromN(Integer.toString(credits.size())));
            item.put("part", AttributeValue.fromN(Integer.toString(part)));
            item.put("parts", AttributeValue.fromN(Integer.toString(parts.size())));
            item.put("data", AttributeValue.fromB(SdkBytes.fromByteArray(parts.get(part))));
            item.put("writtenAt", AttributeValue.fromS(clock.instant().toString()));
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build());
        }
        dynamoDb.transactWriteItems(r -> r.transactItems(items));
        return true;
    }

    /** The credits in as few compressed parts as fit an item: halves the share of each part until they do. */
    static List<byte[]> parts(List<CreditEntry> credits) {
        for (int count = 1; ; count *= 2) {
            List<byte[]> parts = new ArrayList<>();
            int size = Math.max(1, (credits.size() + count - 1) / count);
            for (int from = 0; from < Math.max(1, credits.size()); from += size) {
                parts.add(encode(credits.subList(from, Math.min(credits.size(), from + size))));
            }
            if (parts.stream().allMatch(part -> part.length <= MAX_PART_BYTES) || size == 1) {
                return parts;
            }
        }
    }

    private static byte[] encode(List<CreditEntry> credits) {
        List<List<String>> rows = new ArrayList<>(credits.size());
        for (CreditEntry c : credits) {
            rows.add(java.util.Arrays.asList(c.sortKey(), c.learnerId(), c.learnerName(), c.learnerEmail(),
                    c.microCredentialId(), c.title(), c.creditHours(), c.masteredAt()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream zip = new GZIPOutputStream(bytes)) {
            SnapshotJson.MAPPER.writeValue(zip, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<CreditEntry> decode(byte[] data) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            List<CreditEntry> credits = new ArrayList<>();
            for (List<String> row : SnapshotJson.MAPPER.readValue(in, SnapshotJson.ROWS)) {
                credits.add(new CreditEntry(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5),
                        row.get(6), row.get(7)));
            }
            return credits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? -1 : Long.parseLong(value.n());
    }
}
