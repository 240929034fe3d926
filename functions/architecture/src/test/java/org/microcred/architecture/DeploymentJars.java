package org.microcred.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** What a function's shaded deployment jar (the CodeUri in template.yaml) holds. */
final class DeploymentJars {

    private DeploymentJars() {
    }

    /** functions/&lt;module&gt;/target/microcred-&lt;module&gt;-function.jar, as the shade plugin names it. */
    static Path of(Path functionsDir, String module) {
        return functionsDir.resolve(module).resolve("target").resolve("microcred-" + module + "-function.jar");
    }

    /** A jar's size, its class count and its microcred classes per package (org/microcred/&lt;package&gt;/). */
    record Figures(String jar, long bytes, int classes, Map<String, Integer> microcredClasses) {

        /** One line like /tmp/jars-before.txt: name, bytes, then "count org/microcred/x/" per package. */
        String line() {
            StringBuilder line = new StringBuilder(jar + " " + bytes + " ");
            microcredClasses.forEach((pkg, count) -> line.append(' ').append(count).append(' ').append(pkg).append(' '));
            return line.toString();
        }

        String markdownRow() {
            return "| " + jar + " | " + bytes + " | " + String.format("%.1f", bytes / 1_048_576.0) + " | " + classes
                    + " | " + microcredClasses.values().stream().mapToInt(Integer::intValue).sum() + " | "
                    + String.join(", ", microcredClasses.keySet().stream()
                            .map(pkg -> pkg.substring("org/microcred/".length(), pkg.length() - 1)).toList())
                    + " |";
        }
    }

    static Figures figures(Path jar) {
        Map<String, Integer> microcred = new TreeMap<>();
        int classes = 0;
        for (String name : classEntries(jar)) {
            classes++;
            if (name.startsWith("org/microcred/")) {
                int slash = name.indexOf('/', "org/microcred/".length());
                if (slash > 0) {
                    microcred.merge(name.substring(0, slash + 1), 1, Integer::sum);
                }
            }
        }
        try {
            return new Figures(jar.getFileName().toString(), Files.size(jar), classes, microcred);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The classes in the jar that belong to a function package other than its own: e.g. for the review
     * jar (own package "review") any org/microcred/enrollment/... class.
     */
    static List<String> foreignFunctionClasses(Path jar, String ownPackage, Collection<String> functionPackages) {
        List<String> foreign = new ArrayList<>();
        for (String name : classEntries(jar)) {
            for (String other : functionPackages) {
                if (!other.equals(ownPackage) && name.startsWith("org/microcred/" + other + "/")) {
                    foreign.add(name);
                }
            }
        }
        return foreign;
    }

    static int ownClassCount(Path jar, String ownPackage) {
        return (int) classEntries(jar).stream().filter(name -> name.startsWith("org/microcred/" + ownPackage + "/")).count();
    }

    private static List<String> classEntries(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }
}
