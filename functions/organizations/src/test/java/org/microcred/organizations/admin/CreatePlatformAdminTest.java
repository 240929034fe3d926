package org.microcred.organizations.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.emulators.moto.MotoServer;
import org.microcred.emulators.moto.WithMoto;
import org.microcred.organizations.token.MembershipClaims;
import org.microcred.organizations.token.SignIn;
import org.microcred.organizations.token.TokenClaims;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.OrganizationKeys;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.records.organizations.PlatformAdministrator;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The first-administrator command end to end, as the script runs it (its command line, its
 * output, its exit code): the account in moto's Cognito user pool, the record in DynamoDB Local,
 * and the token claims the trigger then builds for that account.
 */
@WithEmulators
@WithMoto
class CreatePlatformAdminTest {
    private static CognitoIdentityProviderClient cognito;
    private static String userPoolId;
    private static String table;
    private static String dynamoDbEndpoint;
    private static DynamoDbClient dynamoDb;
    private static String cognitoEndpoint;
    private static Members members;
    private static OrganizationProfiles profiles;

    @BeforeAll
    static void start(TestStack stack, MotoServer moto) {
        cognito = moto.cognitoIdentityProvider();
        userPoolId = moto.userPoolLikeTemplate();
        table = stack.tableName("OrganizationsTable");
        dynamoDb = stack.dynamoDb();
        dynamoDbEndpoint = stack.environment("OrganizationFunction").required(FunctionEnvironment.DYNAMODB_ENDPOINT);
        cognitoEndpoint = moto.endpoint().toString();
        OrganizationsTable organizations = new OrganizationsTable(stack.dynamoDb(), table);
        members = new Members(organizations);
        profiles = new OrganizationProfiles(organizations);
    }

    /** The command's exit code, standard output and error. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = CreatePlatformAdmin.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run create(String email, String givenName, String familyName) {
        return run("--user-pool-id", userPoolId, "--table", table, "--region", "us-east-1", "--email", email,
                "--given-name", givenName, "--family-name", familyName, "--cognito-endpoint", cognitoEndpoint,
                "--dynamodb-endpoint", dynamoDbEndpoint);
    }

    @Test
    void firstRun_invitesTheAccount_andRecordsThePlatformAdministrator_whoseTokensThenSayPlatformAdmin() {
        Run run = create("Grace.Hopper@Microcred.example", "Grace", "Hopper");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Created the sign-in account of grace.hopper@microcred.example")
                .contains("temporary password");
        UserType user = onlyUser("grace.hopper@microcred.example");
        assertThat(user.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        Map<String, String> attributes = attributes(user.attributes());
        assertThat(attributes).containsEntry("email_verified", "true").containsEntry("name", "Grace Hopper");
        String sub = attributes.get("sub");
        assertThat(members.platformAdministrator(sub)).hasValueSatisfying(admin -> {
            assertThat(admin.email()).isEqualTo("grace.hopper@microcred.example");
            assertThat(admin.name()).isEqualTo("Grace Hopper");
            assertThat(admin.active()).isTrue();
        });

        TokenClaims claims = new MembershipClaims(members, profiles).claimsFor(SignIn.of(attributes));

        assertThat(claims.groups()).containsExactly("platform-admin");
        assertThat(claims.organizationId()).isNull();
    }

    @Test
    void secondRun_saysTheAdministratorExists_andChangesNothing() {
        assertThat(create("alan.turing@microcred.example", "Alan", "Turing").exitCode()).isZero();
        String sub = attributes(onlyUser("alan.turing@microcred.example").attributes()).get("sub");
        PlatformAdministrator first = members.platformAdministrator(sub).orElseThrow();
        var itemsBefore = platformItems();

        Run again = create("alan.turing@microcred.example", "Alan", "Turing");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("is a platform administrator already; nothing changed");
        assertThat(onlyUser("alan.turing@microcred.example").userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(members.platformAdministrator(sub)).contains(first);
        assertThat(platformItems()).isEqualTo(itemsBefore);
    }

    @Test
    void anAddressOrNameThatIsNone_isRefusedNamingTheOption_andMakesNothing() {
        Run badEmail = create("ada at microcred", "Ada", "Lovelace");
        Run badName = create("ada.lovelace@microcred.example", "Ada\nBcc: x", "Lovelace");

        assertThat(badEmail.exitCode()).isEqualTo(2);
        assertThat(badEmail.err()).startsWith("--email ");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).startsWith("--given-name ");
        assertThat(cognito.listUsers(list -> list.userPoolId(userPoolId).filter("given_name = \"Ada\"")).users())
                .isEmpty();
    }

    @Test
    void aMissingOrUnknownOption_printsTheUsage_withExitCode2() {
        Run missing = run("--user-pool-id", userPoolId, "--table", table, "--region", "us-east-1");
        Run unknown = run("--stack", "microcred");
        Run help = run("--help");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("--email is required").contains("Usage:");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Unknown option --stack");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--user-pool-id");
    }

    private static UserType onlyUser(String email) {
        List<UserType> users = cognito.listUsers(list -> list.userPoolId(userPoolId)
                .filter("email = \"" + email + "\"")).users();
        assertThat(users).hasSize(1);
        return users.get(0);
    }

    /** The PLATFORM partition, where platform administrators are recorded. */
    private static List<Map<String, AttributeValue>> platformItems() {
        return dynamoDb.query(query -> query.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(OrganizationKeys.PLATFORM)))).items();
    }

    private static Map<String, String> attributes(List<AttributeType> attributes) {
        return attributes.stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    }
}
