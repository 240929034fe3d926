package org.microcred.local.cognito;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The template's UserPool on this machine: a {@link LocalUserPool} (kept in the data directory
 * when there is one) answering the Cognito wire protocol at {@value #PATH} of the local HTTP
 * API, where the functions' Cognito client is pointed ({@code MICROCRED_COGNITO_ENDPOINT}).
 */
public final class LocalCognito implements HttpHandler {
    /** The path the local HTTP API serves the protocol under. */
    public static final String PATH = "/_local/cognito";
    /** What {@code Ref UserPool} resolves to locally (shaped like a real pool id). */
    public static final String USER_POOL_ID = "us-east-1_microcredLocal";

    private final LocalUserPool pool;
    private final CognitoJsonProtocol protocol;

    private LocalCognito(LocalUserPool pool) {
        this.pool = pool;
        this.protocol = new CognitoJsonProtocol(pool);
    }

    /** A pool kept under {@code directory}, or in memory without one. */
    public static LocalCognito start(Optional<Path> directory, InvitationSender invitations) {
        return new LocalCognito(directory.map(dir -> LocalUserPool.persistedIn(dir, invitations))
                .orElseGet(() -> LocalUserPool.inMemory(invitations)));
    }

    public LocalUserPool pool() {
        return pool;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            CognitoJsonProtocol.Answer answer = protocol.handle(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                    body);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CognitoJsonProtocol.CONTENT_TYPE);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
