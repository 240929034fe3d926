package org.microcred.records.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Snapshots of a month's credits written and read back against DynamoDB Local. */
@WithEmulators
class CreditSnapshotsTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static TestStack stack;
    private static CreditSnapshots snapshots;

    @BeforeAll
    static void start(TestStack testStack) {
        stack = testStack;
        snapshots = new CreditSnapshots(stack.dynamoDb(), stack.tableName("InsightsTable"), Clock.systemUTC());
    }

    @Test
    void aLargeMonth_isKeptInSeveralParts_andReadBackWhole_inOrder() {
        List<CreditEntry> credits = credits(20_000, new Random(16));
        List<Integer> sizes = CreditSnapshots.parts(credits).stream().map(part -> part.length).toList();
        assertThat(sizes).hasSizeGreaterThan(1).allSatisfy(size -> assertThat(size)
                .isLessThanOrEqualTo(CreditSnapshots.MAX_PART_BYTES));

        assertThat(snapshots.write("org-large", MARCH, credits)).isTrue();

        Map<YearMonth, List<CreditEntry>> read = snapshots.read("org-large", MARCH, MARCH);
        assertThat(read.keySet()).containsExactly(MARCH);
        assertThat(read.get(MARCH).equals(credits)).as("every credit back, in order").isTrue();

        stack.dynamoDb().deleteItem(r -> r.tableName(stack.tableName("InsightsTable")).key(Map.of(
                "pk", AttributeValue.fromS("ORG#org-large#CREDITS#MONTH"), "sk", AttributeValue.fromS("2026-03#01"))));
        assertThat(snapshots.read("org-large", MARCH, MARCH)).as("a snapshot missing a part").isEmpty();
    }

    @Test
    void aMonthKeptAgainWithMoreCredits_isReadAsTheNewSnapshot() {
        List<CreditEntry> credits = credits(5, new Random(3));
        snapshots.write("org-small", MARCH, credits.subList(0, 3));
        snapshots.write("org-small", MARCH, credits);

        assertThat(snapshots.read("org-small", MARCH.minusMonths(1), MARCH.plusMonths(1)))
                .containsOnlyKeys(MARCH).containsEntry(MARCH, credits);
    }

    @Test
    void creditsWithoutHours_orNames_comeBackAsTheyWere() {
        List<CreditEntry> credits = List.of(new CreditEntry("2026-03-02T10:00:00.000Z#u-a#mc-1", "u-a", null, null,
                "mc-1", "Title, with \"quotes\"", null, "2026-03-02T10:00:00.000Z"));
        snapshots.write("org-sparse", MARCH, credits);

        assertThat(snapshots.read("org-sparse", MARCH, MARCH).get(MARCH)).isEqualTo(credits);
    }

    /** Credits with random names and addresses, so they compress no better than real ones. */
    private static List<CreditEntry> credits(int count, Random random) {
        List<CreditEntry> credits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String learner = "u-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            String at = String.format("2026-03-%02dT%02d:%02d:00.000Z", 1 + i % 28, i % 24, i % 60);
            String mc = "mc-" + random.nextInt(40);
            credits.add(new CreditEntry(at + "#" + learner + "#" + mc, learner,
                    "Learner " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36),
                    Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "@district.example", mc,
                    "Micro-credential " + mc, Integer.toString(1 + random.nextInt(6)), at));
        }
        credits.sort(java.util.Comparator.comparing(CreditEntry::sortKey));
        return credits;
    }
}
