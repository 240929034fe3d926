package org.microcred.local.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the wire protocol answers beyond the calls CognitoUserAccountsLocalTest makes through the SDK. */
class CognitoJsonProtocolTest {
    private static final String PREFIX = "AWSCognitoIdentityProviderService.";

    private final LocalUserPool pool = LocalUserPool.inMemory(InvitationSender.NONE);
    private final CognitoJsonProtocol protocol = new CognitoJsonProtocol(pool);

    @Test
    void unknownOperation_is400NamingWhatIsAnswered() {
        var answer = protocol.handle(PREFIX + "AdminDeleteUser", "{\"UserPoolId\":\"p\",\"Username\":\"x\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"__type\":\"UnknownOperationException\"").contains("AdminCreateUser");
    }

    @Test
    void otherService_is400UnknownOperation() {
        var answer = protocol.handle("DynamoDB_20120810.ListTables", "{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"__type\":\"UnknownOperationException\"");
    }

    @Test
    void bodyThatIsNoJson_is400SerializationException() {
        var answer = protocol.handle(PREFIX + "ListUsers", "{not json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"__type\":\"SerializationException\"");
    }

    @Test
    void listUsers_filterWithEscapedQuote_findsTheAddress() {
        pool.create("o\"brien@district.example", Map.of("name", "Pat O'Brien"), false);
        pool.create("ana.lee@district.example", Map.of("name", "Ana Lee"), false);

        var answer = protocol.handle(PREFIX + "ListUsers",
                "{\"UserPoolId\":\"p\",\"Filter\":\"email = \\\"o\\\\\\\"brien@district.example\\\"\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("o\\\"brien@district.example").doesNotContain("ana.lee");
    }

    @Test
    void listUsers_unparsableFilter_isInvalidParameter() {
        var answer = protocol.handle(PREFIX + "ListUsers", "{\"UserPoolId\":\"p\",\"Filter\":\"email contains ana\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"__type\":\"InvalidParameterException\"");
    }

    @Test
    void listUsers_pastTheLimit_returnsAPaginationToken() {
        pool.create("ana.lee@district.example", Map.of("name", "Ana Lee"), false);
        pool.create("ben.ode@district.example", Map.of("name", "Ben Ode"), false);

        var first = protocol.handle(PREFIX + "ListUsers", "{\"UserPoolId\":\"p\",\"Limit\":1}");
        var second = protocol.handle(PREFIX + "ListUsers", "{\"UserPoolId\":\"p\",\"Limit\":1,\"PaginationToken\":\"1\"}");

        assertThat(first.body()).contains("ana.lee").contains("\"PaginationToken\":\"1\"");
        assertThat(second.body()).contains("ben.ode").doesNotContain("PaginationToken");
    }
}
