package org.microcred.local.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the package's {@code ensure-chromium.sh}: returns at once when Debian's Chromium is
 * there, otherwise installs it with apt-get (the first run on a fresh machine).
 */
final class ChromiumInstall {
    /** A first install downloads ~100 MB of packages; later runs take a fraction of a second. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private ChromiumInstall() {
    }

    /** The installed Chromium's version line. */
    static String ensure(Path packageDirectory) {
        ProcessRun.Result result = ProcessRun.run(List.of("bash", "ensure-chromium.sh"), packageDirectory, Map.of(),
                null, TIMEOUT);
        if (!result.succeeded()) {
            throw BrowserTestSwitch.unavailable("Chromium is not installed and ensure-chromium.sh could not install it:\n"
                    + result.stderr().strip());
        }
        return result.stdout().strip();
    }
}
