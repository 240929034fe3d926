package org.microcred.local.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.organizations.accounts.Account;
import org.microcred.organizations.accounts.AccountRefusedException;
import org.microcred.organizations.accounts.CognitoUserAccounts;
import org.microcred.organizations.accounts.NewAccount;

/**
 * What the organisations function relies on from a Cognito user pool, checked through the real
 * {@link CognitoUserAccounts} against each pool it meets: moto's Cognito (which checks what the
 * real service checks for these calls) and the local stack's own pool. The same assertions for
 * both are what keeps the local pool honest.
 */
abstract class UserAccountsContract {

    /** The accounts client under test, pointed at a pool of its own for each test. */
    protected abstract CognitoUserAccounts accounts();

    /** The pool's attributes of an account, as AdminGetUser lists them. */
    protected abstract Map<String, String> attributesOf(String username);

    /** The account's Cognito status name, e.g. FORCE_CHANGE_PASSWORD. */
    protected abstract String statusOf(String username);

    protected abstract int accountCount();

    @Test
    void provision_newEmail_createsVerifiedAccountWithSub() {
        Account account = accounts().provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));

        assertThat(account.created()).isTrue();
        assertThat(account.userId()).isNotBlank();
        assertThat(account.email()).isEqualTo("ana.lee@district.example");
        assertThat(attributesOf(account.username())).containsEntry("sub", account.userId())
                .containsEntry("email", "ana.lee@district.example")
                .containsEntry("email_verified", "true")
                .containsEntry("given_name", "Ana")
                .containsEntry("family_name", "Lee")
                .containsEntry("name", "Ana Lee");
        assertThat(statusOf(account.username())).isEqualTo("FORCE_CHANGE_PASSWORD");
    }

    @Test
    void provision_withInvitation_createsAccount() {
        Account account = accounts().provision(new NewAccount("ben.ode@district.example", "Ben", "Ode", true));

        assertThat(account.created()).isTrue();
        assertThat(accounts().findByEmail("ben.ode@district.example")).contains(
                new Account(account.userId(), account.username(), account.email(), false));
    }

    @Test
    void provision_sameEmailAgain_returnsTheFirstAccountNotCreated() {
        Account first = accounts().provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", true));

        Account again = accounts().provision(new NewAccount("Ana.Lee@District.example", "Ana", "Lee", true));

        assertThat(again).isEqualTo(new Account(first.userId(), first.username(), first.email(), false));
        assertThat(accountCount()).isEqualTo(1);
    }

    @Test
    void findByEmail_inAnyCase_findsTheAccount() {
        Account account = accounts().provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));

        assertThat(accounts().findByEmail("ANA.Lee@district.EXAMPLE")).contains(
                new Account(account.userId(), account.username(), "ana.lee@district.example", false));
    }

    @Test
    void findByEmail_stranger_isEmpty() {
        accounts().provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));

        assertThat(accounts().findByEmail("someone.else@district.example")).isEmpty();
    }

    @Test
    void signOutEverywhere_existingAccount_succeeds() {
        Account account = accounts().provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));

        assertThatCode(() -> accounts().signOutEverywhere(account)).doesNotThrowAnyException();
    }

    @Test
    void signOutEverywhere_unknownAccount_isIgnored() {
        Account gone = new Account("0b7c6d0e-0000-4000-8000-000000000000", "0b7c6d0e-0000-4000-8000-000000000000",
                "gone@district.example", false);

        assertThatCode(() -> accounts().signOutEverywhere(gone)).doesNotThrowAnyException();
    }

    @Test
    void provision_addressThatIsNoEmail_isRefusedNamingEmail() {
        assertThatThrownBy(() -> accounts().provision(new NewAccount("ana.lee at district", "Ana", "Lee", false)))
                .isInstanceOfSatisfying(AccountRefusedException.class,
                        refused -> assertThat(refused.field()).isEqualTo("email"))
                .hasMessageContaining("email address");
        assertThat(accountCount()).isZero();
    }
}
