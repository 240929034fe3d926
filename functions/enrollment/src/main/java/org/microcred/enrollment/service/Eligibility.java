package org.microcred.enrollment.service;

import java.util.Locale;
import org.microcred.enrollment.model.EligibilityMode;
import org.microcred.enrollment.model.Organization;
import org.microcred.shared.domain.Forbidden;

/**
 * Who may enrol in an organisation's micro-credentials, under the policy of the organisation
 * that offers them: its own staff, its staff plus email domains it names, or anyone.
 */
public final class Eligibility {
    private Eligibility() {
    }

    /**
     * @param organizationId the person's organisation (a caller's {@code custom:orgId} claim, a
     *                       colleague's member entry), may be null
     * @param email the person's address, may be null
     */
    public static boolean allows(Organization offeredBy, String organizationId, String email) {
        boolean member = offeredBy.id().equals(organizationId);
        return switch (offeredBy.eligibility()) {
            case ANYONE -> true;
            case MEMBERS -> member;
            case EMAIL_DOMAINS -> member || offeredBy.emailDomains().contains(domainOf(email));
        };
    }

    /** @throws Forbidden saying who the micro-credential is for */
    public static void require(Organization offeredBy, String organizationId, String email) {
        if (!allows(offeredBy, organizationId, email)) {
            throw new Forbidden("not-eligible", "Not eligible", whoItIsFor(offeredBy));
        }
    }

    /** "This micro-credential is for staff of Riverbend Unified School District." */
    public static String whoItIsFor(Organization offeredBy) {
        if (offeredBy.eligibility() == EligibilityMode.EMAIL_DOMAINS && !offeredBy.emailDomains().isEmpty()) {
            return "This micro-credential is for staff of " + offeredBy.name()
                    + " and educators with an email address at " + String.join(" or ", offeredBy.emailDomains()) + ".";
        }
        if (offeredBy.eligibility() == EligibilityMode.ANYONE) {
            return "This micro-credential is open to every educator.";
        }
        return "This micro-credential is for staff of " + offeredBy.name() + ".";
    }

    static String domainOf(String email) {
        if (email == null) {
            return "";
        }
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT).strip();
    }
}
