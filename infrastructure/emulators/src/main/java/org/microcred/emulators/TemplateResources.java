package org.microcred.emulators;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Creates the template's tables and buckets on the emulators. Existing ones are kept, so a
 * persistent local stack restarts with its data.
 */
final class TemplateResources {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateResources.class);

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;

    TemplateResources(DynamoDbClient dynamoDb, S3Client s3) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
    }

    Map<String, String> create(SamTemplate template, String namePrefix) {
        Map<String, String> physicalNames = new LinkedHashMap<>();
        for (TableDefinition table : template.tables()) {
            String name = PhysicalNames.table(namePrefix, table.logicalId());
            createTable(table, name);
            physicalNames.put(table.logicalId(), name);
        }
        for (BucketDefinition bucket : template.buckets()) {
            String name = PhysicalNames.bucket(namePrefix, bucket.logicalId());
            createBucket(bucket, name);
            physicalNames.put(bucket.logicalId(), name);
        }
        return physicalNames;
    }

    private void createTable(TableDefinition table, String name) {
        // ListTables rather than a failing DescribeTable: DynamoDB Local logs a stack trace for the latter.
        if (existingTables().contains(name)) {
            warnIfDifferent(table, dynamoDb.describeTable(request -> request.tableName(name)).table());
            return;
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(table.keySchema())
                .attributeDefinitions(table.attributeDefinitions());
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes());
        }
        table.streamViewType().ifPresent(view -> request.streamSpecification(
                StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()));
        dynamoDb.createTable(request.build());
    }

    /** A kept table from an older template would fail queries confusingly; say so up front. */
    private static void warnIfDifferent(TableDefinition table, TableDescription existing) {
        Set<String> expected = table.globalSecondaryIndexes().stream()
                .map(index -> index.indexName()).collect(Collectors.toSet());
        Set<String> actual = existing.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
        boolean streamExpected = table.hasStream();
        boolean streamActual = existing.streamSpecification() != null
                && Boolean.TRUE.equals(existing.streamSpecification().streamEnabled());
        if (!expected.equals(actual) || streamExpected != streamActual) {
            LOG.warn("Table {} was created from an older template (indexes {}, stream {}; the template wants {}, {})."
                    + " Restart with --reset to recreate it.", existing.tableName(), actual, streamActual,
                    expected, streamExpected);
        }
    }

    private void createBucket(BucketDefinition bucket, String name) {
        try {
            s3.headBucket(request -> request.bucket(name));
            return;
        } catch (NoSuchBucketException absent) {
            LOG.debug("Creating bucket {}", name);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        s3.createBucket(request -> request.bucket(name));
        if (bucket.versioned()) {
            LOG.debug("Bucket {} is unversioned locally: S3Proxy 2.6 answers 501 to PutBucketVersioning", name);
        }
    }

    private Set<String> existingTables() {
        Set<String> names = new HashSet<>();
        dynamoDb.listTablesPaginator(ListTablesRequest.builder().build()).tableNames().forEach(names::add);
        return names;
    }

    /** Deletes tables and (emptied) buckets: a test class's own resources when it ends. */
    void delete(Map<String, String> physicalNames, SamTemplate template) {
        Set<String> existing = existingTables();
        for (TableDefinition table : template.tables()) {
            String name = physicalNames.get(table.logicalId());
            if (existing.contains(name)) {
                dynamoDb.deleteTable(request -> request.tableName(name));
            }
        }
        for (BucketDefinition bucket : template.buckets()) {
            emptyAndDelete(physicalNames.get(bucket.logicalId()));
        }
    }

    private void emptyAndDelete(String bucket) {
        try {
            s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents()
                    .forEach(object -> s3.deleteObject(request -> request.bucket(bucket).key(object.key())));
            s3.deleteBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException alreadyGone) {
            LOG.debug("Bucket {} was already deleted", bucket);
        }
    }
}
