package org.microcred.emulators.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.TableDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two test classes write different items; each must see only its own whatever the order
 * they run in, which holds only if each class gets its own tables.
 */
@WithEmulators
abstract class IsolatedWriter {
    private final String marker;

    IsolatedWriter(String marker) {
        this.marker = marker;
    }

    @Test
    void table_holdsOnlyThisClassesItems(TestStack stack) {
        TableDefinition table = stack.template().tables().get(0);
        String name = stack.tableName(table.logicalId());
        Map<String, AttributeValue> key = EmulatorsExtensionTest.keyOf(table, marker);

        stack.dynamoDb().putItem(request -> request.tableName(name).item(key));

        assertThat(stack.dynamoDb().scan(request -> request.tableName(name)).items()).containsExactly(key);
    }
}
