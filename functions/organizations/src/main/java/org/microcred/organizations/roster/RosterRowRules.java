package org.microcred.organizations.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.microcred.organizations.model.MemberRequest;
import org.microcred.organizations.service.MemberInput;
import org.microcred.organizations.service.MemberRules;
import org.microcred.records.organizations.RosterImportResult.Problem;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.identity.Role;

/**
 * One roster row as a member: the roles of its layout translated, then the same rules as
 * {@code POST /orgs/{orgId}/members} (address, names, roles, sourcedId), every problem named by
 * its column so the admin can fix the row in the spreadsheet.
 */
final class RosterRowRules {
    /** OneRoster roles an organisation's educators have, as the groups they become. */
    private static final Map<String, Role> ONE_ROSTER_ROLES = Map.of(
            "teacher", Role.LEARNER,
            "aide", Role.LEARNER,
            "administrator", Role.ORG_ADMIN);
    private static final List<String> COLUMN_ORDER = List.of(RosterCsv.EMAIL, RosterCsv.GIVEN_NAME,
            RosterCsv.FAMILY_NAME, RosterCsv.ROLE, RosterCsv.ROLES, RosterCsv.SOURCED_ID, RosterCsv.ENABLED_USER);
    private static final int MAX_EMAIL = 254;

    private RosterRowRules() {
    }

    /**
     * What one row says.
     *
     * @param input    the member it describes; null when the row is refused
     * @param email    the row's address (lower-cased) as the result reports it; null when the cell is empty
     * @param problems why the row is refused; empty when it is not
     */
    record Reading(MemberInput input, String email, List<Problem> problems) {
        boolean refused() {
            return !problems.isEmpty();
        }
    }

    static Reading read(RosterFormat format, RosterRow row) {
        List<Problem> problems = new ArrayList<>();
        List<String> groups = format == RosterFormat.ONE_ROSTER
                ? oneRosterRole(row.cell(RosterCsv.ROLE), problems)
                : plainRoles(row.cell(RosterCsv.ROLES), problems);
        Boolean active = enabled(row.cell(RosterCsv.ENABLED_USER), problems);
        MemberInput input = null;
        try {
            // A placeholder role when the row's own are wrong, so the other columns are checked too.
            input = MemberRules.input(new MemberRequest(row.cell(RosterCsv.EMAIL), row.cell(RosterCsv.GIVEN_NAME),
                    row.cell(RosterCsv.FAMILY_NAME), groups.isEmpty() ? List.of(Role.LEARNER.group()) : groups,
                    row.cell(RosterCsv.SOURCED_ID)));
        } catch (DomainException invalid) {
            invalid.errors().forEach(error -> problems.add(new Problem(column(error.field(), format), error.message())));
            if (invalid.errors().isEmpty()) {
                problems.add(new Problem("row", invalid.detail()));
            }
        }
        String email = input != null ? input.email() : shownEmail(row.cell(RosterCsv.EMAIL));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(problem -> order(problem.field())));
            return new Reading(null, email, List.copyOf(problems));
        }
        return new Reading(new MemberInput(input.email(), input.givenName(), input.familyName(), input.roles(),
                input.sourcedId(), active), email, List.of());
    }

    /** The address a row is known by when looking for the same person twice in one file. */
    static Optional<String> duplicateKey(RosterRow row) {
        String email = row.cell(RosterCsv.EMAIL).toLowerCase(Locale.ROOT);
        return email.isEmpty() ? Optional.empty() : Optional.of(email);
    }

    private static List<String> oneRosterRole(String value, List<Problem> problems) {
        if (value.isEmpty()) {
            problems.add(new Problem(RosterCsv.ROLE, "is required: teacher, aide or administrator"));
            return List.of();
        }
        Role role = ONE_ROSTER_ROLES.get(value.toLowerCase(Locale.ROOT));
        if (role == null) {
            problems.add(new Problem(RosterCsv.ROLE, "role " + shown(value) + " is not imported: only teacher and "
                    + "aide (as learners) and administrator (as org-admin) are"));
            return List.of();
        }
        return List.of(role.group());
    }

    private static List<String> plainRoles(String value, List<Problem> problems) {
        List<String> groups = new ArrayList<>();
        for (String token : value.split("[;,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            Optional<Role> role = Role.fromGroup(token.toLowerCase(Locale.ROOT))
                    .filter(MemberRules.ORGANIZATION_ROLES::contains);
            if (role.isEmpty()) {
                problems.add(new Problem(RosterCsv.ROLES, "must be learner, coach or org-admin (got " + shown(token)
                        + ")"));
            } else if (!groups.contains(role.get().group())) {
                groups.add(role.get().group());
            }
        }
        if (groups.isEmpty() && problems.stream().noneMatch(problem -> RosterCsv.ROLES.equals(problem.field()))) {
            problems.add(new Problem(RosterCsv.ROLES, "must name at least one of learner, coach, org-admin "
                    + "(e.g. learner;coach)"));
        }
        return problems.stream().anyMatch(problem -> RosterCsv.ROLES.equals(problem.field())) ? List.of() : groups;
    }

    private static Boolean enabled(String value, List<Problem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                problems.add(new Problem(RosterCsv.ENABLED_USER, "must be true or false (got " + shown(value) + ")"));
                yield null;
            }
        };
    }

    /** The member rules name fields as the JSON body does ({@code roles[0]}); a roster names its column. */
    private static String column(String field, RosterFormat format) {
        return field.startsWith("roles") ? format.roleColumn() : field;
    }

    private static int order(String field) {
        int position = COLUMN_ORDER.indexOf(field);
        return position < 0 ? COLUMN_ORDER.size() : position;
    }

    private static String shownEmail(String value) {
        if (value.isEmpty()) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.length() > MAX_EMAIL ? lower.substring(0, MAX_EMAIL) : lower;
    }

    private static String shown(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
