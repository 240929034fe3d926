package org.microcred.local.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUserPoolTest {
    private static final Map<String, String> ANA = Map.of("given_name", "Ana", "family_name", "Lee", "name", "Ana Lee",
            "email_verified", "true", "custom:orgId", "district-7");

    @Test
    void persistedIn_restartedPool_knowsTheSameAccounts(@TempDir Path directory) {
        LocalUserPool before = LocalUserPool.persistedIn(directory, InvitationSender.NONE);
        LocalUser ana = before.create("ana.lee@district.example", ANA, false);
        LocalUser ben = before.confirm(before.create("ben.ode@district.example", Map.of("name", "Ben Ode"), false).username());

        LocalUserPool after = LocalUserPool.persistedIn(directory, InvitationSender.NONE);

        assertThat(after.users()).containsExactly(ana, ben);
        assertThat(after.byEmail("ANA.LEE@district.example")).contains(ana);
        assertThat(ben.status()).isEqualTo(LocalUser.Status.CONFIRMED);
    }

    @Test
    void create_sameAddressFromManyThreadsAtOnce_makesOneAccount() throws Exception {
        LocalUserPool pool = LocalUserPool.inMemory(InvitationSender.NONE);
        List<Callable<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            attempts.add(() -> {
                try {
                    return pool.create("ana.lee@district.example", ANA, false).sub();
                } catch (UserPoolException refused) {
                    return refused.type();
                }
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<String> outcomes = new ArrayList<>();
        try {
            for (Future<String> outcome : threads.invokeAll(attempts)) {
                outcomes.add(outcome.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(pool.users()).hasSize(1);
        assertThat(outcomes).containsOnlyOnce(pool.users().get(0).sub())
                .filteredOn(outcome -> !outcome.equals(pool.users().get(0).sub()))
                .hasSize(15).containsOnly("UsernameExistsException");
    }

    @Test
    void create_withInvitation_sendsTemporaryPasswordMeetingThePolicy() {
        List<String> passwords = new ArrayList<>();
        LocalUserPool pool = LocalUserPool.inMemory((email, name, password) -> passwords.add(password));

        pool.create("ana.lee@district.example", ANA, true);

        assertThat(passwords).singleElement().asString()
                .hasSizeGreaterThanOrEqualTo(12).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]");
    }

    @Test
    void create_attributeOutsideTheSchema_isInvalidParameter() {
        LocalUserPool pool = LocalUserPool.inMemory(InvitationSender.NONE);

        assertThatThrownBy(() -> pool.create("ana.lee@district.example", Map.of("name", "Ana Lee", "orgId", "x"), false))
                .isInstanceOfSatisfying(UserPoolException.class,
                        refused -> assertThat(refused.type()).isEqualTo("InvalidParameterException"))
                .hasMessageContaining("orgId");
    }

    @Test
    void create_withoutName_isInvalidParameter() {
        LocalUserPool pool = LocalUserPool.inMemory(InvitationSender.NONE);

        assertThatThrownBy(() -> pool.create("ana.lee@district.example", Map.of("given_name", "Ana"), false))
                .isInstanceOfSatisfying(UserPoolException.class,
                        refused -> assertThat(refused.type()).isEqualTo("InvalidParameterException"))
                .hasMessageContaining("name");
    }

    @Test
    void signOutEverywhere_unknownAccount_isUserNotFound() {
        LocalUserPool pool = LocalUserPool.inMemory(InvitationSender.NONE);

        assertThatThrownBy(() -> pool.signOutEverywhere("nobody"))
                .isInstanceOfSatisfying(UserPoolException.class,
                        refused -> assertThat(refused.type()).isEqualTo("UserNotFoundException"));
    }
}
