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
 * Demo organisations and users read from the classpath ({@code <root>/organizations.json} and
 * {@code <root>/users.json}). With the repository's template these are only the demo data that
 * is loaded through the API (the people who sign in are then {@link PoolMembers}); a template
 * without organisation administration (the local stack's own plumbing tests) signs them in as
 * they are written.
 */
public final class DevDirectory implements DevUsers {
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

    @Override
    public List<DevUser> users() {
        return users;
    }

    public List<DevOrganization> organizations() {
        return organizations;
    }

    @Override
    public Optional<String> organizationName(String organizationId) {
        return organization(organizationId).map(DevOrganization::name);
    }

    public Optional<DevOrganization> organization(String id) {
        return organizations.stream().filter(organization -> organization.id().equals(id)).findFirst();
    }
}
