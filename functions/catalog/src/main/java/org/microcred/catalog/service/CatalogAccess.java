package org.microcred.catalog.service;

import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/** Who may author the catalogue: the one place this function decides it before reading a request. */
public final class CatalogAccess {
    private CatalogAccess() {
    }

    /**
     * An org admin or a platform admin. Checked before the body is read, so a learner sending a
     * broken document is told they may not, not how to fix it.
     */
    public static void requireAuthor(Caller caller) {
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            caller.require(Role.ORG_ADMIN);
        }
    }
}
