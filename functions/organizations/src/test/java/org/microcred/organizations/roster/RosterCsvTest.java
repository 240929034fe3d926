package org.microcred.organizations.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.microcred.shared.domain.FieldError;

/** Reading roster files: layouts, RFC 4180 quoting, line ends, the byte-order mark and encodings. */
class RosterCsvTest {

    private static RosterFile read(String text) {
        return RosterCsv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneRosterUsersCsv_readsTheColumnsThatMatter_andIgnoresTheRest() {
        RosterFile file = read("""
                sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
                t-001,active,2026-08-01T00:00:00Z,true,sch-1,teacher,mdelgado,,Maria,Delgado,,,Maria.Delgado@Riverbend.example,,,,,
                """);

        assertThat(file.format()).isEqualTo(RosterFormat.ONE_ROSTER);
        assertThat(file.rows()).singleElement().satisfies(row -> {
            assertThat(row.row()).isEqualTo(2);
            assertThat(row.cell("sourcedId")).isEqualTo("t-001");
            assertThat(row.cell("role")).isEqualTo("teacher");
            assertThat(row.cell("enabledUser")).isEqualTo("true");
            assertThat(row.cell("email")).isEqualTo("Maria.Delgado@Riverbend.example");
            assertThat(row.cells()).doesNotContainKeys("username", "grades", "status");
        });
    }

    @Test
    void plainForm_headerNamesIgnoreCase() {
        RosterFile file = read("EMAIL,GivenName,FAMILYNAME,Roles\nann@riverbend.example,Ann,Lee,learner;coach\n");

        assertThat(file.format()).isEqualTo(RosterFormat.PLAIN);
        assertThat(file.rows().get(0).cell("roles")).isEqualTo("learner;coach");
        assertThat(file.rows().get(0).cell("givenName")).isEqualTo("Ann");
    }

    @Test
    void quotedFields_keepCommasEscapedQuotesAndLineBreaks_andRowsAreNumberedAsInASpreadsheet() {
        RosterFile file = read("email,givenName,familyName,roles\r\n"
                + "a@x.example,\"Mary, Jo\",\"O\"\"Neil\",learner\r\n"
                + "b@x.example,\"Two\r\nLines\",Kim,coach\r\n"
                + "c@x.example,Cy,Park,learner\r\n");

        assertThat(file.rows()).extracting(RosterRow::row).containsExactly(2, 3, 4);
        assertThat(file.rows().get(0).cell("givenName")).isEqualTo("Mary, Jo");
        assertThat(file.rows().get(0).cell("familyName")).isEqualTo("O\"Neil");
        assertThat(file.rows().get(1).cell("givenName")).isEqualTo("Two\r\nLines");
        assertThat(file.rows().get(2).cell("email")).isEqualTo("c@x.example");
    }

    @Test
    void byteOrderMark_andCrlf_areAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "email,givenName,familyName,roles\r\nann@x.example,Ann,Lee,learner\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);

        RosterFile file = RosterCsv.read(bytes);

        assertThat(file.rows()).singleElement().satisfies(row -> assertThat(row.cell("email")).isEqualTo("ann@x.example"));
    }

    @Test
    void blankLines_areSkipped_butKeepTheRowNumbersOfWhatFollows() {
        RosterFile file = read("email,givenName,familyName,roles\n\na@x.example,A,B,learner\n,,,\nb@x.example,C,D,coach");

        assertThat(file.rows()).extracting(RosterRow::row).containsExactly(3, 5);
    }

    @Test
    void accentedNames_inUtf8_areReadAsWritten() {
        RosterFile file = read("email,givenName,familyName,roles\nzoe@x.example,Zoë,Nuñez-Ørsted,learner\n");

        assertThat(file.rows().get(0).cell("givenName")).isEqualTo("Zoë");
        assertThat(file.rows().get(0).cell("familyName")).isEqualTo("Nuñez-Ørsted");
    }

    @Test
    void headerWithoutEmail_isRefusedNamingTheColumn() {
        assertThatThrownBy(() -> read("givenName,familyName,roles\nAnn,Lee,learner\n"))
                .isInstanceOfSatisfying(RosterFileException.class, e -> assertThat(e.problems())
                        .extracting(FieldError::field).containsExactly("email"));
    }

    @Test
    void headerWithoutAnyRoleColumn_isRefusedNamingRoles() {
        assertThatThrownBy(() -> read("email,givenName,familyName\nann@x.example,Ann,Lee\n"))
                .isInstanceOfSatisfying(RosterFileException.class, e -> assertThat(e.problems())
                        .extracting(FieldError::field).containsExactly("roles"));
    }

    @Test
    void windows1252Bytes_areRefusedAsNotUtf8_namingTheLine() {
        byte[] latin1 = "email,givenName,familyName,roles\nzoe@x.example,Zo\u00eb,Lee,learner\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> RosterCsv.read(latin1))
                .isInstanceOfSatisfying(RosterFileException.class, e -> {
                    assertThat(e.problems()).extracting(FieldError::field).containsExactly("body");
                    assertThat(e.getMessage()).contains("not UTF-8").contains("line 2");
                });
    }

    @Test
    void replacementCharacters_areRefusedAsALostConversion() {
        assertThatThrownBy(() -> read("email,givenName,familyName,roles\nzoe@x.example,Zo\uFFFD,Lee,learner\n"))
                .isInstanceOfSatisfying(RosterFileException.class, e -> assertThat(e.problems())
                        .extracting(FieldError::field).containsExactly("body"));
    }

    @Test
    void quotedFieldThatNeverCloses_isRefusedNamingItsRow() {
        assertThatThrownBy(() -> read("email,givenName,familyName,roles\na@x.example,\"Ann,Lee,learner\nb@x.example,B,C,coach\n"))
                .isInstanceOf(RosterFileException.class).hasMessageContaining("row 2");
    }

    @Test
    void emptyFile_hasNoHeaderRow() {
        assertThatThrownBy(() -> read("")).isInstanceOf(RosterFileException.class).hasMessageContaining("no header row");
    }
}
