package org.microcred.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.SnapStartHooks;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.organizations.roster.RosterImportHandler;
import org.microcred.organizations.token.PreTokenGenerationHandler;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.snapstart.Priming;

/**
 * The organisation functions' SnapStart hooks, invoked as Lambda invokes them around a snapshot.
 * Cognito points at a closed port: priming must not need it (it reads only the table).
 */
@WithEmulators
class SnapStartPrimingTest {
    private static final String NO_COGNITO = "http://127.0.0.1:9";

    @Test
    void organizations_primeAnOrganisationAndItsMembers_withoutWriting(TestStack stack) {
        OrganizationHandler handler = new OrganizationHandler(stack.environment("OrganizationFunction")
                .with(FunctionEnvironment.COGNITO_ENDPOINT, NO_COGNITO));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("GET /orgs/{orgId} -> 404, GET /orgs/{orgId}/members -> 404");
    }

    @Test
    void rosterImport_primesTheRunnerOnAnImportThatDoesNotExist(TestStack stack) {
        RosterImportHandler handler = new RosterImportHandler(stack.environment("RosterImportFunction")
                .with(FunctionEnvironment.COGNITO_ENDPOINT, NO_COGNITO));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("import imp-000000000000000000000000 -> SKIPPED");
    }

    @Test
    void preTokenGeneration_primesTheClaimsOfASignInNobodyHas(TestStack stack) {
        PreTokenGenerationHandler handler = new PreTokenGenerationHandler(stack.environment("PreTokenGenerationFunction"));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("sign-in of snapstart-priming -> groups []");
    }
}
