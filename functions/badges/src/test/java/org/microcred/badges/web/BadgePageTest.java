package org.microcred.badges.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the page turns the issuer's plain-text criteria into HTML. */
class BadgePageTest {
    @Test
    void blocks_turnDashLinesIntoAnEscapedList() {
        String html = BadgePage.blocks("Competency: <b>feedback</b>\n\nEvidence:\n\n- Samples & notes\n- Reflection");

        assertThat(html).isEqualTo("<p>Competency: &lt;b&gt;feedback&lt;/b&gt;</p>\n<p>Evidence:</p>\n"
                + "<ul>\n<li>Samples &amp; notes</li>\n<li>Reflection</li>\n</ul>\n");
    }

    @Test
    void blocks_keepMixedLinesAsAParagraph() {
        assertThat(BadgePage.blocks("First line\n- not a list")).isEqualTo("<p>First line<br>- not a list</p>\n");
    }
}
