package org.microcred.evidence.service;

import java.time.Duration;

/**
 * Sizes and lifetimes of uploads. Above {@code multipartThresholdBytes} a file goes up in parts of
 * {@code partSizeBytes} (S3 wants at least 5 MiB per part but the last); up to
 * {@code checksumThresholdBytes} the function reads a stored file back to check its SHA-256.
 *
 * <p>A single PUT URL lives {@code uploadExpiry} (5 minutes by default): the browser starts the
 * upload as soon as the declaration answers, and S3 checks the expiry when a request starts, so a
 * slow upload that started in time still finishes. Part URLs live {@code partUploadExpiry} (15
 * minutes), because later parts start later. Neither lifetime guards what a coach sees: confirmed
 * files are served from their sealed copy, which no URL can write.
 */
public record UploadLimits(long multipartThresholdBytes, long partSizeBytes, long checksumThresholdBytes,
                           Duration uploadExpiry, Duration partUploadExpiry, Duration downloadExpiry,
                           int maxArtifactsPerAttempt) {
    public static final long MIB = 1024L * 1024L;
    public static final long MIN_PART_SIZE = 5 * MIB;

    public UploadLimits {
        if (partSizeBytes < MIN_PART_SIZE) {
            throw new IllegalArgumentException("Parts must have at least 5 MiB");
        }
    }

    public static UploadLimits defaults() {
        return new UploadLimits(100 * MIB, 64 * MIB, 100 * MIB, Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofMinutes(5), 50);
    }
}
