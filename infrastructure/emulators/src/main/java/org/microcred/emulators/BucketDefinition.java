package org.microcred.emulators;

import com.fasterxml.jackson.databind.JsonNode;

/** An {@code AWS::S3::Bucket} from template.yaml: what the local S3 emulator must create. */
public record BucketDefinition(String logicalId, boolean versioned) {

    /**
     * @throws IllegalArgumentException for a bucket with ACLs enabled: the local S3 refuses ACLs on
     *         every bucket ({@link AclsDisabled}), as AWS does for BucketOwnerEnforced, its default
     */
    static BucketDefinition from(String logicalId, JsonNode properties) {
        String status = properties.path("VersioningConfiguration").path("Status").asText("");
        for (JsonNode rule : properties.path("OwnershipControls").path("Rules")) {
            String ownership = rule.path("ObjectOwnership").asText("BucketOwnerEnforced");
            if (!"BucketOwnerEnforced".equals(ownership)) {
                throw new IllegalArgumentException("Bucket " + logicalId + " has ObjectOwnership " + ownership
                        + " (ACLs enabled); the local S3 only emulates BucketOwnerEnforced buckets");
            }
        }
        return new BucketDefinition(logicalId, "Enabled".equals(status));
    }
}
