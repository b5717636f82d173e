package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Charts;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Any two closed questions of a wave against each other, with an optional filter on a third:
 * counts, row and column percentages, and a chi-square test of independence with its expected
 * counts checked. Counted the way every results table is (Counting) and, when the figures are to
 * be published, withheld the way every table is (DisclosureControl); then the test is withheld
 * too whenever any cell is, since with the margins it could help work a withheld cell back out.
 */
@Singleton
class CrossTables {
    private final WaveStore store;
    private final SmallestGroup smallestGroup;
    private final Messages messages;

    CrossTables(WaveStore store, SmallestGroup smallestGroup, Messages messages) {
        this.store = store;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
    }

    /** One cell: its count and its share of its row and of its column, as text ("[c]" when withheld). */
    public record Cell(String count, String rowPercent, String columnPercent, boolean withheld) {
    }

    public record Row(String label, String total, List<Cell> cells, boolean all) {
    }

    /** The test, in words; {@code result} null when it is withheld or there is nothing to test. */
    public record Test(@Nullable String result, @Nullable String assumptions, boolean assumptionsMet) {
    }

    public record Cross(String rowText, String columnText, @Nullable String onlyLabel, List<QuestionResult.Column> columns,
                        List<Row> rows, Test test, @Nullable Charts.StackedChart chart, boolean anyWithheld) {
    }

    /** Questions that can be crossed: every question answered with one of a fixed set of answers. */
    static boolean closed(Question question) {
        return question.type().isSingleCode() || question.type() == QuestionType.RATING;
    }

    Optional<Cross> cross(SurveyDefinition definition, String rowKey, String columnKey, @Nullable String onlyKey,
                          @Nullable String onlyCode, boolean suppress) {
        int threshold = smallestGroup.of(definition);
        return store.read(definition.id(), (wave, change) -> {
            Wave.Column rows = wave.column(rowKey);
            Wave.Column columns = wave.column(columnKey);
            Wave.Column only = onlyKey == null ? null : wave.column(onlyKey);
            Counting.Selection everyone = Counting.Selection.all(wave, false);
            Counting.Selection selection = only == null ? everyone : everyone.only(only, only.indexOf(onlyCode));
            Counting.Table table = Counting.count(wave, columns, rows, selection);
            Counting.Table whole = only == null || !suppress ? null : Counting.count(wave, columns, rows, everyone);
            QuestionResults.Presentation presentation = new QuestionResults.Presentation(suppress, threshold, false,
                    messages, null, 0, messages.get(only == null ? "results.row.all" : "results.row.only"));
            QuestionResult result = QuestionResults.build(table, whole, presentation, new String[3]);
            return build(table, result, rows.question, columns.question,
                    only == null ? null : only.question.text() + ": " + only.question.labelFor(onlyCode), suppress);
        });
    }

    private Cross build(Counting.Table table, QuestionResult result, Question rowQuestion, Question columnQuestion,
                        @Nullable String onlyLabel, boolean suppress) {
        QuestionResult.Row all = result.rows().get(0);
        List<Row> rows = new ArrayList<>();
        for (QuestionResult.Row row : result.rows()) {
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < row.cells().size(); c++) {
                QuestionResult.Cell cell = row.cells().get(c);
                QuestionResult.Cell columnTotal = all.cells().get(c);
                // A column's percentage is of the "all" row's count for that answer, itself published.
                String columnPercent = cell.suppressed() || columnTotal.suppressed() ? Figures.SUPPRESSED
                        : columnTotal.count() == null || columnTotal.count() == 0 || cell.count() == null ? ""
                        : Figures.percent(cell.count() / (double) columnTotal.count());
                cells.add(new Cell(cell.countText(), cell.suppressed() ? Figures.SUPPRESSED : cell.percentText(),
                        columnPercent, cell.suppressed()));
            }
            rows.add(new Row(row.label(), row.totalText(), cells, row.all()));
        }
        Test test = test(table, suppress && result.anySuppressed());
        return new Cross(rowQuestion.text(), columnQuestion.text(), onlyLabel, result.columns(), rows, test,
                result.stacked(), result.anySuppressed());
    }

    /** Chi-square over the groups that said (not "did not say") and the answers in the base. */
    private Test test(Counting.Table table, boolean withheld) {
        if (withheld) {
            return new Test(null, messages.get("results.cross.test.withheld"), false);
        }
        List<long[]> groups = new ArrayList<>();
        for (int r = 1; r < table.rowKeys().size(); r++) {
            if (table.rowKeys().get(r).equals(Counting.NO_ANSWER)) {
                continue;
            }
            long[] counts = new long[(int) java.util.stream.IntStream.range(0, table.inBase().length)
                    .filter(c -> table.inBase()[c]).count()];
            int i = 0;
            for (int c = 0; c < table.inBase().length; c++) {
                if (table.inBase()[c]) {
                    counts[i++] = table.counts()[r][c];
                }
            }
            groups.add(counts);
        }
        Significance.ChiSquare chi = Significance.chiSquare(groups.toArray(long[][]::new));
        if (chi == null) {
            return new Test(null, messages.get("results.cross.test.none"), false);
        }
        String p = chi.p() < 0.001 ? messages.get("results.cross.p.small")
                : messages.get("results.cross.p", String.format(java.util.Locale.UK, "%.3f", chi.p()));
        String result = messages.get(chi.p() < Significance.ALPHA ? "results.cross.test.related" : "results.cross.test.unrelated",
                String.format(java.util.Locale.UK, "%.2f", chi.statistic()), chi.degreesOfFreedom(), p);
        String assumptions = chi.assumptionsMet()
                ? messages.get("results.cross.assumptions.met", String.format(java.util.Locale.UK, "%.1f", chi.smallestExpected()))
                : messages.get("results.cross.assumptions.not.met", String.format(java.util.Locale.UK, "%.1f", chi.smallestExpected()),
                Math.round(chi.shareExpectedBelowFive() * 100));
        return new Test(result, assumptions, chi.assumptionsMet());
    }
}
