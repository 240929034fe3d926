package org.microcred.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    record Result(String function, String request, Stats handler, Stats baseline, Phases handlerPhases,
                  Phases baselinePhases) {
        double ratio() {
            return handler.p50() / baseline.p50();
        }
    }

    /**
     * Where a launch's time went, medians over the launches: the JVM up to the probe's main
     * (process start, JVM boot, class path opening), building the event, constructing the
     * handler (its static and constructor work: clients, mappers, templates), the first request,
     * and the classes loaded by the response.
     */
    record Phases(double jvm, double event, double construct, double request, double classes) {
        static Phases median(List<Launch> launches) {
            return new Phases(median(launches, Launch::jvm), median(launches, Launch::event),
                    median(launches, Launch::construct), median(launches, Launch::request),
                    median(launches, Launch::classes));
        }

        private static double median(List<Launch> launches, java.util.function.ToDoubleFunction<Launch> value) {
            return Stats.of(launches.stream().mapToDouble(value).toArray()).p50();
        }
    }

    /** One launch: milliseconds from process start to the response, and the probe's own breakdown. */
    record Launch(double total, double event, double construct, double request, double classes) {
        double jvm() {
            return total - event - construct - request;
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
        List<Launch> handler = new ArrayList<>();
        List<Launch> baseline = new ArrayList<>();
        launch(handlerArgs.apply(1_000), List.of());
        launch(baselineArgs.apply(1_000), List.of());
        for (int i = 0; i < runs; i++) {
            handler.add(launch(handlerArgs.apply(i), List.of()));
            baseline.add(launch(baselineArgs.apply(i), List.of()));
        }
        String classLog = System.getProperty("bench.classlog");
        if (classLog != null && !classLog.isBlank()) {
            // For finding where the time goes, not for the figures: one more launch of each with
            // the JVM's class-loading log (-Dbench.classlog=<directory>).
            Files.createDirectories(Path.of(classLog));
            launch(handlerArgs.apply(2_000), List.of("-Xlog:class+load=info:file=" + classLog + "/" + function + ".log"));
            launch(baselineArgs.apply(2_000), List.of("-Xlog:class+load=info:file=" + classLog + "/" + function
                    + "-baseline.log"));
        }
        return new Result(function, request, Stats.of(totals(handler)), Stats.of(totals(baseline)),
                Phases.median(handler), Phases.median(baseline));
    }

    private static double[] totals(List<Launch> launches) {
        return launches.stream().mapToDouble(Launch::total).toArray();
    }

    private static List<String> concat(String kind, String handlerClass, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(kind, handlerClass));
        all.addAll(rest);
        return all;
    }

    private Launch launch(List<String> probeArgs, List<String> extraFlags) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(extraFlags);
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
            double millis = -1;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("STATUS ")) {
                    millis = (System.nanoTime() - start) / 1e6;
                    int status = Integer.parseInt(line.substring(7).trim());
                    if (status >= 400) {
                        throw new IllegalStateException(probeArgs + " answered " + status);
                    }
                } else if (line.startsWith("PHASES ") && millis >= 0) {
                    String[] phases = line.substring(7).trim().split(" ");
                    process.waitFor();
                    return new Launch(millis, Double.parseDouble(phases[0]), Double.parseDouble(phases[1]),
                            Double.parseDouble(phases[2]), Double.parseDouble(phases[3]));
                }
            }
        }
        throw new IllegalStateException(probeArgs + " exited with " + process.waitFor() + " before responding");
    }
}
