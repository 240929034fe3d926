package org.microcred.local.cognito;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The protocol mounted on a JDK HTTP server at {@value #PATH}, where the local HTTP API mounts
 * it, so tests talk to it over a real connection with the real SDK. Records what reached it,
 * to show the SDK really posts under that path.
 */
final class CognitoEndpoint implements AutoCloseable {
    static final String PATH = "/_local/cognito";

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile CognitoJsonProtocol protocol;

    private CognitoEndpoint(HttpServer server) {
        this.server = server;
    }

    static CognitoEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            CognitoEndpoint endpoint = new CognitoEndpoint(server);
            server.createContext(PATH, endpoint::answer);
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers from now on with this protocol (a fresh pool per test, one server per class). */
    void serve(CognitoJsonProtocol protocol) {
        this.protocol = protocol;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** {@code METHOD path content-type} of every request so far. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            CognitoJsonProtocol.Answer answer = protocol.handle(exchange.getRequestHeaders().getFirst("X-Amz-Target"), body);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CognitoJsonProtocol.CONTENT_TYPE);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
