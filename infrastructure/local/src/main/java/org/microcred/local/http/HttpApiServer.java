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
 * The local HTTP API on 127.0.0.1, on the JDK's built-in server behind a {@link FrontDoor}.
 * Bound before it serves, so the dev issuer (whose URL contains the port) can be built in between.
 */
public final class HttpApiServer implements AutoCloseable {
    private final HttpServer server;
    private final FrontDoor frontDoor;
    private final ExecutorService executor;
    private final URI baseUri;

    private HttpApiServer(HttpServer server, FrontDoor frontDoor, ExecutorService executor) {
        this.server = server;
        this.frontDoor = frontDoor;
        this.executor = executor;
        this.baseUri = URI.create("http://127.0.0.1:" + frontDoor.port());
    }

    /**
     * Binds the port (0 = any free one) without serving yet: the front door listens there, the
     * JDK's server behind it on a port of its own.
     */
    public static HttpApiServer bind(int port) {
        HttpServer server = null;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            FrontDoor frontDoor = FrontDoor.open(port, server.getAddress());
            AtomicInteger threads = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "local-api-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            return new HttpApiServer(server, frontDoor, executor);
        } catch (IOException e) {
            if (server != null) {
                server.stop(0);
            }
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
        frontDoor.start();
    }

    /** Serves {@code path} (and below) with a handler of its own, e.g. the local user pool's protocol. */
    public void mount(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return frontDoor.port();
    }

    @Override
    public void close() {
        frontDoor.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
