package org.microcred.local.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A person of the demo data ({@code demo/users.json}) who can be signed in locally. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DevUser(String id, String email, String name, String organizationId, List<String> roles) {
    public DevUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
