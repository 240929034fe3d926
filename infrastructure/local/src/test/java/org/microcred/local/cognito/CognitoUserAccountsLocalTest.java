package org.microcred.local.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcred.organizations.accounts.Account;
import org.microcred.organizations.accounts.CognitoUserAccounts;
import org.microcred.organizations.accounts.NewAccount;
import org.microcred.shared.config.FunctionEnvironment;

/**
 * The real {@link CognitoUserAccounts}, built from a function environment as the local stack
 * builds it, against the local user pool over HTTP: the behaviours CognitoUserAccountsMotoTest
 * checks against moto, so both stand-ins are held to one contract.
 */
class CognitoUserAccountsLocalTest extends UserAccountsContract {
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

    @Override
    protected CognitoUserAccounts accounts() {
        return accounts;
    }

    @Override
    protected Map<String, String> attributesOf(String username) {
        return pool.byUsername(username).orElseThrow().attributes();
    }

    @Override
    protected String statusOf(String username) {
        return pool.byUsername(username).orElseThrow().status().name();
    }

    @Override
    protected int accountCount() {
        return pool.users().size();
    }

    @Test
    void provision_newAccountWithoutInvitation_sendsNone() {
        accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));

        assertThat(invitations).isEmpty();
    }

    @Test
    void provision_withInvitation_sendsItWithATemporaryPassword_once() {
        accounts.provision(new NewAccount("ben.ode@district.example", "Ben", "Ode", true));
        accounts.provision(new NewAccount("Ben.Ode@district.example", "Ben", "Ode", true));

        assertThat(invitations).singleElement().asString().matches("ben\\.ode@district\\.example Ben Ode \\S{12,}");
    }

    @Test
    void findByEmail_addressWithQuoteAndBackslash_isEscapedInTheFilter() {
        Account account = accounts.provision(new NewAccount("o\"brien\\pat@district.example", "Pat", "O'Brien", false));

        assertThat(accounts.findByEmail("o\"brien\\pat@district.example")).contains(
                new Account(account.userId(), account.username(), "o\"brien\\pat@district.example", false));
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
