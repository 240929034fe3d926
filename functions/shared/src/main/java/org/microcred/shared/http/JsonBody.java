package org.microcred.shared.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.Malformed;
import org.microcred.shared.domain.TooLarge;
import org.microcred.shared.domain.UnsupportedMediaType;
import org.microcred.shared.json.Json;

/**
 * Reads a request body into a record, turning every way a body can be wrong into a 4xx
 * problem that tells the person what to fix, in the words of the JSON they sent: field names
 * and JSON types, never the Java classes behind them.
 */
public final class JsonBody {
    /** Larger bodies are refused before parsing; no micro-credential document comes close. */
    public static final int MAX_BYTES = 256 * 1024;
    /** Words of the implementation that a message from a parser or a constructor might carry. */
    private static final Pattern INTERNAL = Pattern.compile("[`$]|\\b(?:org|java|javax|com)\\.|Exception|\\bclass\\b");

    private JsonBody() {
    }

    public static <T> T read(ApiRequest request, Class<T> type) {
        requireJson(request);
        String body = request.body();
        if (body.isBlank()) {
            throw new Malformed("The request body is empty; a JSON object is required.");
        }
        if (request.bodySizeBytes() > MAX_BYTES) {
            throw new TooLarge("The request body is " + request.bodySizeBytes()
                    + " bytes; the limit is " + MAX_BYTES + " bytes.");
        }
        return Json.read(body, type, false, () -> readWithJackson(body, type));
    }

    /** Jackson's reading, which also says exactly what is wrong with a body the light path gave up on. */
    private static <T> T readWithJackson(String body, Class<T> type) {
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw new Malformed("The request body must be a JSON object, not null.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            return fail(path(e), "is not a known field" + known(e));
        } catch (InvalidFormatException e) {
            return fail(path(e), "must be " + describe(e.getTargetType()) + " (got " + shown(e.getValue()) + ")");
        } catch (InvalidDefinitionException e) {
            // The record cannot be read at all: our bug, not the client's.
            throw new IllegalStateException("Cannot read request bodies into " + type.getSimpleName(), e);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof DomainException problem) {
                throw problem;
            }
            return fail(orBody(path(e)), e.getCause() instanceof NullPointerException
                    ? "must not contain null entries" : reason(e.getCause()));
        } catch (InvalidNullException e) {
            return fail(orBody(path(e)), "must not be null");
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw new Malformed("The request body must be a JSON object.");
            }
            return fail(field, "must be " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof DomainException problem) {
                throw problem;
            }
            return fail(orBody(path(e)), "is not valid");
        } catch (StreamConstraintsException e) {
            throw new TooLarge("The request body is nested too deeply or has an oversized value.");
        } catch (InputCoercionException e) {
            throw new Malformed("The request body has a number out of range" + where(e) + ".");
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage();
            throw new Malformed("The request body is not valid JSON" + where(e)
                    + (reason == null || INTERNAL.matcher(reason).find() ? "." : ": " + reason));
        }
    }

    /**
     * Refuses a body that is not declared {@code application/json} (415), whatever it looks like:
     * the media type exactly, in any case, with optional parameters; a charset, if named, UTF-8.
     */
    public static void requireJson(ApiRequest request) {
        String contentType = request.header("content-type").orElse("");
        String[] parts = contentType.split(";");
        boolean json = parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].strip().replace("\"", "");
                json = charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
            }
        }
        if (!json) {
            throw new UnsupportedMediaType("Send the body as JSON with the header Content-Type: application/json"
                    + " (UTF-8); " + (contentType.isBlank() ? "the request has none." : "this request's is not."));
        }
    }

    private static <T> T fail(String field, String message) {
        throw new Invalid("Field '" + field + "' " + message + ".", List.of(new FieldError(field, message)));
    }

    private static String orBody(String field) {
        return field.isEmpty() ? "body" : field;
    }

    /** A constructor's own words when they are meant for people, else a plain "is not valid". */
    private static String reason(Throwable cause) {
        String message = cause == null ? null : cause.getMessage();
        return cause instanceof IllegalArgumentException && message != null && !message.isBlank()
                && !INTERNAL.matcher(message).find() ? message : "is not valid";
    }

    private static String where(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String known(UnrecognizedPropertyException e) {
        var known = e.getKnownPropertyIds();
        return known == null || known.isEmpty() ? "" : "; expected one of " + known;
    }

    private static String shown(Object value) {
        String text = value instanceof String string ? "\"" + string + "\"" : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** The JSON path of the failing field, e.g. {@code rubric[1].levels[0].name}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a Java type is called in JSON. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                values.append(values.isEmpty() ? "" : ", ").append(Json.mapper().convertValue(constant, String.class));
            }
            return "one of " + values;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
