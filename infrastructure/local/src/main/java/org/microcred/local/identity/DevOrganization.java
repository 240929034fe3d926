package org.microcred.local.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An organisation of the demo data ({@code demo/organizations.json}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DevOrganization(String id, String name, List<String> emailDomains) {
    public DevOrganization {
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
    }
}
