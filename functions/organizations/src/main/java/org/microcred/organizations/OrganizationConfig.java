package org.microcred.organizations;

import org.microcred.shared.config.FunctionEnvironment;

/** OrganizationFunction's environment, named as in template.yaml. */
public record OrganizationConfig(String organizationsTable, String catalogTable, String learningTable,
                                 String userPoolId) {

    public static OrganizationConfig from(FunctionEnvironment environment) {
        return new OrganizationConfig(environment.required("ORGANIZATIONS_TABLE"),
                environment.required("CATALOG_TABLE"), environment.required("LEARNING_TABLE"),
                environment.required("USER_POOL_ID"));
    }
}
