package org.microcred.emulators;

import com.fasterxml.jackson.databind.JsonNode;

/** An {@code AWS::S3::Bucket} from template.yaml: what the local S3 emulator must create. */
public record BucketDefinition(String logicalId, boolean versioned) {

    static BucketDefinition from(String logicalId, JsonNode properties) {
        String status = properties.path("VersioningConfiguration").path("Status").asText("");
        return new BucketDefinition(logicalId, "Enabled".equals(status));
    }
}
