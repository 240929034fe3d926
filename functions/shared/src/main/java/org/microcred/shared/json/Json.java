package org.microcred.shared.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one strict ObjectMapper every function uses. Built once (it is expensive and
 * thread-safe). Strict on input so a typo in a field name, a string where a number belongs, a
 * number or boolean where a string belongs, or a field given twice is a 400 naming the field,
 * not a silently ignored or converted value.
 *
 * <p>Records go through a light path first ({@link RecordWriter}, {@link RecordReader}: jackson-core
 * without databind), because building databind's serializers and introspecting our types was the
 * largest part of a function's cold start that its baseline does not pay (docs/cold-start.md).
 * The light path gives up on anything it is not sure of and the mapper takes over, so it never
 * answers differently: with the system property {@value #PARITY_PROPERTY} set, as the build sets
 * it for every test, each call runs both and fails on any difference.
 */
public final class Json {
    /** Set (to true) by the build for every test run: compare the light path with Jackson on every call. */
    public static final String PARITY_PROPERTY = "microcred.json.parity";
    private static final boolean PARITY = Boolean.getBoolean(PARITY_PROPERTY);

    private Json() {
    }

    /** Built on first use: a request that the light path serves never pays for it. */
    private static final class Mapper {
        private static final ObjectMapper INSTANCE = build();

        private static ObjectMapper build() {
            ObjectMapper mapper = JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                    // Refuses "5" for a number and "true" or 1 for a boolean...
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    // ...but not the other way round: Jackson still reads 5 or true into a string as "5"
                    // or "true" unless text is told to refuse them too.
                    .withCoercionConfig(LogicalType.Textual, text -> text
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                    // A null inside an array or object value is refused where it stands ("scores[2]"),
                    // rather than reaching a record's constructor as an anonymous NullPointerException.
                    .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                    .serializationInclusion(JsonInclude.Include.NON_NULL)
                    .build();
            // Deeply nested or huge documents are refused while parsing, before they cost memory.
            mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxStringLength(1_000_000).build());
            return mapper;
        }
    }

    /** The strict mapper, for what the light path does not cover (trees, error messages, beans). */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    public static String write(Object value) {
        Optional<String> light = RecordWriter.write(value);
        if (light.isPresent() && !PARITY) {
            return light.get();
        }
        String jackson = jacksonWrite(value);
        if (light.isPresent() && !light.get().equals(jackson)) {
            throw new IllegalStateException("The light JSON writer differs from Jackson for "
                    + value.getClass().getName() + ":\n  light:   " + light.get() + "\n  jackson: " + jackson);
        }
        return jackson;
    }

    private static String jacksonWrite(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json, type, false, () -> {
            try {
                return mapper().readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("Could not parse " + type.getSimpleName(), e);
            }
        });
    }

    /**
     * Reads with the light path when it can, else with {@code jackson}, which also makes every
     * error (callers map Jackson's exceptions to their messages). {@code skipUnknown} must match
     * what {@code jackson} does with unknown fields.
     */
    public static <T> T read(String json, Class<T> type, boolean skipUnknown, Supplier<T> jackson) {
        Optional<T> light = RecordReader.read(json, type, skipUnknown);
        if (light.isPresent() && !PARITY) {
            return light.get();
        }
        T value = jackson.get();
        if (light.isPresent() && !light.get().equals(value)) {
            throw new IllegalStateException("The light JSON reader differs from Jackson for " + type.getName()
                    + ":\n  light:   " + light.get() + "\n  jackson: " + value);
        }
        return value;
    }
}
