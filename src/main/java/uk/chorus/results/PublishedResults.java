package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published wave's figures as a results page, download or API answer: every number read from
 * the {@link PublishedWave} and nothing else, percentages of the published bases, withheld
 * figures "[c]". Everyone or one about-you question's groups ({@code by}), or one group alone
 * ({@code only}); a group within a group is a table the wave never published, so {@code only}
 * wins over {@code by}. Never weighted, never with partial responses.
 */
final class PublishedResults {
    private PublishedResults() {
    }

    static SurveyResults of(SurveyDefinition definition, PublishedWave published, @Nullable String by,
                            @Nullable String onlyKey, @Nullable String onlyCode, Messages messages,
                            @Nullable Comparisons.OneYearOn oneYearOn, @Nullable String missingBaseline) {
        Wave columns = new Wave(definition.id(), definition, id -> definition, id -> null);
        boolean filtered = onlyKey != null && onlyCode != null;
        String byKey = filtered ? null : by;
        Question byQuestion = byKey == null ? null : definition.question(byKey).filter(q -> q.about() != null).orElse(null);
        Question onlyQuestion = filtered ? definition.question(onlyKey).filter(q -> q.about() != null).orElse(null) : null;
        QuestionResults.Presentation presentation = new QuestionResults.Presentation(true, published.threshold(), false,
                messages, null, 0, messages.get(onlyQuestion == null ? "results.row.all" : "results.row.only"));
        Map<String, Comparisons.QuestionComparison> compared = new LinkedHashMap<>();
        if (oneYearOn != null) {
            oneYearOn.questions().forEach(q -> compared.put(q.key(), q));
        }
        List<QuestionResult> questions = new ArrayList<>();
        boolean anyWithheld = published.responses() == PublishedWave.WITHHELD;
        for (Wave.Column column : columns.columns) {
            PublishedWave.Question figures = published.questions().get(column.question.key());
            if (figures == null) {
                continue;
            }
            Counting.Table table = table(column, figures, byQuestion, onlyQuestion, onlyCode, messages);
            if (table == null) {
                continue;
            }
            QuestionResult result = QuestionResults.decided(table, mask(table), presentation,
                    headline(compared.get(column.question.key()), oneYearOn, messages));
            anyWithheld |= result.anySuppressed();
            questions.add(result);
        }
        long responses = published.responses();
        String onlyLabel = onlyQuestion == null ? null
                : onlyQuestion.text() + ": " + onlyQuestion.labelFor(onlyCode);
        SurveyResults results = new SurveyResults(definition.id(), definition.title(), definition.wave(),
                responses == PublishedWave.WITHHELD ? null : responses,
                responses == PublishedWave.WITHHELD ? Figures.SUPPRESSED : Figures.count(responses), 0, false, true,
                published.threshold(), published.rounded(), byQuestion == null ? null : byQuestion.text(), onlyLabel,
                null, List.of(), questions, anyWithheld, oneYearOn, missingBaseline);
        // Filtered, the wave's published total is not the group's: those asked stay unknown rather than wrong.
        return Reach.apply(results, definition, filtered || responses == PublishedWave.WITHHELD ? null : responses,
                byQuestion == null ? null : byQuestion.key(), messages);
    }

