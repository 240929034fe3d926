package org.microcred.shared.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routes one function serves, keyed by API Gateway's route key ("GET /microcredentials/{id}"),
 * which must equal the function's HttpApi events in template.yaml.
 */
public final class Routes {
    private final Map<String, Route> byKey;

    private Routes(Map<String, Route> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Route> find(String routeKey) {
        return Optional.ofNullable(byKey.get(routeKey));
    }

    public Set<String> keys() {
        return byKey.keySet();
    }

    /** Collects routes in declaration order. */
    public static final class Builder {
        private final Map<String, Route> byKey = new LinkedHashMap<>();

        public Builder get(String path, Route route) {
            return add("GET", path, route);
        }

        public Builder post(String path, Route route) {
            return add("POST", path, route);
        }

        public Builder put(String path, Route route) {
            return add("PUT", path, route);
        }

        public Builder patch(String path, Route route) {
            return add("PATCH", path, route);
        }

        public Builder delete(String path, Route route) {
            return add("DELETE", path, route);
        }

        private Builder add(String method, String path, Route route) {
            if (byKey.putIfAbsent(method + " " + path, route) != null) {
                throw new IllegalArgumentException("Route declared twice: " + method + " " + path);
            }
            return this;
        }

        public Routes build() {
            return new Routes(byKey);
        }
    }
}
