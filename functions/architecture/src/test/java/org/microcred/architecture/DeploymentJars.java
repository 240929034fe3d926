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

    /**
     * A jar's size, its class count, its microcred classes per package and its jar entries (classes and
     * directories, as {@code unzip -l | grep -c} counts them) per org/microcred/&lt;package&gt;/.
     */
    record Figures(String jar, long bytes, int classes, Map<String, Integer> microcredClasses,
                   Map<String, Integer> microcredEntries) {

        /** One line in the format of the "before" list: name, bytes, then "entries org/microcred/x/" per package. */
        String line() {
            StringBuilder line = new StringBuilder(jar + " " + bytes + " ");
            microcredEntries.forEach((pkg, count) -> line.append(' ').append(count).append(' ').append(pkg).append(' '));
            return line.toString();
        }

        String markdownRow() {
            return "| " + jar + " | " + bytes + " | " + String.format(java.util.Locale.ROOT, "%.1f", bytes / 1_048_576.0)
                    + " | " + classes + " | " + microcredClasses.values().stream().mapToInt(Integer::intValue).sum()
                    + " | " + String.join(", ", microcredClasses.entrySet().stream()
                            .map(e -> e.getKey().substring("org/microcred/".length(), e.getKey().length() - 1)
                                    + " " + e.getValue())
                            .toList())
                    + " |";
        }
    }

    static Figures figures(Path jar) {
        Map<String, Integer> classes = new TreeMap<>();
        Map<String, Integer> entries = new TreeMap<>();
        int classCount = 0;
        for (String name : entries(jar)) {
            boolean isClass = name.endsWith(".class");
            classCount += isClass ? 1 : 0;
            int slash = name.indexOf('/', "org/microcred/".length());
            if (name.startsWith("org/microcred/") && slash > 0) {
                String pkg = name.substring(0, slash + 1);
                entries.merge(pkg, 1, Integer::sum);
                if (isClass) {
                    classes.merge(pkg, 1, Integer::sum);
                }
            }
        }
        try {
            return new Figures(jar.getFileName().toString(), Files.size(jar), classCount, classes, entries);
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
        return entries(jar).stream().filter(name -> name.endsWith(".class")).toList();
    }

    private static List<String> entries(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }
}
