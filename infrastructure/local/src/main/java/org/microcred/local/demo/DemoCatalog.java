package org.microcred.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo micro-credentials on the classpath ({@code <root>/microcredentials/*.json}), from a
 * directory (running from the build) or from inside the jar (when another module uses the stack).
 */
public final class DemoCatalog {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DemoCatalog() {
    }

    /** Every demo file, in file-name order so seeding is repeatable. */
    public static List<DemoMicroCredential> fromClasspath(String root) {
        String folder = root + "/microcredentials";
        URL url = Thread.currentThread().getContextClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                return readFromJar(uri, folder);
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the demo micro-credentials in " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<DemoMicroCredential> readFromJar(URI uri, String folder) throws IOException {
        FileSystem jar;
        boolean openedHere;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
            openedHere = true;
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
            jar = FileSystems.getFileSystem(uri);
            openedHere = false;
        }
        try {
            return read(jar.getPath(folder));
        } finally {
            if (openedHere) {
                jar.close();
            }
        }
    }

    private static List<DemoMicroCredential> read(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = new ArrayList<>(listing.filter(path -> path.getFileName().toString().endsWith(".json")).toList());
        }
        Collections.sort(files, (left, right) -> left.getFileName().toString().compareTo(right.getFileName().toString()));
        List<DemoMicroCredential> demos = new ArrayList<>();
        for (Path file : files) {
            JsonNode json = MAPPER.readTree(Files.readString(file));
            String name = file.getFileName().toString();
            if (!json.path("organizationId").isTextual() || !json.path("draft").isObject()) {
                throw new IllegalStateException("Demo file " + name + " needs organizationId and draft");
            }
            demos.add(new DemoMicroCredential(name, json.path("organizationId").asText(),
                    json.path("publish").asBoolean(false), json.path("draft")));
        }
        return demos;
    }
}
