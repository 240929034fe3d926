package org.microcred.organizations.roster;

import org.microcred.shared.config.FunctionEnvironment;

/** What roster imports read from the environment, named as in template.yaml (both functions). */
public record RosterConfig(String organizationsTable, String rosterBucket) {

    public static RosterConfig from(FunctionEnvironment environment) {
        return new RosterConfig(environment.required("ORGANIZATIONS_TABLE"), environment.required("ROSTER_BUCKET"));
    }
}
