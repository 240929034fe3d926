package org.microcred.local.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.microcred.emulators.HttpRoute;

/**
 * API Gateway's route selection over the template's routes: path templates with
 * {@code {name}} segments (and a trailing {@code {name+}}), the most specific path winning
 * (a literal segment beats a variable), an exact method beating {@code ANY}.
 */
public final class RouteTable {
    private final List<PathTemplate> routes = new ArrayList<>();

    public RouteTable(List<HttpRoute> routes) {
        routes.forEach(route -> this.routes.add(new PathTemplate(route)));
    }

    /** What API Gateway does with a request: a route with its path parameters, a 405, or a 404. */
    public Lookup lookup(String method, String rawPath) {
        List<String> segments = PathTemplate.segments(rawPath);
        TreeSet<String> allowed = new TreeSet<>();
        Optional<Match> best = Optional.empty();
        for (PathTemplate template : routes) {
            Optional<Map<String, String>> parameters = template.match(segments);
            if (parameters.isEmpty()) {
                continue;
            }
            allowed.add(template.route.method());
            if (template.route.method().equals(method) || template.route.method().equals("ANY")) {
                Match candidate = new Match(template.route, parameters.get(), template.specificity());
                if (best.isEmpty() || Match.ORDER.compare(candidate, best.get()) > 0) {
                    best = Optional.of(candidate);
                }
            }
        }
        return new Lookup(best.map(Match::route), best.map(Match::pathParameters).orElse(Map.of()), allowed);
    }

    /** The outcome: {@code route} present, or else {@code allowedMethods} non-empty for a 405, or a 404. */
    public record Lookup(Optional<HttpRoute> route, Map<String, String> pathParameters, Set<String> allowedMethods) {
        public boolean pathExists() {
            return !allowedMethods.isEmpty();
        }
    }

    private record Match(HttpRoute route, Map<String, String> pathParameters, List<Integer> specificity) {
        static final Comparator<Match> ORDER = Comparator
                .<Match, List<Integer>>comparing(Match::specificity, RouteTable::compareLexicographically)
                .thenComparing(match -> !match.route.method().equals("ANY"));
    }

    private static int compareLexicographically(List<Integer> left, List<Integer> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int compared = Integer.compare(left.get(i), right.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    /** One route's path, split into segments once. */
    private static final class PathTemplate {
        private static final int GREEDY = 0;
        private static final int VARIABLE = 1;
        private static final int LITERAL = 2;

        private final HttpRoute route;
        private final List<String> segments;

        PathTemplate(HttpRoute route) {
            this.route = route;
            this.segments = segments(route.path());
        }

        static List<String> segments(String path) {
            String trimmed = path.startsWith("/") ? path.substring(1) : path;
            return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
        }

        Optional<Map<String, String>> match(List<String> requestSegments) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (isGreedy(segment) && i == segments.size() - 1) {
                    if (requestSegments.size() <= i) {
                        return Optional.empty();
                    }
                    parameters.put(name(segment), PercentDecoding.decode(
                            String.join("/", requestSegments.subList(i, requestSegments.size()))));
                    return Optional.of(parameters);
                }
                if (i >= requestSegments.size()) {
                    return Optional.empty();
                }
                String actual = requestSegments.get(i);
                if (isVariable(segment)) {
                    if (actual.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(name(segment), PercentDecoding.decode(actual));
                } else if (!segment.equals(actual)) {
                    return Optional.empty();
                }
            }
            return segments.size() == requestSegments.size() ? Optional.of(parameters) : Optional.empty();
        }

        List<Integer> specificity() {
            return segments.stream()
                    .map(segment -> isGreedy(segment) ? GREEDY : isVariable(segment) ? VARIABLE : LITERAL)
                    .toList();
        }

        private static boolean isVariable(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }

        private static boolean isGreedy(String segment) {
            return isVariable(segment) && segment.endsWith("+}");
        }

        private static String name(String segment) {
            return segment.substring(1, segment.length() - (isGreedy(segment) ? 2 : 1));
        }
    }
}
