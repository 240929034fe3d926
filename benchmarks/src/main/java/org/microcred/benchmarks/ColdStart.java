package org.microcred.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times fresh JVMs from launch to the first response of one real request, for a function's
 * handler and, interleaved in the same run, for {@link BaselineHandler}, so machine noise hits
 * both alike. JVM flags are the ones template.yaml gives Lambda.
 */
final class ColdStart {
    private static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-Dlog4j2.level=WARN");

    private final Path functionJar;
    private final Path probeClasses;
    private final Map<String, String> environment;

    ColdStart(Path functionJar, Path probeClasses, Map<String, String> environment) {
        this.functionJar = functionJar;
        this.probeClasses = probeClasses;
        this.environment = environment;
    }

    /** Result of one function against the baseline: medians in milliseconds. */
    record Result(String function, String request, Stats handler, Stats baseline) {
        double ratio() {
            return handler.p50() / baseline.p50();
        }
    }

    Result measure(String function, String handlerClass, String method, String route, String path, String body,
                   int runs) throws Exception {
        double[] handler = new double[runs];
        double[] baseline = new double[runs];
        launch(handlerClass, method, route, path, body);
        launch(BaselineHandler.class.getName(), method, route, path, body);
        for (int i = 0; i < runs; i++) {
            handler[i] = launch(handlerClass, method, route, path, body);
            baseline[i] = launch(BaselineHandler.class.getName(), method, route, path, body);
        }
        return new Result(function, method + " " + path, Stats.of(handler), Stats.of(baseline));
    }

    private double launch(String handlerClass, String method, String route, String path, String body) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(functionJar + File.pathSeparator + probeClasses);
        command.add(ColdStartProbe.class.getName());
        command.addAll(List.of(handlerClass, method, route, path, body == null ? "-" : body));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        // As on Lambda: Powertools then writes metrics to stdout instead of looking for a CloudWatch agent.
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "cold-start-probe");
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("STATUS ")) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    int status = Integer.parseInt(line.substring(7).trim());
                    if (status >= 400) {
                        throw new IllegalStateException(handlerClass + " answered " + status + " to " + method + " " + path);
                    }
                    process.waitFor();
                    return millis;
                }
            }
        }
        throw new IllegalStateException(handlerClass + " exited with " + process.waitFor() + " before responding");
    }
}
