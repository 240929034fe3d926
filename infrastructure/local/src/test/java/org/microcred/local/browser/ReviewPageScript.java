package org.microcred.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code review-page.mjs}: a coach's choices in, what the browser saw out. The script
 * clicks and types through the page in headless Chromium; screenshots land in
 * {@code target/browser} (failure.png when it fails).
 */
final class ReviewPageScript {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BrowserPackage browser;
    private final Path artifacts = Path.of("target", "browser").toAbsolutePath();

    ReviewPageScript(BrowserPackage browser) {
        this.browser = browser;
    }

    /**
     * The coach's choices, by the names a person reads on the page (criterion legend to level
     * name). {@code refusedFirst}, when not empty, overrides some levels for a first try that the
     * page must refuse before the coach corrects them.
     */
    record Choices(String url, Map<String, String> levels, Map<String, String> refusedFirst,
                   Map<String, String> criterionFeedback, String feedback, String outcome) {
    }

    /** Decides through the page (after the refused first try, if any), then opens the link again. */
    JsonNode decide(Choices choices) {
        ObjectNode input = MAPPER.valueToTree(choices);
        input.remove("refusedFirst");
        if (!choices.refusedFirst().isEmpty()) {
            input.putObject("refusedFirst").set("levels", MAPPER.valueToTree(choices.refusedFirst()));
        }
        input.put("reopen", true).put("artifactsDir", artifacts.toString());
        ProcessRun.Result result = ProcessRun.run(List.of("node", "review-page.mjs"), browser.directory(), Map.of(),
                input.toString(), TIMEOUT);
        if (!result.succeeded()) {
            throw new AssertionError("The browser could not decide through the review page (screenshots in "
                    + artifacts + "):\n" + result.describe());
        }
        try {
            JsonNode seen = MAPPER.readTree(result.stdout());
            System.out.println("review-page.mjs took (ms): " + seen.path("timingsMs"));
            return seen;
        } catch (IOException e) {
            throw new AssertionError("review-page.mjs printed no JSON:\n" + result.describe(), e);
        }
    }
}
