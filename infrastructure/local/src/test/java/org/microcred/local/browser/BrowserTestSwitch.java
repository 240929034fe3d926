package org.microcred.local.browser;

import org.junit.jupiter.api.Assumptions;

/**
 * The one way to leave the browser tests out: {@code MICROCRED_BROWSER_TESTS=skip} in the
 * environment or as a system property. Without it a machine that cannot run Chromium fails the
 * build with instructions, so a missing browser never passes unnoticed.
 */
final class BrowserTestSwitch {
    static final String NAME = "MICROCRED_BROWSER_TESTS";

    private BrowserTestSwitch() {
    }

    static boolean skipRequested() {
        String value = System.getProperty(NAME, System.getenv(NAME));
        return value != null && value.trim().equalsIgnoreCase("skip");
    }

    /** Skips the calling test when asked to, saying so in the report. */
    static void skipIfRequested() {
        Assumptions.assumeFalse(skipRequested(), NAME + "=skip: the browser test of the review page was skipped");
    }

    /** Fails with how to fix the machine, or skips when the switch is set. */
    static AssertionError unavailable(String reason) {
        Assumptions.assumeFalse(skipRequested(), NAME + "=skip: " + reason);
        return new AssertionError(reason + "\nThe browser test needs Debian's chromium and chromium-driver "
                + "(run infrastructure/local/browser/ensure-chromium.sh as root, or "
                + "'sudo apt-get install -y --no-install-recommends chromium chromium-driver') and Node.js 20.19+ "
                + "with npm. To leave the browser tests out, set " + NAME + "=skip.");
    }
}
