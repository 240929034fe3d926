package org.microcred.records.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbClientsTest {
    /** Nothing listens there: every call below is stopped by the interceptor before it is sent. */
    private static final FunctionEnvironment ENVIRONMENT = FunctionEnvironment.of(Map.of(
            FunctionEnvironment.DYNAMODB_ENDPOINT, "http://127.0.0.1:9/aws-clients-test"));

    /** Refuses every request, naming the operation, so a test can see it ran. */
    private static final class Refusing implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            throw new IllegalStateException("intercepted " + context.request().getClass().getSimpleName());
        }
    }

    @Test
    void forEnvironment_isBuiltOncePerEndpoint() {
        assertThat(DynamoDbClients.forEnvironment(ENVIRONMENT)).isSameAs(DynamoDbClients.forEnvironment(ENVIRONMENT));
    }

    @Test
    void addInterceptor_runsOnClientsBuiltAfterwards_andNotOnThoseHandedOutBefore() {
        DynamoDbClient before = DynamoDbClients.forEnvironment(ENVIRONMENT);
        Refusing interceptor = new Refusing();
        DynamoDbClients.addInterceptor(interceptor);
        try {
            DynamoDbClient after = DynamoDbClients.forEnvironment(ENVIRONMENT);

            assertThat(after).isNotSameAs(before);
            assertThatThrownBy(() -> after.getItem(r -> r.tableName("t")))
                    .hasMessageContaining("intercepted GetItemRequest");
        } finally {
            DynamoDbClients.removeInterceptor(interceptor);
        }
        DynamoDbClient restored = DynamoDbClients.forEnvironment(ENVIRONMENT);
        assertThatThrownBy(() -> restored.getItem(r -> r.tableName("t")))
                .hasMessageNotContaining("intercepted");
    }
}
