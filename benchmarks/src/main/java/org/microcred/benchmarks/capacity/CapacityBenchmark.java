package org.microcred.benchmarks.capacity;

import java.util.Locale;
import java.util.Map;
import org.microcred.emulators.LocalEmulators;
import org.microcred.emulators.SamTemplate;
import org.microcred.emulators.SesMode;

/**
 * The capacity journey alone, printed as a table: {@code mvn -q -B -o -pl benchmarks exec:java
 * -Dexec.mainClass=org.microcred.benchmarks.capacity.CapacityBenchmark}.
 */
public final class CapacityBenchmark {
    private CapacityBenchmark() {
    }

    public static void main(String[] args) {
        SamTemplate template = SamTemplate.locate();
        try (LocalEmulators emulators = LocalEmulators.builder().inMemory().ses(SesMode.REQUIRED).start()) {
            Map<String, String> names = emulators.createResources(template, "");
            CapacityJourney.Result result = CapacityJourney.run(emulators, template, names);
            if (Boolean.getBoolean("bench.capacity.calls")) {
                System.out.println(CapacitySection.calls(result));
            }
            System.out.println(CapacitySection.markdown(result, true));
            result.disagreements().forEach(line -> System.out.println("DISAGREES: " + line));
        }
        System.exit(0);
    }
}
