package org.microcred.local;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.microcred.emulators.SamTemplate;
import org.microcred.emulators.SesMode;
import org.microcred.local.demo.DemoDataRejectedException;

/**
 * {@code infrastructure/run-local.sh}'s entry point: microcred on 127.0.0.1 with data kept in
 * {@code <repo>/.microcred/data}, demo data loaded on the first start. {@code --reset} (or
 * {@code MICROCRED_RESET=true}) starts over; {@code MICROCRED_PORT} moves the API off 3000.
 */
public final class LocalMicrocred {
    static final String LOG_CONFIGURATION = "log4j2-local.xml";

    private LocalMicrocred() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before anything logs: a readable console instead of the functions' JSON layout.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIGURATION);
        }
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("usage: run-local.sh [--reset]   (MICROCRED_PORT=3000, MICROCRED_RESET=false,"
                    + " MICROCRED_DEMO=true)");
            return;
        }
        boolean reset = arguments.contains("--reset") || "true".equalsIgnoreCase(System.getenv("MICROCRED_RESET"));
        Path repository = SamTemplate.locateFile().toAbsolutePath().getParent();
        LocalStackOptions options = LocalStackOptions.inMemory()
                .withPort(port())
                .persistentUnder(repository.resolve(".microcred").resolve("data"))
                .seeded(!"false".equalsIgnoreCase(System.getenv("MICROCRED_DEMO")))
                .reset(reset)
                .withSes(SesMode.IF_AVAILABLE);
        LocalStack stack;
        try {
            stack = LocalStack.start(options);
        } catch (DemoDataRejectedException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "microcred-local-shutdown"));
        System.out.println("microcred web inbox: " + stack.emulators().sesInboxUrl()
                .map(Object::toString).orElse("unavailable (install node >= 20.19 for the SES emulator)"));
        System.out.println("microcred dev tokens: " + stack.baseUri() + "/_local/tokens");
        System.out.println("microcred local API: " + stack.baseUri());
        stopped.await();
    }

    private static int port() {
        String configured = System.getenv("MICROCRED_PORT");
        if (configured == null || configured.isBlank()) {
            return 3000;
        }
        try {
            return Integer.parseInt(configured.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MICROCRED_PORT must be a port number, not " + configured, e);
        }
    }
}
