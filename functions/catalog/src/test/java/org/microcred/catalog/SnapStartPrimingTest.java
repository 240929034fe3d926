package org.microcred.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.ExpectedErrorLog;
import org.microcred.emulators.junit.HttpApiEvents;
import org.microcred.emulators.junit.SnapStartHooks;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.http.HttpFunction;
import org.microcred.shared.snapstart.Priming;

/**
 * The catalog functions' SnapStart hooks, invoked as Lambda invokes them around a snapshot: the
 * priming goes through each handler's own routes to DynamoDB Local, writes nothing, and the
 * handler serves requests after the restore.
 */
@WithEmulators
class SnapStartPrimingTest {

    @Test
    void catalogRead_primesSearchAndDetail_throughItsRoutes(TestStack stack) {
        CatalogReadHandler handler = new CatalogReadHandler(stack.environment("CatalogReadFunction"));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("GET /microcredentials -> 200, GET /microcredentials/{id} -> 404");
        assertThat(priming.restores()).isOne();
        assertThat(handler.dispatch(HttpApiEvents.event("GET /microcredentials", "/microcredentials", Map.of(),
                Map.of("q", "exit tickets"), Map.of(), null, null)).getStatusCode()).isEqualTo(200);
    }

    @Test
    void catalogAdmin_primesTheOrganisationsListing_asAnAdminOfNoOrganisation(TestStack stack) {
        CatalogAdminHandler handler = new CatalogAdminHandler(stack.environment("CatalogAdminFunction"));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("GET /orgs/{orgId}/microcredentials -> 200");
    }

    @Test
    void priming_reachesDynamoDb_soWithoutItTheSnapshotIsTakenUnprimed(TestStack stack) {
        CatalogReadHandler handler = new CatalogReadHandler(stack.environment("CatalogReadFunction")
                .with(FunctionEnvironment.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + closedPort()));
        Priming priming = Priming.of(handler).orElseThrow();

        try (var route = ExpectedErrorLog.from(HttpFunction.class); var hooks = ExpectedErrorLog.from(Priming.class)) {
            priming.beforeCheckpoint(null);
        }

        assertThat(priming.primed()).isEmpty();
        assertThat(priming.failure()).hasValueSatisfying(failure ->
                assertThat(failure).hasMessageStartingWith("GET /microcredentials answered 500"));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
