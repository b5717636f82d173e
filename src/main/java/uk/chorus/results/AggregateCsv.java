package uk.chorus.results;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import uk.chorus.web.CsvWriter;
import uk.chorus.web.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A survey's results as one row per question, group and answer, with disclosure control
 * applied: a withheld count or percentage is written "[c]", as in the tables, and the last rows
 * say what that means. Only ever written from suppressed results. The same rows go out as CSV and
 * as a spreadsheet (XLSX), so the two can never disagree.
 */
final class AggregateCsv {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String SHEET = "Results";

    private AggregateCsv() {
    }

    static String write(SurveyResults results, Messages messages) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(out)) {
            for (List<String> row : rows(results, messages)) {
                csv.row(row);
            }
        }
        return out.toString();
    }

    /**
     * The same rows in one worksheet: figures as numbers (so a spreadsheet can add them up), "[c]"
     * and every word as text cells, which a spreadsheet never runs as a formula.
     */
    static byte[] xlsx(SurveyResults results, Messages messages) {
        List<List<String>> rows = rows(results, messages);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Chorus", "1.0");
            Worksheet sheet = workbook.newWorksheet(SHEET);
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    String value = row.get(c);
                    // Only the figures' columns hold numbers; a question key or answer code stays text.
                    if (r > 0 && c >= FIRST_FIGURE && NUMBER.matcher(value).matches()) {
                        sheet.value(r, c, new BigDecimal(value));
                    } else {
                        sheet.value(r, c, value);
                    }
                }
            }
            sheet.range(0, 0, 0, HEADER.size() - 1).style().bold().set();
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final List<String> HEADER = List.of("survey", "question_key", "question", "filter", "group_by",
            "group", "answer_code", "answer", "count", "percent", "base", "weighted", "asked", "answered", "skipped",
            "dont_know_or_prefer_not");
    private static final int FIRST_FIGURE = HEADER.indexOf("count");

    static List<List<String>> rows(SurveyResults results, Messages messages) {
        if (!results.suppressed()) {
            throw new IllegalArgumentException("Aggregates leave the service only with disclosure control applied");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (QuestionResult question : results.questions()) {
            for (int r = 0; r < question.rows().size(); r++) {
                QuestionResult.Row row = question.rows().get(r);
                // Unknown (not withheld) is an empty field; withheld is "[c]", as in the tables.
                Reach.Row reach = r < question.reach().size() ? question.reach().get(r) : null;
                for (int c = 0; c < question.columns().size(); c++) {
                    QuestionResult.Column column = question.columns().get(c);
                    QuestionResult.Cell cell = row.cells().get(c);
                    rows.add(List.of(results.surveyId(), question.key(), question.text(),
                            results.onlyLabel() == null ? "" : results.onlyLabel(),
                            results.byLabel() == null ? "" : results.byLabel(), row.label(), column.code(),
                            column.label(), cell.suppressed() ? Figures.SUPPRESSED : String.valueOf(cell.count()),
                            cell.suppressed() ? Figures.SUPPRESSED : cell.percent() == null ? ""
                                    : String.format(java.util.Locale.ROOT, "%.1f", cell.percent()),
                            row.base() == null ? Figures.SUPPRESSED : String.valueOf(row.base()),
                            results.weightedBy() == null ? "no" : "yes",
                            reach == null ? "" : plain(reach.asked(), reach.askedText()),
                            reach == null ? "" : plain(reach.answered(), reach.answeredText()),
                            reach == null ? "" : plain(reach.skipped(), reach.skippedText()),
                            reach == null ? "" : plain(reach.noView(), reach.noViewText())));
                }
            }
        }
        rows.add(List.of("note", messages.get("results.note.c", results.smallestGroup())
                + (results.rounded() ? " " + messages.get("results.published.rounded") : "")));
        // Whether each reworded question was compared, and on whose decision, travels with the figures.
        if (results.oneYearOn() != null) {
            for (Comparisons.QuestionComparison compared : results.oneYearOn().questions()) {
                String why = compared.decision() != null ? compared.decision() : compared.difference();
                if (why != null) {
                    rows.add(List.of("note", compared.key() + ": " + why));
                }
            }
        }
        return rows;
    }

    private static String plain(Long count, String text) {
        return count != null ? String.valueOf(count) : text.isEmpty() ? "" : Figures.SUPPRESSED;
    }
}
