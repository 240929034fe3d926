package org.microcred.emulators;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB Local 2.6 running inside this JVM. {@code -sharedDb} keeps one database whatever
 * credentials or region a client signs with, so functions and tests see the same tables.
 * The jar bundles and extracts its sqlite4java natives itself; nothing to set up.
 */
final class DynamoDbLocalServer implements AutoCloseable {
    private static final int ATTEMPTS = 3;

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts on the given port (0 = any free one), in memory or persisting under {@code dataDir}.
     * A picked port can be taken by someone else before the server binds it, hence the retries.
     */
    static DynamoDbLocalServer start(int configuredPort, Optional<Path> dataDir) {
        Exception last = null;
        for (int attempt = 0; attempt < (configuredPort == 0 ? ATTEMPTS : 1); attempt++) {
            int port = FreePort.orPick(configuredPort);
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(arguments(port, dataDir));
                server.start();
                return new DynamoDbLocalServer(server, port);
            } catch (Exception e) {
                last = e;
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    private static String[] arguments(int port, Optional<Path> dataDir) {
        List<String> arguments = new ArrayList<>();
        if (dataDir.isPresent()) {
            arguments.add("-dbPath");
            arguments.add(dataDir.get().toAbsolutePath().toString());
        } else {
            arguments.add("-inMemory");
        }
        arguments.addAll(List.of("-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"));
        return arguments.toArray(String[]::new);
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
