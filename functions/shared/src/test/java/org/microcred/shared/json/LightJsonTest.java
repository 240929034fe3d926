package org.microcred.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The light path against Jackson itself: whatever it writes or reads must be exactly what the
 * strict mapper writes or reads, and wherever it is unsure it must step aside (empty).
 */
class LightJsonTest {
    enum Plain { FIRST, SECOND }

    enum Spelled {
        @JsonProperty("one") ONE,
        @JsonProperty("two") TWO
    }

    enum Valued {
        ALPHA("a-lpha"), BETA("b-eta");

        private final String json;

        Valued(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }

        @JsonCreator
        public static Valued fromJson(String value) {
            return Arrays.stream(values()).filter(v -> v.json.equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("must be a-lpha or b-eta"));
        }
    }

    record Level(String id, String name, boolean passing, Double weight) {
    }

    record Criterion(String id, List<Level> levels, List<String> tags, Map<String, Integer> counts, Plain plain,
                     Spelled spelled, Valued valued, long big, int small) {
    }

    record Period(String from, String to) {
    }

    @JsonPropertyOrder({"id", "label"})
    record Row(String name, String id, @JsonUnwrapped Period period, @JsonIgnore String secret) {
        @JsonProperty("label")
        public String label() {
            return name + "!";
        }

        @JsonIgnore
        public boolean isSecret() {
            return secret != null;
        }

        public String shout() {
            return name.toUpperCase(java.util.Locale.ROOT);
        }
    }

    record WithGetter(String name) {
        public String getUpper() {
            return name.toUpperCase(java.util.Locale.ROOT);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record NonEmpty(String name, List<String> items) {
    }

    record Checked(String name, int count) {
        Checked {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
        }
    }

    record Holder(Optional<String> maybe) {
    }

    private static void writesAsJackson(Object value) throws Exception {
        Optional<String> light = RecordWriter.write(value);
        assertThat(light).as("the light writer handles %s", value).isPresent();
        assertThat(light.get()).isEqualTo(Json.mapper().writeValueAsString(value));
    }

    @Test
    void write_recordsListsMapsEnumsAndScalars_exactlyAsJackson() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("zeta", 1);
        counts.put("alpha", 2);
        writesAsJackson(new Criterion("c-1", List.of(new Level("l-1", "Emerging \"quoted\" \\ slash / é ☃ \u2028",
                false, 0.1), new Level("l-2", "tab\there\nnewline\u0001\u001f", true, null)), List.of("a", "b"),
                counts, Plain.SECOND, Spelled.TWO, Valued.BETA, Long.MAX_VALUE, Integer.MIN_VALUE));
        writesAsJackson(new Level("l", "n", true, 1e21));
        writesAsJackson(new Level("l", "n", true, 12.0));
        writesAsJackson(new Level("l", "n", true, -0.0));
        writesAsJackson(List.of(new Level("l", null, false, 3.14159), Map.of("k", "v")));
        writesAsJackson("just a string \u007f");
        writesAsJackson(Map.of());
    }

    @Test
    void write_honoursOrderUnwrappingIgnoringAndAnnotatedMethods() throws Exception {
        writesAsJackson(new Row("Maria", "r-1", new Period("2026-01-01", "2026-12-31"), "hidden"));
        writesAsJackson(new Row("Maria", "r-1", null, null));
    }

    @Test
    void write_stepsAsideForWhatOnlyJacksonKnows() {
        assertThat(RecordWriter.write(new WithGetter("x"))).isEmpty();
        assertThat(RecordWriter.write(new NonEmpty("x", List.of()))).isEmpty();
        assertThat(RecordWriter.write(new Holder(Optional.of("x")))).isEmpty();
        assertThat(RecordWriter.write(Json.mapper().createObjectNode().put("a", 1))).isEmpty();
        Map<String, Object> nullValue = new LinkedHashMap<>();
        nullValue.put("a", null);
        assertThat(RecordWriter.write(nullValue)).isEmpty();
    }

    @Test
    void read_whatJacksonReads_toEqualRecords() throws Exception {
        String json = "{\"id\":\"c-1\",\"levels\":[{\"id\":\"l-1\",\"name\":\"E\",\"passing\":true,\"weight\":2},"
                + "{\"id\":\"l-2\",\"passing\":false,\"weight\":0.5}],\"tags\":[],\"counts\":{\"a\":1},"
                + "\"plain\":\"FIRST\",\"spelled\":\"one\",\"valued\":\"a-lpha\",\"big\":9007199254740993,\"small\":-7}";

        Optional<Criterion> light = RecordReader.read(json, Criterion.class, false);

        assertThat(light).isPresent();
        assertThat(light.get()).isEqualTo(Json.mapper().readValue(json, Criterion.class));
    }

    @Test
    void read_stepsAsideForEverythingJacksonRefusesOrDecidesItself() {
        List<String> refused = List.of(
                "{\"name\":\"x\",\"count\":1,\"extra\":true}",
                "{\"name\":\"x\",\"name\":\"y\",\"count\":1}",
                "{\"name\":5,\"count\":1}",
                "{\"name\":\"x\",\"count\":\"1\"}",
                "{\"name\":\"x\",\"count\":1.5}",
                "{\"name\":\"x\",\"count\":null}",
                "{\"name\":\"x\"}",
                "{\"name\":\"x\",\"count\":-1}",
                "{\"name\":\"x\",\"count\":1} trailing",
                "{\"name\":\"x\",\"count\":99999999999}",
                "null",
                "[]",
                "{\"name\":\"x\",\"count\":1",
                "");
        for (String json : refused) {
            assertThat(RecordReader.read(json, Checked.class, false)).as(json).isEmpty();
        }
        assertThat(RecordReader.read("{\"id\":\"c\",\"tags\":[\"a\",null]}", Criterion.class, false)).isEmpty();
        assertThat(RecordReader.read("{\"id\":\"c\",\"valued\":\"gamma\"}", Criterion.class, false)).isEmpty();
        assertThat(RecordReader.read("{\"id\":\"c\",\"plain\":0}", Criterion.class, false)).isEmpty();
        assertThat(RecordReader.read("{\"id\":\"c\",\"spelled\":\"ONE\"}", Criterion.class, false)).isEmpty();
        assertThat(RecordReader.read("{\"maybe\":\"x\"}", Holder.class, false)).isEmpty();
        assertThat(RecordReader.read("{\"name\":\"x\",\"id\":\"r\"}", Row.class, false)).isEmpty();
        assertThat(RecordReader.read("[" .repeat(100) + "]".repeat(100), Checked.class, false)).isEmpty();
    }

    @Test
    void read_skippingUnknownFields_forStoredDocuments() throws Exception {
        String json = "{\"name\":\"x\",\"future\":{\"nested\":[1,2,{\"deep\":true}]},\"count\":3}";

        assertThat(RecordReader.read(json, Checked.class, true)).contains(new Checked("x", 3));
        assertThat(RecordReader.read(json, Checked.class, false)).isEmpty();
    }

    @Test
    void json_withParityOn_comparesBothPaths() {
        // The build runs every test with the parity property, so this class's own calls compare too.
        assertThat(Boolean.getBoolean(Json.PARITY_PROPERTY)).isTrue();
        assertThat(Json.write(new Level("l", "n", true, 1.5)))
                .isEqualTo("{\"id\":\"l\",\"name\":\"n\",\"passing\":true,\"weight\":1.5}");
        assertThat(Json.read("{\"id\":\"l\",\"passing\":true}", Level.class)).isEqualTo(new Level("l", null, true, null));
    }
}
