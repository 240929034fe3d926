package org.microcred.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Each function's deployment jar holds only its own function's classes plus libraries. An integration
 * test (failsafe) because the shaded jars exist only once the function modules are packaged. The
 * jars' sizes and classes per package are the benchmark's to report (docs/benchmarks.md).
 */
class DeploymentJarsIT {

    @Test
    void eachDeploymentJar_holdsNoOtherFunction() {
        Map<String, Path> jars = new TreeMap<>();
        ArchitectureRules.FUNCTION_MODULES.keySet()
                .forEach(module -> jars.put(module, DeploymentJars.of(ArchitectureTest.FUNCTIONS_DIR, module)));
        assertThat(jars.values()).as("shaded deployment jars (build them with mvn package)").allMatch(Files::isRegularFile);

        SoftAssertions softly = new SoftAssertions();
        jars.forEach((module, jar) -> {
            String own = ArchitectureRules.FUNCTION_MODULES.get(module);
            softly.assertThat(DeploymentJars.ownClassCount(jar, own)).as("%s classes in %s", own, jar.getFileName())
                    .isPositive();
            softly.assertThat(summary(DeploymentJars.foreignFunctionClasses(jar, own,
                            ArchitectureRules.FUNCTION_MODULES.values())))
                    .as("other functions' classes in %s (a function's jar holds its own classes and libraries)",
                            jar.getFileName())
                    .isEmpty();
        });
        softly.assertAll();
    }

    /** Foreign classes per package, e.g. {org/microcred/enrollment/=59}, with a few examples. */
    private static Map<String, String> summary(List<String> classes) {
        Map<String, List<String>> byPackage = new TreeMap<>();
        for (String name : classes) {
            String pkg = name.substring(0, name.indexOf('/', "org/microcred/".length()) + 1);
            byPackage.computeIfAbsent(pkg, p -> new ArrayList<>()).add(name);
        }
        Map<String, String> summary = new TreeMap<>();
        byPackage.forEach((pkg, names) -> summary.put(pkg, names.size() + " classes, e.g. "
                + String.join(", ", names.subList(0, Math.min(3, names.size())))));
        return summary;
    }
}
