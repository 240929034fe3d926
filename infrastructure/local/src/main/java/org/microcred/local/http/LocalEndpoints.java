package org.microcred.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.microcred.local.identity.DevUsers;
import org.microcred.local.identity.DevIdentityProvider;
import org.microcred.local.identity.DevUser;
import org.microcred.local.schedules.ScheduleTrigger;

/**
 * The routes only the local stack has (never in template.yaml): {@code GET /_local/tokens}, a
 * signed 12-hour token for everyone who can sign in (with the organisation and roles the Pre
 * Token Generation trigger gives them now), the dev issuer's discovery documents, and
 * {@code POST /_local/schedules/<functionLogicalId>}, which runs a scheduled function now.
 */
final class LocalEndpoints {
    static final String PREFIX = "/_local";
    static final String SCHEDULES = PREFIX + "/schedules/";
    static final Duration TOKEN_VALIDITY = Duration.ofHours(12);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DevIdentityProvider identityProvider;
    private final DevUsers directory;
    private final ScheduleTrigger schedules;

    LocalEndpoints(DevIdentityProvider identityProvider, DevUsers directory, ScheduleTrigger schedules) {
        this.identityProvider = identityProvider;
        this.directory = directory;
        this.schedules = schedules;
    }

    static boolean owns(String rawPath) {
        return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
    }

    Optional<LocalResponse> handle(IncomingRequest request) {
        if (request.method().equals("POST") && request.rawPath().startsWith(SCHEDULES)) {
            return schedule(request.rawPath().substring(SCHEDULES.length()), request.rawPath());
        }
        if (!request.method().equals("GET")) {
            return Optional.empty();
        }
        return switch (request.rawPath()) {
            case PREFIX + "/tokens" -> Optional.of(LocalResponse.json(200, "application/json", tokens()));
            case DevIdentityProvider.ISSUER_PATH + "/.well-known/jwks.json" -> Optional.of(
                    LocalResponse.json(200, "application/json", identityProvider.publicKeys().toJSONObject()));
            case DevIdentityProvider.ISSUER_PATH + "/.well-known/openid-configuration" -> Optional.of(
                    LocalResponse.json(200, "application/json", MAPPER.createObjectNode()
                            .put("issuer", identityProvider.issuer())
                            .put("jwks_uri", identityProvider.issuer() + "/.well-known/jwks.json")));
            default -> Optional.empty();
        };
    }

    /** Runs the function's schedule now; the path names the function by its template logical id. */
    private Optional<LocalResponse> schedule(String functionLogicalId, String path) {
        if (!functionLogicalId.matches("[A-Za-z0-9]{1,255}")) {
            return Optional.empty();
        }
        ScheduleTrigger.Outcome outcome = schedules.trigger(functionLogicalId, Instant.now());
        if (outcome.ran()) {
            return Optional.of(LocalResponse.json(200, "application/json", outcome.run()));
        }
        return Optional.of(LocalResponse.problem(outcome.status(), outcome.status() == 404 ? "not-found" : "internal",
                outcome.title(), outcome.detail(), path, UUID.randomUUID().toString()));
    }

    private ObjectNode tokens() {
        Instant expiresAt = Instant.now().plus(TOKEN_VALIDITY);
        ObjectNode body = MAPPER.createObjectNode()
                .put("issuer", identityProvider.issuer())
                .put("audience", DevIdentityProvider.AUDIENCE)
                .put("expiresAt", expiresAt.toString())
                .put("usage", "Send one as the header 'Authorization: Bearer <token>'.");
        ArrayNode users = body.putArray("users");
        for (DevUser user : directory.users()) {
            ObjectNode entry = users.addObject()
                    .put("id", user.id())
                    .put("name", user.name())
                    .put("email", user.email())
                    .put("organizationId", user.organizationId());
            if (user.organizationId() != null) {
                directory.organizationName(user.organizationId()).ifPresent(name -> entry.put("organizationName", name));
            }
            user.roles().forEach(entry.putArray("roles")::add);
            entry.put("token", identityProvider.tokenFor(user, TOKEN_VALIDITY));
        }
        return body;
    }
}
