package org.microcred.organizations.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.microcred.organizations.model.MemberPatch;
import org.microcred.organizations.model.MemberRequest;
import org.microcred.shared.identity.Role;

/** Validation of member bodies: the roles an organisation can give, names, addresses. */
public final class MemberRules {
    /** Platform administration is not an organisation's to give. */
    public static final Set<Role> ORGANIZATION_ROLES = EnumSet.of(Role.LEARNER, Role.COACH, Role.ORG_ADMIN);

    private MemberRules() {
    }

    public static MemberInput input(MemberRequest request) {
        FieldRules rules = new FieldRules();
        String email = rules.email("email", request.email());
        String given = rules.line("givenName", request.givenName(), 100);
        String family = rules.line("familyName", request.familyName(), 100);
        Set<Role> roles = roles(rules, "roles", request.roles(), true);
        String sourcedId = rules.optionalLine("sourcedId", request.sourcedId(), 256);
        rules.throwIfAny();
        return new MemberInput(email, given, family, roles, sourcedId, null);
    }

    /**
     * Someone who holds no role in an organisation (a platform administrator): the address and
     * names, checked as a member's are.
     */
    public static MemberInput person(String email, String givenName, String familyName) {
        FieldRules rules = new FieldRules();
        String address = rules.email("email", email);
        String given = rules.line("givenName", givenName, 100);
        String family = rules.line("familyName", familyName, 100);
        rules.throwIfAny();
        return new MemberInput(address, given, family, Set.of(), null, null);
    }

    /** The patch's fields that are present, validated; absent ones stay null. */
    static MemberPatch patch(MemberPatch patch) {
        FieldRules rules = new FieldRules();
        String given = patch.givenName() == null ? null : rules.line("givenName", patch.givenName(), 100);
        String family = patch.familyName() == null ? null : rules.line("familyName", patch.familyName(), 100);
        if (patch.roles() != null) {
            roles(rules, "roles", patch.roles(), true);
        }
        if (patch.givenName() == null && patch.familyName() == null && patch.roles() == null && patch.active() == null) {
            rules.add("body", "must change at least one of givenName, familyName, roles, active");
        }
        rules.throwIfAny();
        return new MemberPatch(given, family, patch.roles(), patch.active());
    }

    static Set<Role> roles(List<String> groups) {
        FieldRules rules = new FieldRules();
        Set<Role> roles = roles(rules, "roles", groups, true);
        rules.throwIfAny();
        return roles;
    }

    private static Set<Role> roles(FieldRules rules, String field, List<String> groups, boolean required) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (groups == null || groups.isEmpty()) {
            if (required) {
                rules.add(field, "must name at least one of learner, coach, org-admin");
            }
            return roles;
        }
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i);
            Role role = group == null ? null : Role.fromGroup(group).orElse(null);
            if (role == null || !ORGANIZATION_ROLES.contains(role)) {
                rules.add(field + "[" + i + "]", "must be one of learner, coach, org-admin (got " + quoted(group) + ")");
            } else {
                roles.add(role);
            }
        }
        return roles;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
