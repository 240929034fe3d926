package org.microcred.shared.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Writes records, lists, maps, enums and scalars as {@link Json#mapper()} would, through
 * jackson-core's generator (same escaping, same number forms) but without databind: on a cold
 * start, databind's serializer construction and bean introspection cost more than a request. A
 * value it does not know (a JSON tree, a bean, an Optional, a null map value) makes it give up,
 * and Jackson writes the value instead. Under tests both run and must agree (see {@link Json}).
 */
final class RecordWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RecordWriter() {
    }

    /** The JSON text, or empty when the value holds something only Jackson knows how to write. */
    static Optional<String> write(Object value) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (!value(generator, value)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(out.toString());
    }

    private static boolean value(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Float number) {
            out.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            out.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            out.writeNumber(number);
        } else if (value instanceof Enum<?> constant) {
            RecordShapes.EnumShape shape = RecordShapes.enumeration(constant.getDeclaringClass());
            if (!shape.supported()) {
                return false;
            }
            out.writeString((String) shape.written().get(constant));
        } else if (value instanceof Collection<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                if (!value(out, item)) {
                    return false;
                }
            }
            out.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key) || entry.getValue() == null) {
                    return false;
                }
                out.writeFieldName(key);
                if (!value(out, entry.getValue())) {
                    return false;
                }
            }
            out.writeEndObject();
        } else if (value.getClass().isRecord()) {
            out.writeStartObject();
            if (!fields(out, value)) {
                return false;
            }
            out.writeEndObject();
        } else {
            return false;
        }
        return true;
    }

    /** A record's non-null properties, those of {@code @JsonUnwrapped} components in place. */
    private static boolean fields(JsonGenerator out, Object record) throws IOException {
        RecordShapes.RecordShape shape = RecordShapes.record(record.getClass());
        if (!shape.writable()) {
            return false;
        }
        for (RecordShapes.Property property : shape.written()) {
            Object value;
            try {
                value = property.accessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                return false;
            }
            if (value == null) {
                continue;
            }
            if (property.unwrapped()) {
                if (!value.getClass().isRecord() || !fields(out, value)) {
                    return false;
                }
                continue;
            }
            if (value instanceof Optional<?>) {
                return false;
            }
            out.writeFieldName(property.name());
            if (!value(out, value)) {
                return false;
            }
        }
        return true;
    }
}
