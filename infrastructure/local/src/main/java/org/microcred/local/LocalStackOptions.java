package org.microcred.local;

import java.nio.file.Path;
import java.util.Optional;
import org.microcred.emulators.SesMode;

/**
 * How to run a {@link LocalStack}: port (0 = any free one), where data is kept (empty = in
 * memory), which template, and whether to load the demo data.
 */
public record LocalStackOptions(int port, Optional<Path> dataDirectory, Optional<Path> templateFile,
                                boolean seedDemoData, boolean reset, SesMode sesMode, String demoRoot) {

    /** In memory on a free port, the repository's template, no demo data, SES if node is there. */
    public static LocalStackOptions inMemory() {
        return new LocalStackOptions(0, Optional.empty(), Optional.empty(), false, false, SesMode.IF_AVAILABLE, "demo");
    }

    public LocalStackOptions withPort(int newPort) {
        return new LocalStackOptions(newPort, dataDirectory, templateFile, seedDemoData, reset, sesMode, demoRoot);
    }

    /** Keep tables, objects and the signing key under {@code directory} between runs. */
    public LocalStackOptions persistentUnder(Path directory) {
        return new LocalStackOptions(port, Optional.of(directory), templateFile, seedDemoData, reset, sesMode, demoRoot);
    }

    public LocalStackOptions withTemplate(Path file) {
        return new LocalStackOptions(port, dataDirectory, Optional.of(file), seedDemoData, reset, sesMode, demoRoot);
    }

    /** Load the demo catalog through the API on the first start (or every start, in memory). */
    public LocalStackOptions seeded(boolean seed) {
        return new LocalStackOptions(port, dataDirectory, templateFile, seed, reset, sesMode, demoRoot);
    }

    /** Wipe kept data first. */
    public LocalStackOptions reset(boolean wipe) {
        return new LocalStackOptions(port, dataDirectory, templateFile, seedDemoData, wipe, sesMode, demoRoot);
    }

    public LocalStackOptions withSes(SesMode mode) {
        return new LocalStackOptions(port, dataDirectory, templateFile, seedDemoData, reset, mode, demoRoot);
    }

    /** The classpath folder holding organizations.json, users.json and microcredentials/. */
    public LocalStackOptions withDemoRoot(String root) {
        return new LocalStackOptions(port, dataDirectory, templateFile, seedDemoData, reset, sesMode, root);
    }
}
