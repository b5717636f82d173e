package uk.chorus.results;

import uk.chorus.web.CsvWriter;
import uk.chorus.web.Messages;

import java.io.StringWriter;

/**
 * A survey's results as one CSV row per question, group and answer, with disclosure control
 * applied: a withheld count or percentage is written "[c]", as in the tables, and the last row
 * says what that means. Only ever written from suppressed results.
 */
final class AggregateCsv {
    private AggregateCsv() {
    }

    static String write(SurveyResults results, Messages messages) {
        if (!results.suppressed()) {
            throw new IllegalArgumentException("Aggregates leave the service only with disclosure control applied");
        }
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row("survey", "question_key", "question", "filter", "group_by", "group", "answer_code", "answer",
                    "count", "percent", "base", "weighted", "asked", "answered", "skipped", "dont_know_or_prefer_not");
            for (QuestionResult question : results.questions()) {
                for (int r = 0; r < question.rows().size(); r++) {
                    QuestionResult.Row row = question.rows().get(r);
                    // Unknown (not withheld) is an empty field; withheld is "[c]", as in the tables.
                    Reach.Row reach = r < question.reach().size() ? question.reach().get(r) : null;
                    for (int c = 0; c < question.columns().size(); c++) {
                        QuestionResult.Column column = question.columns().get(c);
                        QuestionResult.Cell cell = row.cells().get(c);
                        csv.row(results.surveyId(), question.key(), question.text(),
                                results.onlyLabel() == null ? "" : results.onlyLabel(),
                                results.byLabel() == null ? "" : results.byLabel(), row.label(), column.code(),
                                column.label(), cell.suppressed() ? Figures.SUPPRESSED : String.valueOf(cell.count()),
                                cell.suppressed() ? Figures.SUPPRESSED : cell.percent() == null ? ""
                                        : String.format(java.util.Locale.ROOT, "%.1f", cell.percent()),
                                row.base() == null ? Figures.SUPPRESSED : String.valueOf(row.base()), results.weightedBy() == null ? "no" : "yes",
                                reach == null ? "" : plain(reach.asked(), reach.askedText()),
                                reach == null ? "" : plain(reach.answered(), reach.answeredText()),
                                reach == null ? "" : plain(reach.skipped(), reach.skippedText()),
                                reach == null ? "" : plain(reach.noView(), reach.noViewText()));
                    }
                }
            }
            csv.row("note", messages.get("results.note.c", results.smallestGroup())
                    + (results.rounded() ? " " + messages.get("results.published.rounded") : ""));
            // Whether each reworded question was compared, and on whose decision, travels with the figures.
            if (results.oneYearOn() != null) {
                for (Comparisons.QuestionComparison compared : results.oneYearOn().questions()) {
                    String why = compared.decision() != null ? compared.decision() : compared.difference();
                    if (why != null) {
                        csv.row("note", compared.key() + ": " + why);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String plain(Long count, String text) {
        return count != null ? String.valueOf(count) : text.isEmpty() ? "" : Figures.SUPPRESSED;
    }
}
