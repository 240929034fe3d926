package org.microcred.records.learning.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void downloadName_keepsOnlyTheLastSegment_withoutControlCharacters() {
        assertThat(FileNames.downloadName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.downloadName("C:\\Users\\maria\\plan.pdf")).isEqualTo("plan.pdf");
        assertThat(FileNames.downloadName("plan\r\n\u0000\u202e.pdf")).isEqualTo("plan.pdf");
        assertThat(FileNames.downloadName("../")).isEqualTo("evidence");
    }

    @Test
    void downloadName_whenVeryLong_keepsTheEndWithTheExtension() {
        String name = FileNames.downloadName("a".repeat(296) + ".mp4");

        assertThat(name).hasSize(150).endsWith(".mp4");
    }

    @Test
    void contentDisposition_quotesNothingAUserCanBreakOutOf() {
        String header = FileNames.contentDisposition("Plan \"final\"; évaluation%.pdf");

        assertThat(header).isEqualTo("attachment; filename=\"Plan _final__ _valuation_.pdf\"; "
                + "filename*=UTF-8''Plan%20%22final%22%3B%20%C3%A9valuation%25.pdf");
    }
}
