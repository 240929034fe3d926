package org.microcred.organizations.admin;

import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microcred.organizations.accounts.Account;
import org.microcred.organizations.accounts.AccountRefusedException;
import org.microcred.organizations.accounts.CognitoUserAccounts;
import org.microcred.organizations.accounts.NewAccount;
import org.microcred.organizations.accounts.UserAccounts;
import org.microcred.organizations.service.MemberInput;
import org.microcred.organizations.service.MemberRules;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.records.organizations.PlatformAdministrator;
import org.microcred.shared.aws.AwsClients;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.domain.FieldError;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The first administrator after {@code sam deploy}: makes the person's sign-in account (Cognito
 * emails them the invitation with a temporary password) and records them as a platform
 * administrator, so the Pre Token Generation trigger puts {@code platform-admin} into their
 * tokens. Nobody can do this through the API before there is a platform administrator.
 * {@code infrastructure/create-platform-admin.sh} runs it with the stack's outputs. Running it
 * again changes nothing.
 */
public final class CreatePlatformAdmin {
    static final String USAGE = """
            Usage: java -cp microcred-organizations-function.jar org.microcred.organizations.admin.CreatePlatformAdmin \\
                     --user-pool-id ID --table NAME --region REGION \\
                     --email ADDRESS --given-name NAME --family-name NAME \\
                     [--cognito-endpoint URL] [--dynamodb-endpoint URL]
              --user-pool-id       the stack's UserPoolId output
              --table              the stack's OrganizationsTableName output
              --cognito-endpoint, --dynamodb-endpoint
                                   emulators instead of AWS (the local stack, tests)
            AWS credentials come from the default chain (environment, profile, SSO).""";

    private static final Map<String, String> OPTION_OF_FIELD = Map.of("email", "--email", "givenName", "--given-name",
            "familyName", "--family-name");

    private CreatePlatformAdmin() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the exit code: 0 done (or done before), 1 AWS refused or failed, 2 wrong arguments */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        MemberInput person;
        try {
            options = Options.parse(args);
            if (options.help()) {
                out.println(USAGE);
                return 0;
            }
            person = MemberRules.person(options.email(), options.givenName(), options.familyName());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (DomainException invalid) {
            invalid.errors().forEach(error -> err.println(optionOf(error) + " " + error.message()));
            return 2;
        }
        FunctionEnvironment environment = options.environment();
        UserAccounts accounts = CognitoUserAccounts.from(environment);
        Members members = new Members(OrganizationsTable.forEnvironment(environment, options.table()));
        try {
            out.println(create(person, accounts, members, Clock.systemUTC()));
            return 0;
        } catch (AccountRefusedException refused) {
            err.println("The user pool refused the account: " + refused.getMessage());
            return 1;
        } catch (SdkException failed) {
            err.println("AWS refused or failed: " + failed.getMessage());
            return 1;
        }
    }

    /**
     * Provisions the account (with the invitation, if it is new) and records the administrator
     * (if they are not recorded yet); returns what was done, in a sentence for the operator.
     */
    static String create(MemberInput person, UserAccounts accounts, Members members, Clock clock) {
        Account account = accounts.provision(new NewAccount(person.email(), person.givenName(), person.familyName(),
                true));
        boolean recorded = members.addPlatformAdministrator(new PlatformAdministrator(account.userId(),
                person.email(), person.givenName() + " " + person.familyName(), true, clock.instant().toString()));
        String who = person.email() + " (user " + account.userId() + ")";
        if (account.created()) {
            return "Created the sign-in account of " + who + " and made them a platform administrator. "
                    + "Cognito has emailed them a temporary password.";
        }
        if (recorded) {
            return who + " had a sign-in account already and is now a platform administrator; "
                    + "no invitation was sent (they sign in with the password they have).";
        }
        return who + " is a platform administrator already; nothing changed.";
    }

    private static String optionOf(FieldError error) {
        return OPTION_OF_FIELD.getOrDefault(error.field(), error.field());
    }

    /** The command line, read strictly: every option once, none unknown. */
    record Options(String userPoolId, String table, String region, String email, String givenName,
                   String familyName, String cognitoEndpoint, String dynamoDbEndpoint, boolean help) {
        private static final List<String> REQUIRED = List.of("--user-pool-id", "--table",
                "--region", "--email", "--given-name", "--family-name");
        private static final Set<String> OPTIONS = Set.of("--user-pool-id", "--table", "--region",
                "--email", "--given-name", "--family-name", "--cognito-endpoint", "--dynamodb-endpoint");

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if ("--help".equals(name) || "-h".equals(name)) {
                    return new Options(null, null, null, null, null, null, null, null, true);
                }
                if (!name.startsWith("--") || !OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("Unknown option " + name);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                if (values.put(name, args[++i]) != null) {
                    throw new IllegalArgumentException(name + " is given twice");
                }
            }
            for (String required : REQUIRED) {
                if (values.get(required) == null || values.get(required).isBlank()) {
                    throw new IllegalArgumentException(required + " is required");
                }
            }
            return new Options(values.get("--user-pool-id"), values.get("--table"), values.get("--region"),
                    values.get("--email"), values.get("--given-name"), values.get("--family-name"),
                    values.get("--cognito-endpoint"), values.get("--dynamodb-endpoint"), false);
        }

        /** What CognitoUserAccounts and AwsClients read, under the names template.yaml gives functions. */
        FunctionEnvironment environment() {
            Map<String, String> variables = new HashMap<>();
            variables.put(CognitoUserAccounts.USER_POOL_ID, userPoolId);
            variables.put("AWS_REGION", region);
            if (cognitoEndpoint != null) {
                variables.put(FunctionEnvironment.COGNITO_ENDPOINT, cognitoEndpoint);
            }
            if (dynamoDbEndpoint != null) {
                variables.put(FunctionEnvironment.DYNAMODB_ENDPOINT, dynamoDbEndpoint);
            }
            return FunctionEnvironment.of(variables);
        }
    }
}
