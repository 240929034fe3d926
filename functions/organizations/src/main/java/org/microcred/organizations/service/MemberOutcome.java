package org.microcred.organizations.service;

import org.microcred.records.organizations.Membership;

/**
 * What adding or updating one person did (or, in a dry run, would do).
 *
 * @param member the membership as it is now (for a dry-run creation: as it would be, without a user id)
 */
public record MemberOutcome(Kind kind, Membership member) {

    public enum Kind {
        CREATED("created"), UPDATED("updated"), UNCHANGED("unchanged");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }
}
