package org.microcred.catalog;

import org.microcred.shared.config.FunctionEnvironment;

/** The catalog functions' settings; names match their Environment in template.yaml. */
public record CatalogConfig(String catalogTable) {
    public static CatalogConfig from(FunctionEnvironment environment) {
        return new CatalogConfig(environment.required("CATALOG_TABLE"));
    }
}
