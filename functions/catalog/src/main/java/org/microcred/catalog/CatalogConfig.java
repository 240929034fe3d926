package org.microcred.catalog;

import org.microcred.shared.config.FunctionEnvironment;

/** The catalog functions' settings; names match their Environment in template.yaml. */
public record CatalogConfig(String catalogTable, long searchRefreshMillis) {
    public static CatalogConfig from(FunctionEnvironment environment) {
        String refresh = environment.optional("CATALOG_SEARCH_REFRESH_MILLIS", "1000");
        if (!refresh.matches("\\d{1,7}")) {
            throw new IllegalStateException("CATALOG_SEARCH_REFRESH_MILLIS must be a whole number of milliseconds, not " + refresh);
        }
        return new CatalogConfig(environment.required("CATALOG_TABLE"), Long.parseLong(refresh));
    }
}
