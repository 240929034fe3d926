package org.microcred.local.identity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The demo organisations and users the local identity provider knows, read from the classpath
 * ({@code <root>/organizations.json} and {@code <root>/users.json}).
 */
public final class DevDirectory {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final List<DevOrganization> organizations;
    private final List<DevUser> users;

    public DevDirectory(List<DevOrganization> organizations, List<DevUser> users) {
        this.organizations = List.copyOf(organizations);
        this.users = List.copyOf(users);
    }

    /** Reads the directory under a classpath folder such as {@code demo}; missing files mean nobody. */
    public static DevDirectory fromClasspath(String root) {
        return new DevDirectory(read(root + "/organizations.json", new TypeReference<>() { }),
                read(root + "/users.json", new TypeReference<>() { }));
    }

    private static <T> List<T> read(String resource, TypeReference<List<T>> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? List.of() : MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    public List<DevUser> users() {
        return users;
    }

    public List<DevOrganization> organizations() {
        return organizations;
    }

    public Optional<DevUser> user(String id) {
        return users.stream().filter(user -> user.id().equals(id)).findFirst();
    }

    /** The first demo user with the role in the organisation (for "sign in as an org-admin of X"). */
    public Optional<DevUser> firstWith(String group, String organizationId) {
        return users.stream()
                .filter(user -> user.roles().contains(group) && organizationId.equals(user.organizationId()))
                .findFirst();
    }

    public Optional<DevOrganization> organization(String id) {
        return organizations.stream().filter(organization -> organization.id().equals(id)).findFirst();
    }
}
