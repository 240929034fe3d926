package org.microcred.shared.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Locale;
import org.microcred.shared.json.Json;

/**
 * Reads a request body into a record, turning every way a body can be wrong into a 4xx
 * problem that tells the person what to fix.
 */
public final class JsonBody {
    /** Larger bodies are refused before parsing; no micro-credential document comes close. */
    public static final int MAX_BYTES = 256 * 1024;

    private JsonBody() {
    }

    public static <T> T read(ApiRequest request, Class<T> type) {
        String contentType = request.header("content-type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiProblem.unsupportedMediaType("Send the body as JSON with the header Content-Type: application/json.");
        }
        String body = request.body();
        if (body.isBlank()) {
            throw ApiProblem.badRequest("The request body is empty; a JSON object is required.");
        }
        if (request.bodySizeBytes() > MAX_BYTES) {
            throw ApiProblem.payloadTooLarge("The request body is " + request.bodySizeBytes()
                    + " bytes; the limit is " + MAX_BYTES + " bytes.");
        }
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) {
                throw ApiProblem.badRequest("The request body must be a JSON object, not null.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            return fail(field, "is not a known field" + known(e));
        } catch (InvalidFormatException e) {
            return fail(path(e), "must be " + describe(e.getTargetType()) + " (got " + e.getValue() + ")");
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw ApiProblem.badRequest("The request body must be a JSON object.");
            }
            return fail(field, "must be " + describe(e.getTargetType()));
        } catch (StreamConstraintsException e) {
            throw ApiProblem.payloadTooLarge("The request body is nested too deeply or has an oversized value.");
        } catch (JsonMappingException e) {
            String field = path(e);
            String reason = e.getOriginalMessage();
            if (e.getCause() instanceof ApiProblem problem) {
                throw problem;
            }
            return fail(field.isEmpty() ? "body" : field, reason == null ? "is not valid" : reason);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw ApiProblem.badRequest("The request body is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static <T> T fail(String field, String message) {
        throw ApiProblem.validation("Field '" + field + "' " + message + ".", List.of(new FieldError(field, message)));
    }

    private static String known(UnrecognizedPropertyException e) {
        var known = e.getKnownPropertyIds();
        return known == null || known.isEmpty() ? "" : "; expected one of " + known;
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

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                values.append(values.isEmpty() ? "" : ", ").append(constant);
            }
            return "one of " + values;
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
