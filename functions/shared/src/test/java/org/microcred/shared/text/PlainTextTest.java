package org.microcred.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {
    private static final List<String> LINE_BREAKING = List.of("Exit tickets\r\nBcc: all@example.org", "a\nb", "a\rb",
            "next\u0085line", "line\u2028separator", "para\u2029graph");

    @Test
    void isOneLine_acceptsPrintableTextInAnyScript() {
        assertThat(PlainText.isOneLine("Exit tickets: checking for understanding \u2014 caf\u00e9, \u65e5\u672c, \uD83D\uDE00"))
                .isTrue();
        assertThat(PlainText.isOneLine(null)).isTrue();
    }

    @Test
    void isOneLine_refusesLineBreaksSeparatorsAndControlCharacters() {
        for (String text : LINE_BREAKING) {
            assertThat(PlainText.isOneLine(text)).as(text).isFalse();
        }
        for (String text : List.of("tab\there", "nul\u0000", "escape\u001b[31m", "del\u007f", "lone \uD800 half")) {
            assertThat(PlainText.isOneLine(text)).as(text).isFalse();
        }
    }

    @Test
    void isMultiLine_acceptsLineBreaksAndTabsOnly() {
        assertThat(PlainText.isMultiLine("First paragraph.\r\n\r\nSecond,\tindented.\n")).isTrue();
        for (String text : List.of("nul\u0000", "bell\u0007", "escape\u001b[31m", "lone \uDC00 half")) {
            assertThat(PlainText.isMultiLine(text)).as(text).isFalse();
        }
    }
}
