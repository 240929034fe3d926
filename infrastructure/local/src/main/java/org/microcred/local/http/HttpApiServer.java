package org.microcred.local.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.microcred.emulators.SamTemplate;
import com.sun.net.httpserver.HttpHandler;
import org.microcred.local.identity.DevUsers;
import org.microcred.local.identity.DevIdentityProvider;
import org.microcred.local.identity.JwtAuthorizer;
import org.microcred.local.lambda.LocalFunctions;
import org.microcred.local.schedules.ScheduleTrigger;

/**
 * The local HTTP API on 127.0.0.1, on the JDK's built-in server. Bound before it serves, so
 * the dev issuer (whose URL contains the port) can be built in between.
 */
public final class HttpApiServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    private HttpApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Binds the port (0 = any free one) without serving yet. */
    public static HttpApiServer bind(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            AtomicInteger threads = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "local-api-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            return new HttpApiServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on 127.0.0.1:" + port
                    + (port == 0 ? "" : "; is another local stack running? Set MICROCRED_PORT to use another port"), e);
        }
    }

    /** Starts serving the template's routes through the functions, behind the dev authorizer. */
    public void serve(SamTemplate template, LocalFunctions functions, DevIdentityProvider identityProvider,
                      DevUsers directory) {
        server.createContext("/", new HttpApiHandler(new RouteTable(template.routes()), functions,
                new JwtAuthorizer(identityProvider), new CorsPolicy(template.httpApiCors()),
                new LocalEndpoints(identityProvider, directory, new ScheduleTrigger(functions))));
        server.start();
    }

    /** Serves {@code path} (and below) with a handler of its own, e.g. the local user pool's protocol. */
    public void mount(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
