package org.microcred.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.SnapStartHooks;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.evidence.support.Fixture;
import org.microcred.shared.snapstart.Priming;

/** The EvidenceFunction's SnapStart hooks, invoked as Lambda invokes them around a snapshot. */
@WithEmulators
class SnapStartPrimingTest {

    @Test
    void evidence_primesADownload_throughItsRoute_withoutWritingOrUploading(TestStack stack) {
        EvidenceHandler handler = new EvidenceHandler(stack.environment("EvidenceFunction")
                .with(ReviewLinkKeys.LOCAL_REVIEW_LINK_KEY, Fixture.REVIEW_LINK_KEY));

        Priming priming = SnapStartHooks.checkpointAndRestore(stack, handler);

        assertThat(priming.primed()).hasValue("GET /enrollments/{id}/artifacts/{artifactId}/download -> 404");
    }
}
