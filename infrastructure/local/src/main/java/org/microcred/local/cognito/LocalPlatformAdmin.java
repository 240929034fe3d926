package org.microcred.local.cognito;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.microcred.organizations.admin.CreatePlatformAdmin;

/**
 * The local stack's first administrator, made at every start if missing by the very command
 * {@code infrastructure/create-platform-admin.sh} runs after {@code sam deploy}, pointed at the
 * local user pool and DynamoDB. Everyone else is added through the API.
 */
public final class LocalPlatformAdmin {
    public static final String USER_ID = "u-platform-admin";
    public static final String EMAIL = "platform-admin@microcred.local";

    private LocalPlatformAdmin() {
    }

    /**
     * @param cognitoEndpoint  the local user pool's protocol endpoint (served by the local API)
     * @param dynamoDbEndpoint DynamoDB Local
     * @return the administrator's user id
     */
    public static String ensure(LocalUserPool pool, URI cognitoEndpoint, URI dynamoDbEndpoint, String table,
                                String region) {
        if (pool.byEmail(EMAIL).isEmpty()) {
            // A readable id, like the demo users', for tests and the README.
            pool.reserveSub(EMAIL, USER_ID);
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8)) {
            int exit = CreatePlatformAdmin.run(new String[] {"--user-pool-id", LocalCognito.USER_POOL_ID,
                "--table", table, "--region", region, "--email", EMAIL, "--given-name", "Platform",
                "--family-name", "Administrator", "--cognito-endpoint", cognitoEndpoint.toString(),
                "--dynamodb-endpoint", dynamoDbEndpoint.toString()}, out, out);
            if (exit != 0) {
                throw new IllegalStateException("Could not make the local platform admin: "
                        + said.toString(StandardCharsets.UTF_8));
            }
        }
        return pool.byEmail(EMAIL).orElseThrow().sub();
    }
}
