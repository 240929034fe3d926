package org.microcred.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the local stack keeps between runs, and the marker saying the demo data was loaded.
 * Reset deletes only what the stack itself wrote there.
 */
final class DataDirectory {
    private static final List<String> OWNED = List.of("dynamodb", "s3", "identity", "demo-seeded");

    private final Path root;

    DataDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path identity() {
        return root.resolve("identity");
    }

    /** True before the first start: no tables were ever kept here. */
    boolean isFresh() {
        return !Files.isDirectory(root.resolve("dynamodb"));
    }

    boolean isSeeded() {
        return Files.isRegularFile(root.resolve("demo-seeded"));
    }

    void markSeeded(int count) {
        write("demo-seeded", count + " demo micro-credentials loaded at " + Instant.now() + "\n");
    }

    void reset() {
        for (String name : OWNED) {
            deleteRecursively(root.resolve(name));
        }
    }

    private void write(String name, String content) {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + root.resolve(name), e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }
}
