package org.microcred.organizations.roster;

/** The two roster layouts an import reads, told apart by the header row. */
enum RosterFormat {
    /**
     * A OneRoster 1.2 {@code users.csv}: one {@code role} per person (teacher and aide become
     * learners, administrator becomes org-admin), {@code enabledUser}, {@code sourcedId}; the
     * other OneRoster columns are ignored.
     */
    ONE_ROSTER("role"),
    /** {@code email,givenName,familyName,roles} with roles such as {@code learner;coach}. */
    PLAIN("roles");

    private final String roleColumn;

    RosterFormat(String roleColumn) {
        this.roleColumn = roleColumn;
    }

    /** The column the roles are read from, named in row errors. */
    String roleColumn() {
        return roleColumn;
    }
}
