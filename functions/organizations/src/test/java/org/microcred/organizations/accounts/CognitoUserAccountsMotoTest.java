package org.microcred.organizations.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.moto.MotoServer;
import org.microcred.emulators.moto.WithMoto;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * {@link CognitoUserAccounts} against moto's Cognito, which checks what the real service checks
 * for these calls: an email-shaped username, one account per address, users found by attribute
 * filter. Each test gets a user pool of its own, configured like template.yaml's UserPool.
 */
@WithMoto
class CognitoUserAccountsMotoTest {
    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final CognitoUserAccounts accounts;

    CognitoUserAccountsMotoTest(MotoServer moto) {
        cognito = moto.cognitoIdentityProvider();
        userPoolId = moto.userPoolLikeTemplate();
        accounts = new CognitoUserAccounts(cognito, userPoolId);
    }

    @Test
    void provision_newEmail_createsVerifiedAccountWithSub() {
        Account account = accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));

        assertThat(account.created()).isTrue();
        assertThat(account.userId()).isNotBlank();
        assertThat(account.email()).isEqualTo("ana.lee@district.example");
        var user = cognito.adminGetUser(get -> get.userPoolId(userPoolId).username(account.username()));
        assertThat(attributes(user.userAttributes())).containsEntry("sub", account.userId())
                .containsEntry("email", "ana.lee@district.example")
                .containsEntry("email_verified", "true")
                .containsEntry("given_name", "Ana")
                .containsEntry("family_name", "Lee")
                .containsEntry("name", "Ana Lee");
        assertThat(user.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
    }

    @Test
    void provision_withInvitation_createsAccount() {
        Account account = accounts.provision(new NewAccount("ben.ode@district.example", "Ben", "Ode", true));

        assertThat(account.created()).isTrue();
        assertThat(accounts.findByEmail("ben.ode@district.example")).contains(
                new Account(account.userId(), account.username(), account.email(), false));
    }

    @Test
    void provision_sameEmailAgain_returnsTheFirstAccountNotCreated() {
        Account first = accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", true));

        Account again = accounts.provision(new NewAccount("Ana.Lee@District.example", "Ana", "Lee", true));

        assertThat(again).isEqualTo(new Account(first.userId(), first.username(), first.email(), false));
        assertThat(cognito.listUsers(list -> list.userPoolId(userPoolId)).users()).hasSize(1);
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
    void signOutEverywhere_existingAccount_succeeds() {
        Account account = accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));

        assertThatCode(() -> accounts.signOutEverywhere(account)).doesNotThrowAnyException();
    }

    @Test
    void signOutEverywhere_deletedAccount_isIgnored() {
        Account account = accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));
        cognito.adminDeleteUser(delete -> delete.userPoolId(userPoolId).username(account.username()));

        assertThatCode(() -> accounts.signOutEverywhere(account)).doesNotThrowAnyException();
    }

    @Test
    void provision_addressThatIsNoEmail_isRefusedNamingEmail() {
        assertThatThrownBy(() -> accounts.provision(new NewAccount("ana.lee at district", "Ana", "Lee", false)))
                .isInstanceOfSatisfying(AccountRefusedException.class,
                        refused -> assertThat(refused.field()).isEqualTo("email"))
                .hasMessageContaining("email address");
        assertThat(cognito.listUsers(list -> list.userPoolId(userPoolId)).users()).isEmpty();
    }

    private static Map<String, String> attributes(List<AttributeType> attributes) {
        return attributes.stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    }
}