    /** The published rows a view shows, as a table whose counts are the published ones (withheld: -1). */
    private static Counting.Table table(Wave.Column column, PublishedWave.Question figures, @Nullable Question by,
                                        @Nullable Question only, @Nullable String onlyCode, Messages messages) {
        List<String> keys = new ArrayList<>(List.of(Counting.ALL));
        List<String> labels = new ArrayList<>(List.of(Counting.ALL));
        List<PublishedWave.Row> rows = new ArrayList<>();
        if (only != null) {
            if (only.key().equals(column.question.key())) {
                rows.add(itself(figures, onlyCode));
            } else {
                PublishedWave.Row row = figures.byGroup().getOrDefault(only.key(), Map.of()).get(onlyCode);
                if (row == null) {
                    return null;
                }
                rows.add(row);
            }
        } else {
            rows.add(figures.all());
            if (by != null && !by.key().equals(column.question.key())) {
                Map<String, PublishedWave.Row> groups = figures.byGroup().getOrDefault(by.key(), Map.of());
                for (Map.Entry<String, PublishedWave.Row> group : groups.entrySet()) {
                    keys.add(group.getKey());
                    labels.add(group.getKey().equals(Counting.NO_ANSWER) ? Counting.NO_ANSWER : by.labelFor(group.getKey()));
                    rows.add(group.getValue());
                }
            }
        }
        boolean single = column.text() || column.numeric();
        // Published options in the column's order (an option only an older version had is added at the end).
        int[] target = new int[figures.options().size()];
        for (int i = 0; i < target.length && !single; i++) {
            String code = figures.options().get(i);
            target[i] = column.optionIndex(column.question.option(code).orElse(new Option(code, code)));
        }
        int columns = single ? 1 : column.options.size();
        int n = rows.size();
        long[][] counts = new long[n][columns];
        double[][] weighted = new double[n][columns];
        long[][] shown = new long[2][n];
        double[] respondents = new double[n];
        long[] respondentCounts = new long[n];
        Counting.NumberStats[] numbers = new Counting.NumberStats[n];
        for (int r = 0; r < n; r++) {
            PublishedWave.Row row = rows.get(r);
            for (int i = 0; i < row.cells().length; i++) {
                int c = single ? 0 : i < target.length ? target[i] : -1;
                if (c >= 0 && c < columns) {
                    counts[r][c] = row.cells()[i];
                    weighted[r][c] = Math.max(0, row.cells()[i]);
                }
            }
            shown[0][r] = row.total();
            shown[1][r] = row.base();
            respondents[r] = Math.max(0, row.total());
            respondentCounts[r] = row.total();
            numbers[r] = row.mean() == null ? Counting.NumberStats.NONE
                    : new Counting.NumberStats(1, row.mean(), row.median() == null ? Double.NaN : row.median(), 0);
        }
        boolean[] inBase = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            inBase[c] = single || column.multiple()
                    || !uk.chorus.surveys.Scales.isNoView(column.question.type(), column.options.get(c).code());
        }
        return new Counting.Table(column, List.copyOf(keys), List.copyOf(labels), counts, weighted, numbers, inBase,
                respondents, respondentCounts, shown);
    }

    /** An about-you question filtered to one of its own groups: that group's size and nothing else. */
    private static PublishedWave.Row itself(PublishedWave.Question figures, String code) {
        int at = figures.options().indexOf(code);
        long[] cells = new long[figures.options().size()];
        long size = at < 0 ? 0 : figures.all().cells()[at];
        if (at >= 0) {
            cells[at] = size;
        }
        return new PublishedWave.Row(size, size, cells, null, null);
    }

    /** What the published table withholds: its -1s. */
    private static DisclosureControl.Suppressed mask(Counting.Table table) {
        int rows = table.counts().length;
        boolean[][] cells = new boolean[rows][];
        boolean[] total = new boolean[rows];
        boolean[] base = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            cells[r] = new boolean[table.counts()[r].length];
            for (int c = 0; c < cells[r].length; c++) {
                cells[r][c] = table.counts()[r][c] == PublishedWave.WITHHELD;
            }
            total[r] = table.total(r) == PublishedWave.WITHHELD;
            base[r] = table.base(r) == PublishedWave.WITHHELD;
        }
        return new DisclosureControl.Suppressed(cells, total, base);
    }

    private static String[] headline(@Nullable Comparisons.QuestionComparison compared,
                                     @Nullable Comparisons.OneYearOn oneYearOn, Messages messages) {
        if (compared == null || oneYearOn == null) {
            return new String[]{null, null, null};
        }
        Comparisons.Line line = compared.headline();
        List<String> values = line.values();
        String now = values.get(values.size() - 1);
        String before = values.get(values.size() - 2);
        if (now.isEmpty() || before.isEmpty() || now.equals(Figures.SUPPRESSED) || before.equals(Figures.SUPPRESSED)) {
            return new String[]{null, null, null};
        }
        return new String[]{messages.get("results.headline", line.inSentence(), now, before, oneYearOn.baseline()),
                line.verdict(), line.verdictTone()};
    }

    /**
     * A published wave as a summary of counts (withheld: -1), for comparisons between published
     * waves: a measure that needs a withheld count is withheld (see Measures).
     */
    static WaveSummary summary(PublishedWave published) {
        Map<String, WaveSummary.QuestionSummary> questions = new LinkedHashMap<>();
        published.questions().forEach((key, q) -> {
            Map<String, Map<String, long[]>> byGroup = new LinkedHashMap<>();
            Map<String, Map<String, Long>> respondents = new LinkedHashMap<>();
            q.byGroup().forEach((about, rows) -> {
                Map<String, long[]> groups = new LinkedHashMap<>();
                Map<String, Long> totals = new LinkedHashMap<>();
                rows.forEach((g, row) -> {
                    groups.put(g, row.cells());
                    totals.put(g, row.total());
                });
                byGroup.put(about, groups);
                respondents.put(about, totals);
            });
            Map<String, long[]> quarters = new LinkedHashMap<>();
            questions.put(key, new WaveSummary.QuestionSummary(q.type(), q.options(), q.all().cells(), q.all().total(),
                    byGroup, respondents, quarters, null, Map.of()));
        });
        return new WaveSummary(published.surveyId(), published.wave(), published.responses(), published.quarters(),
                questions);
    }

    /** Quarter by quarter from published waves: responses and each headline measure from published counts. */
    static Quarters.View quarters(List<Map.Entry<WaveSummaries.WaveFigures, PublishedWave>> waves, Messages messages) {
        SurveyDefinition current = waves.get(waves.size() - 1).getKey().definition();
        List<Question> headline = current.questionList().stream()
                .filter(q -> q.type().isScale() || q.type() == QuestionType.YES_NO || q.type() == QuestionType.RATING)
                .toList();
        List<String> columns = new ArrayList<>();
        List<String> responses = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        headline.forEach(q -> values.add(new ArrayList<>()));
        for (Map.Entry<WaveSummaries.WaveFigures, PublishedWave> wave : waves) {
            PublishedWave published = wave.getValue();
            for (String quarter : published.quarters().keySet().stream().sorted().toList()) {
                long count = published.quarters().get(quarter);
                columns.add(messages.get("results.quarters.column", quarter, wave.getKey().label()));
                responses.add(count == PublishedWave.WITHHELD ? Figures.SUPPRESSED : Figures.count(count));
                for (int i = 0; i < headline.size(); i++) {
                    PublishedWave.Question q = published.questions().get(headline.get(i).key());
                    long[] measure = q == null ? null : q.quarters().get(quarter);
                    values.get(i).add(measure == null ? ""
                            : measure[0] == PublishedWave.WITHHELD || measure[1] == PublishedWave.WITHHELD
                            ? Figures.SUPPRESSED : measure[1] == 0 ? "" : Figures.percent(measure[0] / (double) measure[1]));
                }
            }
        }
        List<Quarters.MeasureRow> measures = new ArrayList<>();
        for (int i = 0; i < headline.size(); i++) {
            measures.add(new Quarters.MeasureRow(headline.get(i).text(),
                    messages.get(Measures.headlineKey(headline.get(i).type())), values.get(i)));
        }
        return new Quarters.View(columns, responses, measures);
    }

    static boolean anyWithheld(long[] values) {
        return Arrays.stream(values).anyMatch(v -> v == PublishedWave.WITHHELD);
    }
}
