package org.microcred.local.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcred.organizations.accounts.Account;
import org.microcred.organizations.accounts.AccountRefusedException;
import org.microcred.organizations.accounts.CognitoUserAccounts;
import org.microcred.organizations.accounts.NewAccount;
import org.microcred.shared.config.FunctionEnvironment;

/**
 * The real {@link CognitoUserAccounts}, built from a function environment as the local stack
 * builds it, against the local user pool over HTTP: the behaviours CognitoUserAccountsMotoTest
 * checks against moto, so both stand-ins are held to one contract.
 */
class CognitoUserAccountsLocalTest {
    private static CognitoEndpoint endpoint;

    private final List<String> invitations = new CopyOnWriteArrayList<>();
    private LocalUserPool pool;
    private CognitoUserAccounts accounts;

    @BeforeAll
    static void startEndpoint() {
        endpoint = CognitoEndpoint.start();
    }

    @AfterAll
    static void stopEndpoint() {
        endpoint.close();
    }

    @BeforeEach
    void freshPool() {
        pool = LocalUserPool.inMemory((email, name, password) -> invitations.add(email + " " + name + " " + password));
        endpoint.serve(new CognitoJsonProtocol(pool));
        accounts = CognitoUserAccounts.from(FunctionEnvironment.of(Map.of(
                CognitoUserAccounts.USER_POOL_ID, "local_users",
                FunctionEnvironment.COGNITO_ENDPOINT, endpoint.uri().toString(),
                "AWS_REGION", "us-east-1")));
    }

    @Test
    void provision_newEmail_createsVerifiedAccountWithSub() {
        Account account = accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));

        assertThat(account.created()).isTrue();
        assertThat(account.userId()).isNotBlank();
        assertThat(account.email()).isEqualTo("ana.lee@district.example");
        LocalUser user = pool.byUsername(account.username()).orElseThrow();
        assertThat(user.attributes()).containsEntry("sub", account.userId())
                .containsEntry("email", "ana.lee@district.example")
                .containsEntry("email_verified", "true")
                .containsEntry("given_name", "Ana")
                .containsEntry("family_name", "Lee")
                .containsEntry("name", "Ana Lee");
        assertThat(user.status()).isEqualTo(LocalUser.Status.FORCE_CHANGE_PASSWORD);
        assertThat(invitations).isEmpty();
    }

    @Test
    void provision_withInvitation_createsAccountAndSendsTheInvitation() {
        Account account = accounts.provision(new NewAccount("ben.ode@district.example", "Ben", "Ode", true));

        assertThat(account.created()).isTrue();
        assertThat(accounts.findByEmail("ben.ode@district.example")).contains(
                new Account(account.userId(), account.username(), account.email(), false));
        assertThat(invitations).singleElement().asString().matches("ben\\.ode@district\\.example Ben Ode \\S{12,}");
    }

    @Test
    void provision_sameEmailAgain_returnsTheFirstAccountNotCreated() {
        Account first = accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", true));

        Account again = accounts.provision(new NewAccount("Ana.Lee@District.example", "Ana", "Lee", true));

        assertThat(again).isEqualTo(new Account(first.userId(), first.username(), first.email(), false));
        assertThat(pool.users()).hasSize(1);
        assertThat(invitations).hasSize(1);
    }

    @Test
    void findByEmail_inAnyCase_findsTheAccount() {
        Account account = accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));

        assertThat(accounts.findByEmail("ANA.Lee@district.EXAMPLE")).contains(
                new Account(account.userId(), account.username(), "ana.lee@district.example", false));
    }

    @Test
    void findByEmail_stranger_isEmpty() {
        accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));

        assertThat(accounts.findByEmail("someone.else@district.example")).isEmpty();
    }

    @Test
    void findByEmail_addressWithQuoteAndBackslash_isEscapedInTheFilter() {
        Account account = accounts.provision(new NewAccount("o\"brien\\pat@district.example", "Pat", "O'Brien", false));

        assertThat(accounts.findByEmail("o\"brien\\pat@district.example")).contains(
                new Account(account.userId(), account.username(), "o\"brien\\pat@district.example", false));
    }

    @Test
    void signOutEverywhere_existingAccount_succeeds() {
        Account account = accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));

        assertThatCode(() -> accounts.signOutEverywhere(account)).doesNotThrowAnyException();
    }

    @Test
    void signOutEverywhere_unknownAccount_isIgnored() {
        Account gone = new Account("0b7c6d0e-0000-4000-8000-000000000000", "0b7c6d0e-0000-4000-8000-000000000000",
                "gone@district.example", false);

        assertThatCode(() -> accounts.signOutEverywhere(gone)).doesNotThrowAnyException();
    }

    @Test
    void provision_addressThatIsNoEmail_isRefusedNamingEmail() {
        assertThatThrownBy(() -> accounts.provision(new NewAccount("ana.lee at district", "Ana", "Lee", false)))
                .isInstanceOfSatisfying(AccountRefusedException.class,
                        refused -> assertThat(refused.field()).isEqualTo("email"))
                .hasMessageContaining("email address");
        assertThat(pool.users()).isEmpty();
    }

    @Test
    void everyCall_isPostedUnderTheMountPath() {
        Account account = accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));
        accounts.findByEmail("ana.lee@district.example");
        accounts.signOutEverywhere(account);

        assertThat(endpoint.requests()).isNotEmpty()
                .allSatisfy(request -> assertThat(request)
                        .isEqualTo("POST " + CognitoEndpoint.PATH + "/ " + CognitoJsonProtocol.CONTENT_TYPE));
    }
}
