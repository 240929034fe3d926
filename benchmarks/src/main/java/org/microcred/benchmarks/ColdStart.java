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

    /** Times an HTTP function: {@code probeArgs} as {@link ColdStartProbe} takes them after "http handler". */
    Result measureHttp(String function, String handlerClass, String request, int runs, List<String> probeArgs)
            throws Exception {
        return measureHttp(function, handlerClass, request, runs, run -> probeArgs);
    }

    /** As above, with arguments per launch (e.g. a different learner each time, so each request does the full work). */
    Result measureHttp(String function, String handlerClass, String request, int runs,
                       java.util.function.IntFunction<List<String>> probeArgs) throws Exception {
        return measure(function, request, runs, run -> concat("http", handlerClass, probeArgs.apply(run)),
                run -> concat("http", BaselineHandler.class.getName(), probeArgs.apply(-run - 1)));
    }

    /** Times a stream function; {@code outbox} makes a fresh outbox item per launch and returns its key. */
    Result measureStream(String function, String handlerClass, int runs, java.util.function.IntFunction<String> outbox)
            throws Exception {
        return measure(function, "stream INSERT of one outbox email", runs,
                run -> List.of("stream", handlerClass, outbox.apply(run)),
                run -> List.of("stream", BaselineHandler.class.getName(), outbox.apply(-run - 1)));
    }

    /** Times the badge issuer; {@code enrollmentIds} seeds a fresh mastered enrolment per launch and returns its id. */
    Result measureDecision(String function, String handlerClass, int runs,
                           java.util.function.IntFunction<String> enrollmentIds) throws Exception {
        return measure(function, "stream INSERT of one mastery decision", runs,
                run -> List.of("decision", handlerClass, enrollmentIds.apply(run)),
                run -> List.of("decision", BaselineHandler.class.getName(), enrollmentIds.apply(-run - 1)));
    }

    private Result measure(String function, String request, int runs,
                           java.util.function.IntFunction<List<String>> handlerArgs,
                           java.util.function.IntFunction<List<String>> baselineArgs) throws Exception {
        double[] handler = new double[runs];
        double[] baseline = new double[runs];
        launch(handlerArgs.apply(1_000));
        launch(baselineArgs.apply(1_000));
        for (int i = 0; i < runs; i++) {
            handler[i] = launch(handlerArgs.apply(i));
            baseline[i] = launch(baselineArgs.apply(i));
        }
        return new Result(function, request, Stats.of(handler), Stats.of(baseline));
    }

    private static List<String> concat(String kind, String handlerClass, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(kind, handlerClass));
        all.addAll(rest);
        return all;
    }

    private double launch(List<String> probeArgs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(functionJar + File.pathSeparator + probeClasses);
        command.add(ColdStartProbe.class.getName());
        command.addAll(probeArgs);
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
                        throw new IllegalStateException(probeArgs + " answered " + status);
                    }
                    process.waitFor();
                    return millis;
                }
            }
        }
        throw new IllegalStateException(probeArgs + " exited with " + process.waitFor() + " before responding");
    }
}
