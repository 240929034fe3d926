package org.microcred.evidence.support;

import org.microcred.emulators.junit.PresignedRequests;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.microcred.emulators.junit.TestStack;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.evidence.EvidenceConfig;
import org.microcred.evidence.EvidenceHandler;
import org.microcred.evidence.service.UploadLimits;
import org.microcred.shared.config.FunctionEnvironment;

/**
 * The real handler against the emulators, with small upload limits so a test can go multipart
 * with a few MiB: above 6 MiB a file is sent in 5 MiB parts.
 */
public final class Fixture {
    public static final String REVIEW_LINK_KEY = "test-review-link-key-0123456789abcdef0123456789";
    public static final UploadLimits LIMITS = new UploadLimits(6 * UploadLimits.MIB, 5 * UploadLimits.MIB,
            100 * UploadLimits.MIB, Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(5), 50);

    public final TestStack stack;
    public final Seed seed;
    public final EvidenceHandler handler;
    public final FunctionEnvironment environment;

    public Fixture(TestStack stack) {
        this.stack = stack;
        this.seed = new Seed(stack);
        seed.microCredential(resource("fixtures/exit-tickets.json"));
        environment = stack.environment("EvidenceFunction").with(ReviewLinkKeys.LOCAL_REVIEW_LINK_KEY, REVIEW_LINK_KEY);
        handler = new EvidenceHandler(EvidenceHandler.services(EvidenceConfig.from(environment), environment, LIMITS));
    }

    public APIGatewayV2HTTPResponse call(Call call) {
        return handler.dispatch(call.event());
    }


    public static Map<String, Object> file(String requirementId, String fileName, String mediaType, byte[] bytes) {
        return Map.of("requirementId", requirementId, "kind", "file", "fileName", fileName, "mediaType", mediaType,
                "sizeBytes", bytes.length, "sha256", PresignedRequests.sha256(bytes));
    }

    public static Map<String, Object> text(String requirementId, String text) {
        return Map.of("requirementId", requirementId, "kind", "text", "text", text);
    }

    public static Map<String, Object> link(String requirementId, String url) {
        return Map.of("requirementId", requirementId, "kind", "link", "url", url);
    }

    public static String resource(String name) {
        try (InputStream in = Fixture.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
