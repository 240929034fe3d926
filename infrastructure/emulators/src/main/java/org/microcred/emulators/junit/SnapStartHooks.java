package org.microcred.emulators.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.microcred.emulators.BucketDefinition;
import org.microcred.emulators.TableDefinition;
import org.microcred.shared.snapstart.Priming;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Runs a function's SnapStart hooks as Lambda does around a snapshot, on a {@link TestStack}:
 * {@code beforeCheckpoint} (the priming) then {@code afterRestore}, and checks what priming must
 * never do: fail, or change anything in a table or bucket of the stack.
 *
 * <pre>{@code
 * var handler = new CatalogReadHandler(stack.environment("CatalogReadFunction"));
 * Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);
 * assertThat(priming.primed()).hasValue("GET /microcredentials -> 200, GET /microcredentials/{id} -> 404");
 * }</pre>
 */
public final class SnapStartHooks {
    private SnapStartHooks() {
    }

    /**
     * @return the function's priming, after one checkpoint and one restore
     * @throws AssertionError if the function registered none, its priming failed, or it wrote
     */
    public static Priming checkpointAndRestore(TestStack stack, Object function) {
        Priming priming = Priming.of(function).orElseThrow(() -> new AssertionError(
                function.getClass().getSimpleName() + " registered no SnapStart priming"));
        Map<String, Object> before = contents(stack);

        priming.beforeCheckpoint(null);

        if (priming.failure().isPresent()) {
            throw new AssertionError("Priming " + priming.function() + " failed", priming.failure().get());
        }
        Map<String, Object> after = contents(stack);
        for (String resource : before.keySet()) {
            if (!Objects.equals(before.get(resource), after.get(resource))) {
                throw new AssertionError("Priming " + priming.function() + " changed " + resource + ": before "
                        + before.get(resource) + ", after " + after.get(resource));
            }
        }
        priming.afterRestore(null);
        return priming;
    }

    /** Every item of every table and every object (key and ETag) of every bucket, by logical id. */
    private static Map<String, Object> contents(TestStack stack) {
        Map<String, Object> contents = new LinkedHashMap<>();
        for (TableDefinition table : stack.template().tables()) {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            stack.dynamoDb().scanPaginator(r -> r.tableName(stack.tableName(table.logicalId())).consistentRead(true))
                    .items().forEach(items::add);
            contents.put(table.logicalId(), items);
        }
        for (BucketDefinition bucket : stack.template().buckets()) {
            List<String> objects = new ArrayList<>();
            stack.s3().listObjectsV2Paginator(r -> r.bucket(stack.bucketName(bucket.logicalId()))).contents()
                    .forEach((S3Object object) -> objects.add(object.key() + " " + object.eTag()));
            contents.put(bucket.logicalId(), objects);
        }
        return contents;
    }
}
