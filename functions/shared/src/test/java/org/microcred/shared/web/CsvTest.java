package org.microcred.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cell_quotesCommasQuotesAndLineBreaks() {
        assertThat(Csv.cell("Feedback, that works")).isEqualTo("\"Feedback, that works\"");
        assertThat(Csv.cell("The \"best\" one")).isEqualTo("\"The \"\"best\"\" one\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("plain")).isEqualTo("plain");
    }

    @Test
    void cell_defusesTextASpreadsheetWouldRunAsAFormula() {
        assertThat(Csv.cell("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
    }

    @Test
    void cell_writesNumbersAsNumbers() {
        assertThat(Csv.cell(3.0)).isEqualTo("3");
        assertThat(Csv.cell(1.5)).isEqualTo("1.5");
        assertThat(Csv.cell(-2L)).isEqualTo("-2");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void document_startsWithABomAndEndsLinesWithCrLf() {
        assertThat(new Csv(List.of("a", "b")).row("x", 1).toString()).isEqualTo("\uFEFFa,b\r\nx,1\r\n");
    }

    @Test
    void utf8_isTheDocumentsUtf8Bytes_markIncluded_evenWhereAPieceEndsInsideACharacter() throws Exception {
        Csv csv = new Csv(List.of("name", "hours")).row("Zoë Ørsted", 1.5).row("李小龍", 3.0);
        // Long enough for several pieces, with a two-char emoji across every possible piece boundary.
        for (int i = 0; i < 40_000; i++) {
            csv.row("\uD83D\uDE00 é " + i, i);
        }
        var bytes = new java.io.ByteArrayOutputStream();

        csv.writeUtf8(bytes);

        assertThat(bytes.toByteArray()).isEqualTo(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
