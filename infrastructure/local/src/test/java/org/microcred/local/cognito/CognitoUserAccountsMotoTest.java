package org.microcred.local.cognito;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.moto.MotoServer;
import org.microcred.emulators.moto.WithMoto;
import org.microcred.organizations.accounts.Account;
import org.microcred.organizations.accounts.CognitoUserAccounts;
import org.microcred.organizations.accounts.NewAccount;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/** The user pool contract against moto's Cognito: a pool like template.yaml's for each test. */
@WithMoto
class CognitoUserAccountsMotoTest extends UserAccountsContract {
    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final CognitoUserAccounts accounts;

    CognitoUserAccountsMotoTest(MotoServer moto) {
        cognito = moto.cognitoIdentityProvider();
        userPoolId = moto.userPoolLikeTemplate();
        accounts = new CognitoUserAccounts(cognito, userPoolId);
    }

    @Override
    protected CognitoUserAccounts accounts() {
        return accounts;
    }

    @Override
    protected Map<String, String> attributesOf(String username) {
        return cognito.adminGetUser(get -> get.userPoolId(userPoolId).username(username)).userAttributes().stream()
                .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    }

    @Override
    protected String statusOf(String username) {
        return cognito.adminGetUser(get -> get.userPoolId(userPoolId).username(username)).userStatusAsString();
    }

    @Override
    protected int accountCount() {
        return cognito.listUsers(list -> list.userPoolId(userPoolId)).users().size();
    }

    @Test
    void signOutEverywhere_deletedAccount_isIgnored() {
        Account account = accounts.provision(new NewAccount("ana.lee@district.example", "Ana", "Lee", false));
        cognito.adminDeleteUser(delete -> delete.userPoolId(userPoolId).username(account.username()));

        assertThatCode(() -> accounts.signOutEverywhere(account)).doesNotThrowAnyException();
    }
}
