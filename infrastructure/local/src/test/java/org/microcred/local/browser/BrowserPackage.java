package org.microcred.local.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.microcred.emulators.NpmLock;

/**
 * The npm package {@code infrastructure/local/browser} (pinned playwright-core and the page
 * scripts). A fresh clone has no {@code node_modules}: {@link #ready()} runs {@code npm ci}
 * when an installed version differs from package-lock.json, under a file lock so two JVMs never
 * install at once. playwright-core downloads no browser; the scripts drive Debian's Chromium.
 */
final class BrowserPackage {
    private static final Path RELATIVE = Path.of("infrastructure", "local", "browser");
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);

    private final Path directory;

    private BrowserPackage(Path directory) {
        this.directory = directory;
    }

    /** The package in this repository, found from the working directory upwards. */
    static BrowserPackage locate() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return new BrowserPackage(candidate);
            }
        }
        throw new AssertionError("No " + RELATIVE + "/package.json above " + System.getProperty("user.dir"));
    }

    Path directory() {
        return directory;
    }

    /** Installs the pinned dependencies if needed; returns this package. */
    BrowserPackage ready() {
        if (installed()) {
            return this;
        }
        Path lock = Path.of("target", "browser-npm-install.lock").toAbsolutePath();
        try {
            Files.createDirectories(lock.getParent());
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!installed()) {
                    install();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + lock, e);
        }
        return this;
    }

    private void install() {
        ProcessRun.Result result;
        try {
            result = ProcessRun.run(List.of("npm", "ci", "--no-audit", "--no-fund"), directory, Map.of(), null,
                    NPM_TIMEOUT);
        } catch (AssertionError e) {
            throw BrowserTestSwitch.unavailable("npm ci failed in " + directory + ": " + e.getMessage());
        }
        if (!result.succeeded() || !installed()) {
            throw BrowserTestSwitch.unavailable("npm ci did not install the browser package in " + directory + ":\n"
                    + result.describe());
        }
    }

    /** Every package the lock file names is in node_modules at the locked version. */
    private boolean installed() {
        return NpmLock.installed(directory);
    }
}
