package org.microcred.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What AWS gives functions that the template cannot say locally: the API's own base URL
 * ({@code API_URL}, for links in emails) and, instead of the Secrets Manager secret, the
 * review-link HMAC key in {@code MICROCRED_REVIEW_LINK_KEY}. The key is random, kept in the data
 * directory next to the dev issuer's keys so links in old emails keep working after a restart.
 */
final class LocalSecrets {
    static final String REVIEW_LINK_KEY = "MICROCRED_REVIEW_LINK_KEY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String reviewLinkKey;

    private LocalSecrets(String reviewLinkKey) {
        this.reviewLinkKey = reviewLinkKey;
    }

    static LocalSecrets in(Optional<Path> identityDirectory) {
        return new LocalSecrets(identityDirectory.map(LocalSecrets::persistent).orElseGet(LocalSecrets::random));
    }

    /** The function's template environment with the local stand-ins applied. */
    Map<String, String> apply(Map<String, String> environment, URI apiBase) {
        Map<String, String> local = new LinkedHashMap<>(environment);
        if (local.containsKey("API_URL")) {
            String base = apiBase.toString();
            local.put("API_URL", base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        }
        if (local.containsKey("REVIEW_LINK_SECRET_ARN")) {
            local.put(REVIEW_LINK_KEY, reviewLinkKey);
        }
        return local;
    }

    private static String persistent(Path directory) {
        Path file = directory.resolve("review-link.key");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(directory);
            String key = random();
            Files.writeString(file, key + "\n");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write " + file, e);
        }
    }

    private static String random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
