package org.microcred.local.cognito;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Cognito Identity Provider wire protocol (AWS JSON 1.1: a POST whose
 * {@code X-Amz-Target} header names the operation) over a {@link LocalUserPool}, for exactly
 * the calls {@code CognitoUserAccounts} makes: AdminCreateUser, ListUsers, AdminGetUser and
 * AdminUserGlobalSignOut. With the function's Cognito endpoint pointed here, the real SDK client
 * runs locally unchanged. It is independent of any HTTP server: the caller passes the header and
 * the body and writes back the {@link Answer}.
 *
 * <p>Errors are answered as Cognito answers them (HTTP 400, {@code {"__type", "message"}}), so
 * the SDK throws the same exception types it throws in AWS. There is one pool locally, so the
 * request's {@code UserPoolId} is not checked. Failures that are not the pool's refusals (the
 * invitation sender, the pool file) propagate, for the HTTP server to answer 500 and log.
 */
public final class CognitoJsonProtocol {
    /** The media type of requests and answers. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final int MAX_PAGE = 60;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final LocalUserPool pool;

    public CognitoJsonProtocol(LocalUserPool pool) {
        this.pool = pool;
    }

    /** What to send back: the HTTP status and a JSON body of type {@value #CONTENT_TYPE}. */
    public record Answer(int status, String body) {
    }

    /**
     * @param target the {@code X-Amz-Target} header, e.g. {@code AWSCognitoIdentityProviderService.ListUsers}
     * @param body   the request body (JSON)
     */
    public Answer handle(String target, String body) {
        try {
            JsonNode request = MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
            if (!request.isObject()) {
                return error("SerializationException", "The request body is not a JSON object");
            }
            return new Answer(200, MAPPER.writeValueAsString(dispatch(operation(target), request)));
        } catch (JsonProcessingException e) {
            return error("SerializationException", "The request body is not JSON: " + e.getOriginalMessage());
        } catch (UserPoolException e) {
            return error(e.type(), e.getMessage());
        }
    }

    private JsonNode dispatch(String operation, JsonNode request) {
        return switch (operation) {
            case "AdminCreateUser" -> adminCreateUser(request);
            case "ListUsers" -> listUsers(request);
            case "AdminGetUser" -> adminGetUser(request);
            case "AdminUserGlobalSignOut" -> adminUserGlobalSignOut(request);
            default -> throw new UserPoolException("UnknownOperationException",
                    "The local user pool does not implement " + operation + "; it answers AdminCreateUser, "
                            + "ListUsers, AdminGetUser and AdminUserGlobalSignOut");
        };
    }

    private JsonNode adminCreateUser(JsonNode request) {
        String messageAction = request.path("MessageAction").asText("");
        if (!messageAction.isEmpty() && !"SUPPRESS".equals(messageAction)) {
            throw UserPoolException.invalidParameter("MessageAction " + messageAction + " is not supported locally");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode attribute : request.path("UserAttributes")) {
            attributes.put(attribute.path("Name").asText(), attribute.path("Value").asText(null));
        }
        LocalUser user = pool.create(required(request, "Username"), attributes, messageAction.isEmpty());
        ObjectNode answer = MAPPER.createObjectNode();
        answer.set("User", user(user, "Attributes"));
        return answer;
    }

    private JsonNode listUsers(JsonNode request) {
        required(request, "UserPoolId");
        int limit = request.path("Limit").asInt(MAX_PAGE);
        if (limit < 1 || limit > MAX_PAGE) {
            throw UserPoolException.invalidParameter("Limit must be between 1 and " + MAX_PAGE);
        }
        int offset = offset(request.path("PaginationToken").asText(""));
        List<LocalUser> matching = pool.users().stream().filter(UserFilter.parse(request.path("Filter").asText(null))).toList();
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode users = answer.putArray("Users");
        matching.stream().skip(offset).limit(limit).forEach(user -> users.add(user(user, "Attributes")));
        if (offset + limit < matching.size()) {
            answer.put("PaginationToken", Integer.toString(offset + limit));
        }
        return answer;
    }

    private JsonNode adminGetUser(JsonNode request) {
        LocalUser user = pool.byUsername(required(request, "Username")).orElseThrow(UserPoolException::userNotFound);
        return user(user, "UserAttributes");
    }

    private JsonNode adminUserGlobalSignOut(JsonNode request) {
        pool.signOutEverywhere(required(request, "Username"));
        return MAPPER.createObjectNode();
    }

    /** Cognito's UserType; AdminGetUser names the attribute list differently from the others. */
    private static ObjectNode user(LocalUser user, String attributesField) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("Username", user.username());
        ArrayNode attributes = json.putArray(attributesField);
        new TreeMap<>(user.attributes()).forEach((name, value) -> attributes.addObject().put("Name", name).put("Value", value));
        double created = user.createdAt().toEpochMilli() / 1000.0;
        json.put("UserCreateDate", created);
        json.put("UserLastModifiedDate", created);
        json.put("Enabled", user.enabled());
        json.put("UserStatus", user.status().name());
        return json;
    }

    private static String operation(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new UserPoolException("UnknownOperationException",
                    "X-Amz-Target must name a Cognito Identity Provider operation (" + TARGET_PREFIX + "...), was " + target);
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private static String required(JsonNode request, String field) {
        String value = request.path(field).asText("");
        if (value.isEmpty()) {
            throw UserPoolException.invalidParameter("1 validation error detected: Value at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private static int offset(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(token));
        } catch (NumberFormatException e) {
            throw UserPoolException.invalidParameter("Invalid pagination token");
        }
    }

    private static Answer error(String type, String message) {
        ObjectNode json = MAPPER.createObjectNode().put("__type", type).put("message", message);
        return new Answer(400, json.toString());
    }
}
