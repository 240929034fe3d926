package org.microcred.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microcred.local.LocalStack;
import org.microcred.local.fixtures.FakeCatalogHandler;
import org.microcred.local.fixtures.Fixtures;
import org.microcred.local.identity.JwtAuthorizer;

/** Seeding goes through the API as each organisation's admin, once per data directory. */
class DemoSeedingTest {

    @BeforeEach
    void forgetCalls() {
        FakeCatalogHandler.CALLS.clear();
    }

    @Test
    void firstStart_createsEveryDemoDraftAndPublishesThoseMarkedSoAsTheOrgAdmin(@TempDir Path data) {
        try (LocalStack ignored = LocalStack.start(Fixtures.options().persistentUnder(data).seeded(true))) {
            assertThat(FakeCatalogHandler.CALLS).containsExactly(
                    "create published-one in org-test",
                    "publish published-one as u-test-admin",
                    "create draft-only in org-test");
            assertThat(data.resolve("demo-seeded")).exists();
        }
    }

    @Test
    void restart_doesNotSeedAgain_butResetDoes(@TempDir Path data) {
        LocalStack.start(Fixtures.options().persistentUnder(data).seeded(true)).close();
        FakeCatalogHandler.CALLS.clear();

        LocalStack.start(Fixtures.options().persistentUnder(data).seeded(true)).close();
        assertThat(FakeCatalogHandler.CALLS).isEmpty();

        LocalStack.start(Fixtures.options().persistentUnder(data).seeded(true).reset(true)).close();
        assertThat(FakeCatalogHandler.CALLS).hasSize(3);
    }

    @Test
    void rejectedDemoDocument_failsTheStartWithTheProblemAndFreesThePort(@TempDir Path data) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int chosen = port;

        assertThatThrownBy(() -> LocalStack.start(Fixtures.options().persistentUnder(data).seeded(true)
                .withDemoRoot("test-demo-invalid").withPort(chosen)))
                .isInstanceOf(DemoDataRejectedException.class)
                .hasMessageContaining("untitled.json")
                .hasMessageContaining("422")
                .hasMessageContaining("A title is required.");
        assertThat(Files.exists(data.resolve("demo-seeded"))).isFalse();
        try (ServerSocket again = new ServerSocket(chosen)) {
            assertThat(again.getLocalPort()).isEqualTo(chosen);
        }
    }

    @Test
    void signingKey_survivesARestartSoTokensStayValid(@TempDir Path data) {
        String token;
        int port;
        try (LocalStack first = LocalStack.start(Fixtures.options().persistentUnder(data))) {
            port = first.baseUri().getPort();
            token = first.identityProvider().tokenFor(first.directory().user("u-test-learner").orElseThrow());
        }
        try (LocalStack second = LocalStack.start(Fixtures.options().persistentUnder(data).withPort(port))) {
            var authorizer = new JwtAuthorizer(second.identityProvider());

            assertThat(authorizer.verify("Bearer " + token)).isPresent();
        }
    }
}
