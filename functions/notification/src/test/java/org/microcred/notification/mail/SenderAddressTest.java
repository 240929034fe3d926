package org.microcred.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.microcred.notification.support.EncodedWords;

class SenderAddressTest {
    private static final String FROM = "no-reply@microcred.example";

    @Test
    void asciiName_isAQuotedDisplayName() {
        assertThat(SenderAddress.format("Riverbend Unified", FROM)).isEqualTo("\"Riverbend Unified\" <no-reply@microcred.example>");
    }

    @Test
    void quotesAndBackslashes_areEscaped() {
        assertThat(SenderAddress.format("St. Mary's \"North\" \\ South", FROM))
                .isEqualTo("\"St. Mary's \\\"North\\\" \\\\ South\" <no-reply@microcred.example>");
    }

    @Test
    void lineBreaksInTheName_cannotAddHeaders() {
        assertThat(SenderAddress.format("Riverbend\r\nBcc: someone@elsewhere.example\t", FROM))
                .isEqualTo("\"Riverbend Bcc: someone@elsewhere.example\" <no-reply@microcred.example>");
    }

    @Test
    void blankName_sendsFromTheBareAddress() {
        assertThat(SenderAddress.format(" \n ", FROM)).isEqualTo(FROM);
        assertThat(SenderAddress.format(null, FROM)).isEqualTo(FROM);
    }

    @Test
    void nonAsciiName_isEncodedWordsThatDecodeToTheName() {
        String from = SenderAddress.format("Collège Saint-Éloi", FROM);

        assertThat(from).isEqualTo("=?UTF-8?B?Q29sbMOoZ2UgU2FpbnQtw4lsb2k=?= <no-reply@microcred.example>");
        assertThat(EncodedWords.decode(from)).isEqualTo("Collège Saint-Éloi");
    }

    @Test
    void longNonAsciiName_isSplitIntoShortWordsBetweenCharacters() {
        String name = "Équipe pédagogique du réseau d'écoles 🎓 Région Île-de-France 🎓 Académie de Créteil";

        String from = SenderAddress.format(name, FROM);

        // Each word must decode on its own: a UTF-8 sequence cut in two would show as U+FFFD.
        assertThat(EncodedWords.words(from)).hasSizeGreaterThan(1).allSatisfy(word -> {
            assertThat(word.length()).isLessThanOrEqualTo(75);
            assertThat(EncodedWords.decode(word)).doesNotContain("\uFFFD");
        });
        assertThat(EncodedWords.decode(from)).isEqualTo(name);
        assertThat(from).endsWith("?= <no-reply@microcred.example>");
    }
}
