package org.microcred.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
