package uk.chorus.web;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {
    @Test
    void cellsASpreadsheetWouldRunAreWrittenAsText() {
        assertThat(CsvWriter.safe("=HYPERLINK(\"http://evil.example\",\"Click\")")).startsWith("'=");
        assertThat(CsvWriter.safe("+44 7700 900123")).isEqualTo("'+44 7700 900123");
        assertThat(CsvWriter.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvWriter.safe("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
        assertThat(CsvWriter.safe("  =1+1")).isEqualTo("'  =1+1");
        assertThat(CsvWriter.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvWriter.safe("\uFF1D1+1")).startsWith("'");
        // Plain numbers and ordinary words stay as they are.
        assertThat(CsvWriter.safe("-3")).isEqualTo("-3");
        assertThat(CsvWriter.safe("12.5")).isEqualTo("12.5");
        assertThat(CsvWriter.safe("Riverside Youth Club")).isEqualTo("Riverside Youth Club");
        assertThat(CsvWriter.safe("")).isEmpty();
        assertThat(CsvWriter.safe(null)).isEmpty();
    }

    @Test
    void quotingIsRfc4180() throws java.io.IOException {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row("a,b", "say \"hi\"", 3).row("=cmd|' /C calc'!A0");
        }
        var records = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(out.toString())).getRecords();
        assertThat(records.get(0).toList()).containsExactly("a,b", "say \"hi\"", "3");
        assertThat(records.get(1).get(0)).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(out.toString()).startsWith("\"a,b\",\"say \"\"hi\"\"\",3\r\n");
    }
}
