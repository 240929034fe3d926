package org.microcred.enrollment.model;

import java.util.List;
import java.util.Locale;

/** An organisation's profile: its name (the sender of its emails) and its eligibility policy. */
public record Organization(String id, String name, EligibilityMode eligibility, List<String> emailDomains) {
    public Organization {
        emailDomains = emailDomains == null ? List.of()
                : emailDomains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * An organisation without a profile: only its own staff may enrol, and its id stands in for
     * its name. Safer than opening its micro-credentials to everyone.
     */
    public static Organization unknown(String id) {
        return new Organization(id, id, EligibilityMode.MEMBERS, List.of());
    }
}
