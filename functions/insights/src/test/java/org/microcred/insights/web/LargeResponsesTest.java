package org.microcred.insights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.http.Problems;

class LargeResponsesTest {
    private static final String CSV = "text/csv; charset=utf-8";
    private static final String BIG = "row,learner,hours\r\n".repeat(2_000);

    @Test
    void smallBody_isSentAsIs() {
        var response = LargeResponses.respond(CSV, "a,b\r\n", Map.of(), true, 1_000, 5_000);

        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(response.getBody()).isEqualTo("a,b\r\n");
        assertThat(response.getHeaders()).doesNotContainKey("content-encoding");
    }

    @Test
    void largeBody_isGzippedWhenTheClientAcceptsIt() throws IOException {
        var response = LargeResponses.respond(CSV, BIG, Map.of("content-disposition", "attachment"), true, 1_000, 5_000);

        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(response.getHeaders()).containsEntry("content-encoding", "gzip")
                .containsEntry("content-disposition", "attachment").containsEntry("content-type", CSV);
        byte[] zipped = Base64.getDecoder().decode(response.getBody());
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(BIG);
        }
    }

    @Test
    void largeBodyThatCannotFit_isRefusedWithAProblemNamingTheWayOut() {
        assertThatThrownBy(() -> LargeResponses.respond(CSV, BIG, Map.of(), false, 1_000, 5_000))
                .isInstanceOfSatisfying(DomainException.class, problem -> {
                    assertThat(Problems.status(problem)).isEqualTo(422);
                    assertThat(problem.detail()).contains("shorter period");
                });
    }
}
