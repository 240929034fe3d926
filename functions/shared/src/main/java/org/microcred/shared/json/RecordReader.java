package org.microcred.shared.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JSON into records through jackson-core's parser, without databind, for the happy path
 * only: anything Jackson would refuse or treat specially (an unknown field when strict, a
 * duplicate key, a null in a list, a string where a number belongs, a constructor that throws, a
 * type it does not know) makes it give up, and Jackson reads the text again to accept it or to
 * say precisely what is wrong. So it never accepts what {@link Json#mapper()} refuses, and under
 * tests both run and must agree (see {@link Json}).
 */
final class RecordReader {
    private static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(1_000_000).build())
            .build();

    /** Thrown inside to abandon the light path; never leaves this class. */
    private static final class GiveUp extends Exception {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private RecordReader() {
    }

    /**
     * The value, or empty when Jackson should read it.
     *
     * @param skipUnknown true to skip fields the record does not have (stored documents), false to give up on them
     */
    static <T> Optional<T> read(String json, Class<T> type, boolean skipUnknown) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.nextToken();
            Object value = value(parser, type, skipUnknown, 0);
            if (value == null || parser.nextToken() != null) {
                return Optional.empty();
            }
            return Optional.of(type.cast(value));
        } catch (GiveUp | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Object value(JsonParser parser, Type type, boolean skipUnknown, int depth)
            throws IOException, GiveUp {
        JsonToken token = parser.currentToken();
        if (token == null || depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        Class<?> raw = rawClass(type);
        if (token == JsonToken.VALUE_NULL) {
            if (raw.isPrimitive()) {
                throw GIVE_UP;
            }
            return null;
        }
        if (raw == String.class) {
            require(token == JsonToken.VALUE_STRING);
            return parser.getText();
        }
        if (raw == int.class || raw == Integer.class) {
            require(token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT);
            return parser.getIntValue();
        }
        if (raw == long.class || raw == Long.class) {
            require(token == JsonToken.VALUE_NUMBER_INT && (parser.getNumberType() == JsonParser.NumberType.INT
                    || parser.getNumberType() == JsonParser.NumberType.LONG));
            return parser.getLongValue();
        }
        if (raw == double.class || raw == Double.class) {
            require(token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT);
            double number = parser.getDoubleValue();
            require(Double.isFinite(number));
            return number;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            require(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE);
            return token == JsonToken.VALUE_TRUE;
        }
        if (raw.isEnum()) {
            require(token == JsonToken.VALUE_STRING);
            return constant(raw, parser.getText());
        }
        if (raw == List.class) {
            require(token == JsonToken.START_ARRAY && type instanceof ParameterizedType);
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                // Nulls inside lists are refused (Json: content nulls fail), with Jackson's message.
                require(parser.currentToken() != JsonToken.VALUE_NULL);
                list.add(value(parser, element, skipUnknown, depth + 1));
            }
            return list;
        }
        if (raw == Map.class) {
            require(token == JsonToken.START_OBJECT && type instanceof ParameterizedType);
            Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
            require(arguments[0] == String.class);
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                require(parser.currentToken() != JsonToken.VALUE_NULL);
                map.put(key, value(parser, arguments[1], skipUnknown, depth + 1));
            }
            return map;
        }
        if (raw.isRecord()) {
            require(token == JsonToken.START_OBJECT);
            return record(parser, raw, skipUnknown, depth);
        }
        throw GIVE_UP;
    }

    private static Object record(JsonParser parser, Class<?> type, boolean skipUnknown, int depth)
            throws IOException, GiveUp {
        RecordShapes.RecordShape shape = RecordShapes.record(type);
        require(shape.readable());
        Object[] arguments = new Object[shape.componentCount()];
        Set<String> seen = new HashSet<>();
        boolean[] present = new boolean[shape.componentCount()];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            RecordShapes.Property property = shape.read().get(name);
            if (property == null) {
                require(skipUnknown);
                parser.skipChildren();
                continue;
            }
            require(seen.add(name));
            present[property.componentIndex()] = true;
            arguments[property.componentIndex()] = value(parser, property.type(), skipUnknown, depth + 1);
        }
        Class<?>[] parameters = shape.constructor().getParameterTypes();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null && parameters[i].isPrimitive()) {
                // An absent primitive: what Jackson makes of it depends on its settings; let it say.
                require(present[i]);
                arguments[i] = defaultOf(parameters[i]);
            }
        }
        try {
            return shape.constructor().newInstance(arguments);
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException e) {
            throw GIVE_UP;
        }
    }

    private static Object constant(Class<?> type, String text) throws GiveUp {
        RecordShapes.EnumShape shape = RecordShapes.enumeration(type);
        require(shape.supported());
        if (shape.creator() != null) {
            try {
                Object value = shape.creator().invoke(null, text);
                require(value != null);
                return value;
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw GIVE_UP;
            }
        }
        Enum<?> constant = shape.read().get(text);
        require(constant != null);
        return constant;
    }

    private static Object defaultOf(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0d;
        }
        if (primitive == int.class) {
            return 0;
        }
        throw new IllegalArgumentException(primitive.getName());
    }

    private static Class<?> rawClass(Type type) throws GiveUp {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        throw GIVE_UP;
    }

    private static void require(boolean condition) throws GiveUp {
        if (!condition) {
            throw GIVE_UP;
        }
    }
}
