package org.microcred.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether an npm project the tests install themselves ({@code npm ci} from its committed lock
 * file) is installed as locked, so a run installs only when something is missing or stale.
 */
public final class NpmLock {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NpmLock() {
    }

    /** Every package {@code <directory>/package-lock.json} names is in node_modules at the locked version. */
    public static boolean installed(Path directory) {
        try {
            JsonNode packages = MAPPER.readTree(directory.resolve("package-lock.json").toFile()).path("packages");
            for (Map.Entry<String, JsonNode> entry : packages.properties()) {
                if (entry.getKey().isEmpty()) {
                    continue;
                }
                Path manifest = directory.resolve(entry.getKey()).resolve("package.json");
                if (!Files.isRegularFile(manifest) || !MAPPER.readTree(manifest.toFile()).path("version").asText()
                        .equals(entry.getValue().path("version").asText())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + directory.resolve("package-lock.json"), e);
        }
    }
}
