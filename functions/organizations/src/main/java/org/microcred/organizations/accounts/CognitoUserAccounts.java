package org.microcred.organizations.accounts;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.microcred.shared.aws.AwsClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The accounts of a Cognito user pool that signs people in with their email address
 * ({@code UsernameAttributes: [email]}). Cognito itself sends the invitation email, with the
 * temporary password, so no password ever passes through this code.
 *
 * <p>Provisioning is idempotent: Cognito refuses a second account for an address
 * ({@code UsernameExistsException}), and that refusal is answered with the existing account, so
 * a Lambda retry or a re-imported roster never makes two accounts for one person.
 */
public final class CognitoUserAccounts implements UserAccounts {
    /** The environment variable (as in template.yaml) naming the user pool. */
    public static final String USER_POOL_ID = "USER_POOL_ID";

    private static final Map<String, CognitoIdentityProviderClient> CLIENTS = new ConcurrentHashMap<>();

    private final CognitoIdentityProviderClient client;
    private final String userPoolId;

    public CognitoUserAccounts(CognitoIdentityProviderClient client, String userPoolId) {
        this.client = client;
        this.userPoolId = userPoolId;
    }

    /**
     * The user pool of this environment: {@value #USER_POOL_ID} in AWS, or the local stand-in
     * when {@link FunctionEnvironment#COGNITO_ENDPOINT} is set. The client is built once per
     * endpoint and region (at init, where SnapStart snapshots it) and shared.
     */
    public static CognitoUserAccounts from(FunctionEnvironment environment) {
        String userPoolId = environment.required(USER_POOL_ID);
        Optional<String> endpoint = environment.optional(FunctionEnvironment.COGNITO_ENDPOINT);
        var region = AwsClients.region(environment);
        var client = CLIENTS.computeIfAbsent(endpoint.orElse("aws") + "|" + region.id(), key -> {
            var builder = CognitoIdentityProviderClient.builder()
                    .httpClient(AwsClients.httpClient())
                    .region(region)
                    .credentialsProvider(AwsClients.credentials(endpoint));
            endpoint.map(URI::create).ifPresent(builder::endpointOverride);
            return builder.build();
        });
        return new CognitoUserAccounts(client, userPoolId);
    }

    @Override
    public Account provision(NewAccount account) {
        String email = normalised(account.email());
        try {
            UserType user = client.adminCreateUser(request -> {
                request.userPoolId(userPoolId)
                        .username(email)
                        .userAttributes(attributes(email, account))
                        .desiredDeliveryMediums(DeliveryMediumType.EMAIL);
                if (!account.invite()) {
                    request.messageAction(MessageActionType.SUPPRESS);
                }
            }).user();
            return toAccount(user.username(), user.attributes(), email, true);
        } catch (UsernameExistsException exists) {
            return findByEmail(email).orElseThrow(() -> new IllegalStateException(
                    "The user pool reports an account for " + email + " but lists none", exists));
        } catch (InvalidParameterException refused) {
            throw refusal(refused);
        }
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        String normalised = normalised(email);
        // Limit 2: a second match would mean two accounts share an address; take the first.
        List<UserType> users = client.listUsers(request -> request.userPoolId(userPoolId)
                .filter("email = \"" + filterLiteral(normalised) + "\"")
                .limit(2)).users();
        return users.stream().findFirst()
                .map(user -> toAccount(user.username(), user.attributes(), normalised, false));
    }

    @Override
    public void signOutEverywhere(Account account) {
        try {
            client.adminUserGlobalSignOut(request -> request.userPoolId(userPoolId).username(account.username()));
        } catch (UserNotFoundException gone) {
            // No account, no sessions: the outcome asked for already holds.
        }
    }

    private static List<AttributeType> attributes(String email, NewAccount account) {
        return List.of(
                attribute("email", email),
                attribute("email_verified", "true"),
                attribute("given_name", account.givenName()),
                attribute("family_name", account.familyName()),
                attribute("name", account.givenName() + " " + account.familyName()));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static Account toAccount(String username, List<AttributeType> attributes, String email, boolean created) {
        String sub = attributes.stream().filter(a -> "sub".equals(a.name())).map(AttributeType::value).findFirst()
                .orElseThrow(() -> new IllegalStateException("The user pool returned account " + username + " without a sub"));
        String storedEmail = attributes.stream().filter(a -> "email".equals(a.name())).map(AttributeType::value)
                .findFirst().map(CognitoUserAccounts::normalised).orElse(email);
        return new Account(sub, username, storedEmail, created);
    }

    /**
     * Cognito names the attribute in its message when a name is refused; anything else is the
     * address (the username), which is what the pool checks first.
     */
    private static AccountRefusedException refusal(InvalidParameterException refused) {
        String message = refused.awsErrorDetails() != null ? refused.awsErrorDetails().errorMessage() : refused.getMessage();
        String field = message != null && message.contains("given_name") ? "givenName"
                : message != null && message.contains("family_name") ? "familyName"
                : "email";
        String readable = "email".equals(field) ? "The sign-in service does not accept this email address"
                : "The sign-in service does not accept this name";
        return new AccountRefusedException(field, message == null ? readable : readable + ": " + message);
    }

    private static String normalised(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** ListUsers filter values are double-quoted; a quote or backslash inside is escaped with a backslash. */
    static String filterLiteral(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
