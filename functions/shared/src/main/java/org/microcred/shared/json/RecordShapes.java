package org.microcred.shared.json;

import com.fasterxml.jackson.annotation.JacksonAnnotation;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a record or enum looks in JSON, worked out once per class from the few Jackson annotations
 * our types use. A shape that uses anything else is "unsupported" and the caller leaves the
 * value to Jackson, so the light path never guesses.
 */
final class RecordShapes {
    private static final Set<String> OBJECT_METHODS = Set.of("toString", "hashCode", "equals");
    private static final ClassValue<RecordShape> RECORDS = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return recordShape(type);
        }
    };
    private static final ClassValue<EnumShape> ENUMS = new ClassValue<>() {
        @Override
        protected EnumShape computeValue(Class<?> type) {
            return enumShape(type);
        }
    };

    private RecordShapes() {
    }

    /** One JSON property of a record: a component or an annotated method. */
    record Property(String name, Method accessor, Type type, boolean unwrapped, int componentIndex) {
    }

    /**
     * A record's properties in the order Jackson writes them, and for reading its components by
     * JSON name with the canonical constructor. {@code readable}/{@code writable} say whether the
     * light path may handle it at all.
     */
    record RecordShape(boolean writable, boolean readable, List<Property> written, Map<String, Property> read,
                       Constructor<?> constructor, int componentCount) {
    }

    /** An enum's JSON spellings; {@code creator} is a {@code @JsonCreator} factory taking a String, if any. */
    record EnumShape(boolean supported, Map<Enum<?>, Object> written, Map<String, Enum<?>> read, Method creator) {
    }

    static RecordShape record(Class<?> type) {
        return RECORDS.get(type);
    }

    static EnumShape enumeration(Class<?> type) {
        return ENUMS.get(type);
    }

    private static RecordShape recordShape(Class<?> type) {
        if (!type.isRecord()) {
            return new RecordShape(false, false, List.of(), Map.of(), null, 0);
        }
        boolean writable = true;
        boolean readable = true;
        for (Annotation annotation : type.getAnnotations()) {
            if (isJackson(annotation) && !(annotation instanceof JsonPropertyOrder)) {
                writable = false;
                readable = false;
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        List<Property> properties = new ArrayList<>();
        Map<String, Property> byName = new HashMap<>();
        Set<Method> accessors = new java.util.HashSet<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Method accessor = component.getAccessor();
            accessors.add(accessor);
            accessor.setAccessible(true);
            String name = component.getName();
            boolean ignored = accessor.isAnnotationPresent(JsonIgnore.class);
            boolean unwrapped = accessor.isAnnotationPresent(JsonUnwrapped.class);
            JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
            if (renamed != null && !renamed.value().isEmpty()) {
                name = renamed.value();
            }
            for (Annotation annotation : accessor.getAnnotations()) {
                if (isJackson(annotation) && !(annotation instanceof JsonIgnore) && !(annotation instanceof JsonUnwrapped)
                        && !(annotation instanceof JsonProperty)) {
                    writable = false;
                    readable = false;
                }
            }
            if (ignored || unwrapped) {
                readable = false;
            }
            Property property = new Property(name, accessor, component.getGenericType(), unwrapped, i);
            if (!ignored) {
                properties.add(property);
            }
            byName.put(name, property);
        }
        List<Property> extras = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (accessors.contains(method) || Modifier.isStatic(method.getModifiers()) || method.isSynthetic()
                    || OBJECT_METHODS.contains(method.getName())) {
                if (Modifier.isStatic(method.getModifiers()) && method.isAnnotationPresent(JsonCreator.class)) {
                    readable = false;
                }
                continue;
            }
            if (method.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            JsonProperty annotated = method.getAnnotation(JsonProperty.class);
            boolean publicNoArg = Modifier.isPublic(method.getModifiers()) && method.getParameterCount() == 0
                    && method.getReturnType() != void.class;
            if (annotated != null && publicNoArg) {
                method.setAccessible(true);
                extras.add(new Property(annotated.value().isEmpty() ? method.getName() : annotated.value(), method,
                        method.getGenericReturnType(), false, -1));
            } else if (publicNoArg && looksLikeGetter(method)) {
                // Jackson would write it as a property; rather than copy its naming rules, leave this type to it.
                writable = false;
            } else if (annotated != null || Arrays.stream(method.getAnnotations()).anyMatch(RecordShapes::isJackson)) {
                writable = false;
                readable = false;
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(JsonCreator.class)) {
                readable = false;
            }
        }
        properties.addAll(extras);
        JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
        if (order != null) {
            properties = ordered(properties, order.value());
        }
        Constructor<?> canonical = null;
        try {
            canonical = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            canonical.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            readable = false;
        }
        return new RecordShape(writable, readable, List.copyOf(properties), Map.copyOf(byName), canonical,
                components.length);
    }

    private static List<Property> ordered(List<Property> properties, String[] names) {
        Map<String, Property> remaining = new LinkedHashMap<>();
        properties.forEach(property -> remaining.put(property.name(), property));
        List<Property> ordered = new ArrayList<>();
        for (String name : names) {
            Property property = remaining.remove(name);
            if (property != null) {
                ordered.add(property);
            }
        }
        ordered.addAll(remaining.values());
        return ordered;
    }

    private static boolean looksLikeGetter(Method method) {
        String name = method.getName();
        return name.startsWith("get") && name.length() > 3
                || name.startsWith("is") && name.length() > 2
                && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EnumShape enumShape(Class<?> type) {
        Class<? extends Enum> enumType = (Class<? extends Enum>) type;
        boolean supported = true;
        Method valueMethod = null;
        Method creator = null;
        for (Method method : enumType.getDeclaredMethods()) {
            if (method.isAnnotationPresent(JsonValue.class)) {
                valueMethod = method;
                method.setAccessible(true);
            }
            if (method.isAnnotationPresent(JsonCreator.class)) {
                if (Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 1
                        && method.getParameterTypes()[0] == String.class) {
                    creator = method;
                    method.setAccessible(true);
                } else {
                    supported = false;
                }
            }
        }
        for (Annotation annotation : enumType.getAnnotations()) {
            if (isJackson(annotation)) {
                supported = false;
            }
        }
        Map<Enum<?>, Object> written = new HashMap<>();
        Map<String, Enum<?>> read = new HashMap<>();
        for (Enum<?> constant : enumType.getEnumConstants()) {
            Object spelling = constant.name();
            try {
                JsonProperty property = enumType.getField(constant.name()).getAnnotation(JsonProperty.class);
                if (property != null) {
                    spelling = property.value();
                }
                if (valueMethod != null) {
                    spelling = valueMethod.invoke(constant);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                supported = false;
            }
            if (!(spelling instanceof String)) {
                supported = false;
                continue;
            }
            written.put(constant, spelling);
            read.put((String) spelling, constant);
        }
        return new EnumShape(supported, written, read, creator);
    }

    private static boolean isJackson(Annotation annotation) {
        return annotation.annotationType().isAnnotationPresent(JacksonAnnotation.class);
    }
}
