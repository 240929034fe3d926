package org.microcred.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The npm package of the SES emulator ({@code infrastructure/emulators/ses-emulator}: a pinned
 * package.json and package-lock.json). A fresh clone has no {@code node_modules}, so the first
 * start runs {@code npm ci} itself, under a file lock so two JVMs never install at once.
 */
final class SesEmulatorPackage {
    /** System property naming the package directory, for layouts the search does not cover. */
    static final String LOCATION_PROPERTY = "microcred.sesEmulator.dir";
    private static final Path RELATIVE = Path.of("infrastructure", "emulators", "ses-emulator");
    private static final Path CLI = Path.of("node_modules", "aws-ses-v2-local", "dist", "cli.js");
    private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.(\\d+)");

    private final Path directory;

    private SesEmulatorPackage(Path directory) {
        this.directory = directory;
    }

    /** The package in this repository, found from the working directory upwards. */
    static Optional<SesEmulatorPackage> locate() {
        String override = System.getProperty(LOCATION_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Optional.of(new SesEmulatorPackage(Path.of(override)));
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return Optional.of(new SesEmulatorPackage(candidate));
            }
        }
        return Optional.empty();
    }

    /** Why the emulator cannot run on this machine, or empty when node is new enough. */
    static Optional<String> nodeUnavailableReason() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.of("'node --version' failed: " + output);
            }
            Matcher version = NODE_VERSION.matcher(output);
            if (!version.find()) {
                return Optional.of("unrecognised node version " + output);
            }
            int major = Integer.parseInt(version.group(1));
            int minor = Integer.parseInt(version.group(2));
            if (major < 20 || major == 20 && minor < 19) {
                return Optional.of("node " + output + " is older than the 20.19 aws-ses-v2-local needs");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("node is not installed (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking node");
        }
    }

    /** The emulator's command-line entry point, installing the package first if needed. */
    Path cli() {
        Path cli = directory.resolve(CLI);
        if (Files.isRegularFile(cli)) {
            return cli;
        }
        try (FileChannel channel = FileChannel.open(directory.resolve(".install.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (!Files.isRegularFile(cli)) {
                install();
            }
            return cli;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install the SES emulator in " + directory, e);
        }
    }

    private void install() throws IOException {
        Path log = Files.createTempFile("microcred-npm-ci", ".log");
        boolean lockFile = Files.isRegularFile(directory.resolve("package-lock.json"));
        List<String> command = lockFile
                ? List.of("npm", "ci", "--no-audit", "--no-fund")
                : List.of("npm", "install", "--no-audit", "--no-fund");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed in " + directory + ":\n"
                        + Files.readString(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing the SES emulator", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    Path directory() {
        return directory;
    }
}
