package org.clinicalsenate.commons.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainTextIsLeftAsIs() {
        assertThat(Csv.cell("Dr Amara Okafor")).isEqualTo("Dr Amara Okafor");
        assertThat(Csv.cell("")).isEmpty();
        assertThat(Csv.cell("2026-09-01")).isEqualTo("2026-09-01");
        assertThat(Csv.cell("Smith-Jones")).isEqualTo("Smith-Jones");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Csv.cell("Trustee, Wessex Heart Charity")).isEqualTo("\"Trustee, Wessex Heart Charity\"");
        assertThat(Csv.cell("The \"Better Births\" board")).isEqualTo("\"The \"\"Better Births\"\" board\"");
        assertThat(Csv.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(Csv.cell("line one\r\nline two")).isEqualTo("\"line one\r\nline two\"");
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        assertThat(Csv.cell("+44 1234")).isEqualTo("'+44 1234");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void aHeaderThenRowsWithABomAndCrlfLineEndsAndNullsAsEmptyCells() {
        byte[] csv = Csv.write(List.of("Name", "Note"), List.of(List.of("Dr Okafor", "Chair, council"),
                Arrays.asList("Peter Hughes", null)));

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFName,Note\r\nDr Okafor,\"Chair, council\"\r\nPeter Hughes,\r\n");
    }
}
