package org.microcred.local.verifiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.microcred.local.browser.ProcessRun;

/**
 * The npm package {@code infrastructure/local/verifiers}: verifiers that are not ours (jose,
 * jsonld-signatures with Digital Bazaar's eddsa-rdfc-2022 cryptosuite) pinned by its lock file.
 * {@link #ready()} runs {@code npm ci} when node_modules is missing or differs from the lock file,
 * under a file lock so two JVMs never install at once.
 */
public final class IndependentVerifiers {
    private static final Path RELATIVE = Path.of("infrastructure", "local", "verifiers");
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path directory;

    private IndependentVerifiers(Path directory) {
        this.directory = directory;
    }

    /** The package in this repository, found from the working directory upwards. */
    public static IndependentVerifiers locate() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return new IndependentVerifiers(candidate);
            }
        }
        throw new AssertionError("No " + RELATIVE + "/package.json above " + System.getProperty("user.dir"));
    }

    /** Installs the pinned packages if needed; returns this package. */
    public IndependentVerifiers ready() {
        if (installed()) {
            return this;
        }
        Path lock = Path.of("target", "verifiers-npm-install.lock").toAbsolutePath();
        try {
            Files.createDirectories(lock.getParent());
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!installed()) {
                    ProcessRun.Result result = ProcessRun.run(List.of("npm", "ci", "--no-audit", "--no-fund"), directory,
                            Map.of(), null, NPM_TIMEOUT);
                    if (!result.succeeded() || !installed()) {
                        throw new AssertionError("npm ci could not install the verifiers in " + directory + ":\n"
                                + result.describe());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + lock, e);
        }
        return this;
    }

    /** Runs verify.mjs on a badge's credential URL: its report, and whether every check came out right. */
    public ProcessRun.Result verify(String credentialUrl) {
        return ProcessRun.run(List.of("node", "verify.mjs", json(Map.of("credentialUrl", credentialUrl))), directory,
                Map.of(), null, VERIFY_TIMEOUT);
    }

    /** The npm-published JSON-LD contexts the verifier loads, by URL. */
    public JsonNode contexts() {
        ProcessRun.Result result = ProcessRun.run(List.of("node", "verify.mjs", "contexts"), directory, Map.of(), null,
                VERIFY_TIMEOUT);
        if (!result.succeeded()) {
            throw new AssertionError(result.describe());
        }
        try {
            return MAPPER.readTree(result.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every package the lock file names is in node_modules at the locked version. */
    private boolean installed() {
        return NpmLock.installed(directory);
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
