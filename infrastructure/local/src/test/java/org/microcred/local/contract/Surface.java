package org.microcred.local.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * One place of one operation an attack can aim at: a named path, query or header parameter, the
 * content type, the body, or nothing in particular. Tries are spread evenly over surfaces rather
 * than operations, so an operation with many parameters gets proportionally more.
 */
record Surface(ApiOperation operation, Attack attack, String aim) {

    static List<Surface> of(List<ApiOperation> operations) {
        List<Surface> surfaces = new ArrayList<>();
        for (ApiOperation operation : operations) {
            surfaces.add(new Surface(operation, Attack.PLAUSIBLE, ""));
            surfaces.add(new Surface(operation, Attack.NOISE, ""));
            operation.parameters("path").forEach(parameter ->
                    surfaces.add(new Surface(operation, Attack.PATH_PARAMETER, parameter.name())));
            operation.parameters("query").forEach(parameter ->
                    surfaces.add(new Surface(operation, Attack.QUERY_PARAMETER, parameter.name())));
            operation.parameters("header").forEach(parameter ->
                    surfaces.add(new Surface(operation, Attack.HEADER, parameter.name())));
            if (!operation.bodies().isEmpty()) {
                for (Attack attack : Attack.values()) {
                    if (attack == Attack.CONTENT_TYPE || attack.name().startsWith("BODY_")) {
                        surfaces.add(new Surface(operation, attack, ""));
                    }
                }
            }
        }
        return surfaces;
    }

    @Override
    public String toString() {
        return operation + " " + attack + (aim.isEmpty() ? "" : " " + aim);
    }
}
