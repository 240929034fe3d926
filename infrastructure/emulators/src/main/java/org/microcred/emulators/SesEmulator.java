package org.microcred.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The aws-ses-v2-local node process: captures SES v2 SendEmail calls, lists them at
 * {@code GET /store} and shows them in a web inbox where a person can click review links.
 * The process is ours, so it is killed on close and, failing that, when the JVM exits.
 */
final class SesEmulator implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Process process;
    private final URI endpoint;
    private final Thread shutdownHook;

    private SesEmulator(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.shutdownHook = new Thread(this::kill, "ses-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static SesEmulator start(SesEmulatorPackage npmPackage, int configuredPort) {
        Path cli = npmPackage.cli();
        int port = FreePort.orPick(configuredPort);
        try {
            Path log = Files.createTempFile("microcred-ses-emulator-" + port + "-", ".log");
            log.toFile().deleteOnExit();
            Process process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port))
                    .directory(npmPackage.directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            SesEmulator emulator = new SesEmulator(process, URI.create("http://127.0.0.1:" + port));
            emulator.awaitHealthy(log);
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the SES emulator", e);
        }
    }

    private void awaitHealthy(Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/health-check")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException("The SES emulator exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Node is still starting; poll again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while starting the SES emulator", e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("The SES emulator did not answer within " + STARTUP + ":\n" + Files.readString(log));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    URI endpoint() {
        return endpoint;
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it kills an already dead process, harmlessly.
        }
    }
}
