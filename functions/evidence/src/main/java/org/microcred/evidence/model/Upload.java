package org.microcred.evidence.model;

import java.util.List;
import java.util.Map;

/**
 * How the browser sends a declared file straight to storage: one presigned PUT, or for a large
 * file one presigned PUT per part. The signatures cover type and length, so nothing else fits.
 */
public record Upload(String method, String url, Map<String, String> headers, String expiresAt,
                     Long partSizeBytes, List<Part> parts) {
    public record Part(int partNumber, String url, long sizeBytes) {
    }
}
