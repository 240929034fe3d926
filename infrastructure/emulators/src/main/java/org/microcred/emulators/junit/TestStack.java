package org.microcred.emulators.junit;

import java.util.Map;
import org.microcred.emulators.LocalEmulators;
import org.microcred.emulators.SamTemplate;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One test class's own copy of every table and bucket in template.yaml, on the JVM's shared
 * emulators. The names carry a prefix unique to the class, so test classes never see each
 * other's data; the resources are deleted when the class is done.
 */
public final class TestStack implements AutoCloseable {
    private final LocalEmulators emulators;
    private final SamTemplate template;
    private final String namePrefix;
    private final Map<String, String> physicalNames;

    TestStack(LocalEmulators emulators, SamTemplate template, String namePrefix) {
        this.emulators = emulators;
        this.template = template;
        this.namePrefix = namePrefix;
        this.physicalNames = Map.copyOf(emulators.createResources(template, namePrefix));
    }

    /**
     * The environment the function would get from template.yaml, pointing at this class's
     * tables and buckets and at the emulators: pass it to the handler's
     * {@code FunctionEnvironment} constructor.
     */
    public FunctionEnvironment environment(String functionLogicalId) {
        return FunctionEnvironment.of(emulators.functionEnvironment(template, functionLogicalId, physicalNames));
    }

    /** This class's physical name of a template table, e.g. {@code t3-CatalogStoreTest-CatalogTable}. */
    public String tableName(String logicalId) {
        return physicalNames.get(template.table(logicalId).logicalId());
    }

    /** This class's physical name of a template bucket (lower-case). */
    public String bucketName(String logicalId) {
        boolean known = template.buckets().stream().anyMatch(bucket -> bucket.logicalId().equals(logicalId));
        if (!known) {
            throw new IllegalArgumentException("template.yaml has no bucket " + logicalId);
        }
        return physicalNames.get(logicalId);
    }

    /** Physical name by logical id, for every table and bucket. */
    public Map<String, String> physicalNames() {
        return physicalNames;
    }

    public String namePrefix() {
        return namePrefix;
    }

    public DynamoDbClient dynamoDb() {
        return emulators.dynamoDb();
    }

    public S3Client s3() {
        return emulators.s3();
    }

    public LocalEmulators emulators() {
        return emulators;
    }

    public SamTemplate template() {
        return template;
    }

    @Override
    public void close() {
        emulators.deleteResources(template, physicalNames);
    }
}
