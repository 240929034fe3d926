package org.microcred.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The deployment jars template.yaml deploys: their size and which of our packages each carries,
 * beside the same figures from before issue 15 (benchmarks/jars-before-issue-15.txt, the jars as
 * they were when functions still depended on other functions), so a jar that starts carrying
 * another function's classes again shows up here as well as in functions/architecture.
 */
final class DeploymentJars {
    private static final Pattern OUR_PACKAGE = Pattern.compile("^org/microcred/([a-z]+)/");
    private static final Pattern BEFORE_PACKAGE = Pattern.compile("(\\d+) org/microcred/([a-z]+)/");

    /** One jar: its size and the number of our classes per top-level package (records, shared, review...). */
    record Jar(String name, long bytes, Map<String, Integer> classesByPackage) {
    }

    private DeploymentJars() {
    }

    static Map<String, Jar> measure(Path root) throws IOException {
        Map<String, Jar> jars = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root.resolve("functions"))) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path target = module.resolve("target");
                if (!Files.isDirectory(target)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(target)) {
                    for (Path jar : files.filter(DeploymentJars::isDeploymentJar).toList()) {
                        jars.put(jar.getFileName().toString(), read(jar));
                    }
                }
            }
        }
        return jars;
    }

    /** The shaded jar template.yaml deploys (CodeUri), e.g. microcred-catalog-function.jar. */
    static boolean isDeploymentJar(Path file) {
        return file.getFileName().toString().matches("microcred-[a-z-]+-function\\.jar");
    }

    private static Jar read(Path jar) throws IOException {
        Map<String, Integer> classes = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                Matcher ours = OUR_PACKAGE.matcher(name);
                if (ours.find() && name.endsWith(".class")) {
                    classes.merge(ours.group(1), 1, Integer::sum);
                }
            }
        }
        return new Jar(jar.getFileName().toString(), Files.size(jar), classes);
    }

    /**
     * The figures from before issue 15, one line a jar: name, bytes, then "count org/microcred/pkg/"
     * pairs (jar entries, directories included, as `unzip -l` counted them).
     */
    static Map<String, String> before(Path root) throws IOException {
        Path file = root.resolve("benchmarks/jars-before-issue-15.txt");
        Map<String, String> before = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return before;
        }
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split("\\s+", 3);
            if (parts.length < 2) {
                continue;
            }
            StringBuilder packages = new StringBuilder();
            Matcher pkg = BEFORE_PACKAGE.matcher(parts.length > 2 ? parts[2] : "");
            while (pkg.find()) {
                packages.append(packages.isEmpty() ? "" : ", ").append(pkg.group(2)).append(' ').append(pkg.group(1));
            }
            before.put(parts[0], String.format(Locale.ROOT, "%.1f MiB (%s)", Long.parseLong(parts[1]) / 1048576.0,
                    packages));
        }
        return before;
    }

    static String section(Map<String, Jar> jars, Map<String, String> before) {
        StringBuilder md = new StringBuilder("\n## Deployment jar sizes\n\n")
                .append("Each function's shaded jar, and which of our packages it carries (classes per package). ")
                .append("\"Before issue 15\" is the same jar when functions still depended on other functions ")
                .append("(review carried the enrolment and evidence functions, for example; counted as jar entries, ")
                .append("directories included). `functions/architecture` fails the build if a jar carries another ")
                .append("function's classes.\n\n| jar | size | our classes by package | before issue 15 |\n|---|---|---|---|\n");
        jars.values().forEach(jar -> md.append(String.format(Locale.ROOT, "| %s | %.1f MiB | %s | %s |%n", jar.name(),
                jar.bytes() / 1048576.0, packages(jar.classesByPackage()), before.getOrDefault(jar.name(), "-"))));
        return md.toString();
    }

    private static String packages(Map<String, Integer> classes) {
        StringBuilder out = new StringBuilder();
        classes.forEach((pkg, count) -> out.append(out.isEmpty() ? "" : ", ").append(pkg).append(' ').append(count));
        return out.toString();
    }
}
