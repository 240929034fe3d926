package org.microcred.benchmarks.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The billing rules the capacity meter applies, against the developer guide's own examples. */
class WriteUnitsTest {
    private static final TableShape LEARNING = new TableShape("LearningTable", List.of("pk", "sk"), List.of(
            new TableShape.Index("ByStatus", List.of("orgStatusKey", "updatedAt"), ProjectionType.ALL, Set.of()),
            new TableShape.Index("ByLearner", List.of("learnerKey"), ProjectionType.INCLUDE, Set.of("title"))));

    @Test
    void itemSize_countsNamesAndValues_numbersByTheirDigits_listsAndMapsWithOverhead() {
        assertThat(ItemSize.of(Map.of("pk", s("abc")))).isEqualTo(2 + 3);
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("12345")))).isEqualTo(1 + 3 + 1);
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("1500.00")))).isEqualTo(1 + 1 + 1);
        assertThat(ItemSize.of(Map.of("ok", AttributeValue.fromBool(true)))).isEqualTo(2 + 1);
        assertThat(ItemSize.of(Map.of("l", AttributeValue.fromL(List.of(s("ab"), s("c")))))).isEqualTo(1 + 3 + 3);
        assertThat(ItemSize.of(Map.of("m", AttributeValue.fromM(Map.of("k", s("v")))))).isEqualTo(1 + 3 + 2);
        assertThat(ItemSize.of(Map.of("name", s("Zoë")))).isEqualTo(4 + 4);
    }

    @Test
    void put_ofANewItem_isOneUnitPerKilobyte_andOneWritePerIndexItIsIn() {
        WriteUnits units = WriteUnits.of(LEARNING, null, item(1_600, "org#submitted", null), false);

        assertThat(units.table()).isEqualTo(2);
        assertThat(units.indexes()).containsOnly(Map.entry("ByStatus", 2.0));
    }

    @Test
    void transaction_writesEveryItemTwice_butIndexesOnce() {
        WriteUnits units = WriteUnits.of(LEARNING, null, item(500, "org#submitted", "L#1"), true);

        assertThat(units.table()).isEqualTo(2);
        assertThat(units.indexes()).containsOnly(Map.entry("ByStatus", 1.0), Map.entry("ByLearner", 1.0));
        assertThat(WriteUnits.conditionCheck(item(30, null, null)).total()).isEqualTo(2);
    }

    @Test
    void update_takesTheLargerImage_andAChangedIndexKeyIsADeleteAndAPut() {
        Map<String, AttributeValue> before = item(900, "org#submitted", "L#1");
        Map<String, AttributeValue> after = item(1_100, "org#mastered", "L#1");

        WriteUnits units = WriteUnits.of(LEARNING, before, after, false);

        assertThat(units.table()).isEqualTo(2);
        assertThat(units.indexes()).containsEntry("ByStatus", 1.0 + 2.0);
        // ByLearner projects only keys and title, which did not change: no write there.
        assertThat(units.indexes()).doesNotContainKey("ByLearner");
    }

    @Test
    void itemLeavingASparseIndex_isOneDelete_andAWriteOfNothingStillCostsAUnit() {
        WriteUnits left = WriteUnits.of(LEARNING, item(200, "org#submitted", null), item(200, null, null), false);

        assertThat(left.indexes()).containsOnly(Map.entry("ByStatus", 1.0));
        assertThat(WriteUnits.of(LEARNING, null, null, false).table()).isEqualTo(1);
    }

    /** An item of about {@code bytes} bytes, in the indexes whose keys are given. */
    private static Map<String, AttributeValue> item(int bytes, String orgStatusKey, String learnerKey) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s("ENR#1"), "sk", s("ENROLLMENT"),
                "updatedAt", s("2026-11-23")));
        if (orgStatusKey != null) {
            item.put("orgStatusKey", s(orgStatusKey));
        }
        if (learnerKey != null) {
            item.put("learnerKey", s(learnerKey));
        }
        item.put("pad", s("x".repeat(Math.max(0, bytes - (int) ItemSize.of(item) - 3))));
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
