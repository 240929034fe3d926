package org.microcred.local.cognito;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The local user pool's accounts as a JSON file, so the people an organisation added survive a
 * restart of the local stack. Written whole after every change, through a temporary file and a
 * rename, so a stack killed mid-write leaves the previous version, not half of one.
 */
final class UserPoolFile {
    static final String NAME = "users.json";
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path file;

    UserPoolFile(Path directory) {
        this.file = directory.resolve(NAME);
    }

    List<LocalUser> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<StoredUser> stored = MAPPER.readValue(file.toFile(), new TypeReference<>() { });
            return stored.stream().map(StoredUser::toUser).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the local user pool from " + file, e);
        }
    }

    void save(Collection<LocalUser> users) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(NAME + ".tmp");
            MAPPER.writeValue(temporary.toFile(), users.stream().map(StoredUser::of).toList());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the local user pool to " + file, e);
        }
    }

    /** The file's shape: plain strings, so no Jackson time module is needed. */
    private record StoredUser(String username, String sub, Map<String, String> attributes, boolean enabled,
                              LocalUser.Status status, String createdAt) {
        static StoredUser of(LocalUser user) {
            return new StoredUser(user.username(), user.sub(), user.attributes(), user.enabled(), user.status(),
                    user.createdAt().toString());
        }

        LocalUser toUser() {
            return new LocalUser(username, sub, attributes, enabled, status, Instant.parse(createdAt));
        }
    }
}
