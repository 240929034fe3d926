package org.microcred.local.junit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.microcred.local.LocalStack;
import org.microcred.local.LocalStackOptions;
import org.microcred.local.identity.DevUser;
import org.microcred.shared.identity.Role;

/**
 * A whole local stack for end-to-end tests: in memory, on a free port, optionally with the demo
 * data. Sign requests with {@link #tokenFor(String)} (a demo user) or {@link #tokenFor(Role, String)}.
 *
 * <pre>{@code
 * HttpResponse<String> response = stack.http().send(
 *         stack.request("/microcredentials").header("authorization", "Bearer " + stack.tokenFor(Role.LEARNER, "org-riverbend")).build(),
 *         HttpResponse.BodyHandlers.ofString());
 * }</pre>
 */
public final class RunningStack implements AutoCloseable {
    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningStack(LocalStack stack) {
        this.stack = stack;
    }

    /** Starts an in-memory stack on a free port; {@code seeded} loads the demo catalog first. */
    public static RunningStack start(boolean seeded) {
        return start(LocalStackOptions.inMemory().seeded(seeded));
    }

    public static RunningStack start(LocalStackOptions options) {
        return new RunningStack(LocalStack.start(options));
    }

    public URI baseUri() {
        return stack.baseUri();
    }

    /** A request builder for a path of the local API, e.g. {@code request("/microcredentials?q=exit")}. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(baseUri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    /**
     * A 12-hour token for someone who can sign in (a demo user of {@code demo/users.json}, or a
     * member added through the API), with the organisation and roles their next token would carry.
     */
    public String tokenFor(String userId) {
        DevUser user = stack.directory().user(userId)
                .orElseThrow(() -> new IllegalArgumentException("Nobody with id " + userId + " can sign in"));
        return stack.identityProvider().tokenFor(user);
    }

    /** The same, found by email address (people added through the API get generated ids). */
    public String tokenForEmail(String email) {
        DevUser user = stack.directory().users().stream().filter(candidate -> candidate.email().equalsIgnoreCase(email))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Nobody with address " + email));
        return stack.identityProvider().tokenFor(user);
    }

    /** A token for the first demo user with the role in the organisation, or a made-up one if there is none. */
    public String tokenFor(Role role, String organizationId) {
        return stack.directory().firstWith(role.group(), organizationId)
                .map(user -> stack.identityProvider().tokenFor(user))
                .orElseGet(() -> stack.identityProvider().tokenFor(role, organizationId));
    }

    public HttpClient http() {
        return http;
    }

    public LocalStack stack() {
        return stack;
    }

    @Override
    public void close() {
        stack.close();
    }
}
