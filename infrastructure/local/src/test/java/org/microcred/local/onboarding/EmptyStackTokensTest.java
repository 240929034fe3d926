package org.microcred.local.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.microcred.local.LocalStackOptions;
import org.microcred.local.cognito.LocalPlatformAdmin;
import org.microcred.local.junit.RunningStack;

/** {@code MICROCRED_DEMO=false}: a stack without demo data lets only its platform admin sign in. */
class EmptyStackTokensTest {

    @Test
    void emptyStack_listsOnlyThePlatformAdmin_whoseTokenComesFromTheRecords() {
        try (RunningStack stack = RunningStack.start(LocalStackOptions.inMemory().seeded(false))) {
            JsonNode users = json(send(stack, stack.request("/_local/tokens"))).path("users");

            assertThat(users).hasSize(1);
            JsonNode admin = users.get(0);
            assertThat(admin.path("id").asText()).isEqualTo(LocalPlatformAdmin.USER_ID);
            assertThat(admin.path("email").asText()).isEqualTo(LocalPlatformAdmin.EMAIL);
            assertThat(admin.path("roles")).extracting(JsonNode::asText).containsExactly("platform-admin");
            var orgs = send(stack, stack.request("/orgs").header("authorization", "Bearer "
                    + admin.path("token").asText()));
            assertThat(orgs.statusCode()).as(orgs.body()).isEqualTo(200);
            assertThat(json(orgs).path("items")).isEmpty();
        }
    }
}
