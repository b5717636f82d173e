package uk.chorus.results;

import uk.chorus.web.Charts;
import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.Scales;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a counted table into a QuestionResult: applies disclosure control when the figures are to
 * be published, works out percentages of the base, net agreement, means and medians, response
 * rates and margins of error against population sizes, and the chart that goes with it.
 */
final class QuestionResults {
    private static final String[] SCALE_TONES = {"neg2", "neg1", "neutral", "pos1", "pos2"};
    /** Distinct fills for answers that are not a scale (chorus.css): enough for every primary need. */
    static final int SERIES_TONES = 12;

    private QuestionResults() {
    }

    /**
     * How figures are shown: suppressed (for anyone but a lead's own view) with the threshold,
     * rounded to 5 or not; the populations of the rows' groups (null when none were entered) and of
     * everyone (0 when unknown); and the words for the "everyone" row.
     */
    record Presentation(boolean suppress, int threshold, boolean round, Messages messages,
                        @Nullable Map<String, Long> groupPopulations, long overallPopulation, String allLabel) {
    }

    static QuestionResult build(Counting.Table table, @Nullable Counting.Table unfiltered, Presentation p,
                                @Nullable String[] headline) {
        DisclosureControl.Suppressed hidden = p.suppress()
                ? DisclosureControl.apply(table.grid(), unfiltered == null ? null : unfiltered.grid(), p.threshold())
                : null;
        return decided(table, hidden, p, headline);
    }

    /** A table whose withheld figures are already decided (a published wave's). */
    static QuestionResult decided(Counting.Table table, @Nullable DisclosureControl.Suppressed hidden, Presentation p,
                                @Nullable String[] headline) {
        Wave.Column question = table.question();
        QuestionType type = question.question.type();
        String kind = kind(question);
        List<QuestionResult.Column> columns = columns(question, p.messages());
        List<QuestionResult.Row> rows = new ArrayList<>();
        boolean anySuppressed = hidden != null && hidden.any();
        boolean showRates = false;
        for (int r = 0; r < table.rowKeys().size(); r++) {
            if (r > 0 && table.total(r) == 0) {
                continue;
            }
            QuestionResult.Row row = row(table, r, hidden, p, type);
            showRates |= !row.responseRate().isEmpty();
            rows.add(row);
        }
        boolean showNumbers = type == QuestionType.RATING || type == QuestionType.NUMBER;
        Charts.BarChart bars = null;
        Charts.StackedChart stacked = null;
        String chartId = "chart-" + question.question.key();
        if (type.isScale() || (table.grouped() && (type.isSingleCode()))) {
            stacked = stacked(chartId, question, table, rows, p);
        } else if (!kind.equals("text") && !kind.equals("number") && !kind.equals("month")) {
            bars = bars(chartId, question, rows.get(0), columns, p);
        }
        return new QuestionResult(question.question.key(), question.question.text(), kind, table.grouped(), columns,
                rows, type.isScale(), showNumbers, showRates, bars, stacked, headline[0], headline[1], headline[2], anySuppressed);
    }

    private static String kind(Wave.Column question) {
        QuestionType type = question.question.type();
        if (question.text()) {
            return "text";
        }
        if (type == QuestionType.NUMBER) {
            return "number";
        }
        if (type == QuestionType.MONTH_YEAR) {
            return "month";
        }
        if (question.multiple()) {
            return "multiple";
        }
        return type.isScale() ? "scale" : type == QuestionType.RATING ? "rating" : "choice";
    }

    private static List<QuestionResult.Column> columns(Wave.Column question, Messages messages) {
        if (question.text() || question.numeric()) {
            return List.of(new QuestionResult.Column("answered", messages.get("results.column.answered"), true));
        }
        List<QuestionResult.Column> columns = new ArrayList<>();
        for (Option option : question.options) {
            columns.add(new QuestionResult.Column(option.code(), option.label(),
                    question.multiple() || !Scales.isNoView(question.question.type(), option.code())));
        }
        return columns;
    }

    private static QuestionResult.Row row(Counting.Table table, int r, DisclosureControl.Suppressed hidden,
                                          Presentation p, QuestionType type) {
        boolean totalHidden = hidden != null && hidden.total()[r];
        boolean baseHidden = hidden != null && hidden.base()[r];
        long total = table.total(r);
        long base = table.base(r);
        boolean percentages = !table.question().text() && !table.question().numeric();
        List<QuestionResult.Cell> cells = new ArrayList<>();
        boolean anyBaseCellHidden = baseHidden;
        for (int c = 0; c < table.counts()[r].length; c++) {
            boolean cellHidden = hidden != null && hidden.cells()[r][c];
            anyBaseCellHidden |= cellHidden && table.inBase()[c];
            long count = table.counts()[r][c];
            // A percentage of a withheld base would give the base away.
            Double percent = cellHidden || baseHidden || !percentages || !table.inBase()[c] || Double.isNaN(table.share(r, c))
                    ? null : table.share(r, c) * 100;
            cells.add(new QuestionResult.Cell(cellHidden ? null : DisclosureControl.rounded(count, p.round()), percent,
                    cellHidden ? Figures.SUPPRESSED : Figures.count(DisclosureControl.rounded(count, p.round())),
                    cellHidden ? Figures.SUPPRESSED : percent == null ? "" : Figures.percent(percent / 100), cellHidden));
        }
        String net = "";
        if (type.isScale() && !anyBaseCellHidden && base > 0) {
            double positive = 0;
            double negative = 0;
            for (int c = 0; c < table.counts()[r].length; c++) {
                Integer polarity = Scales.polarity(type, table.question().options.get(c).code());
                double share = table.share(r, c);
                if (polarity != null && !Double.isNaN(share)) {
                    positive += polarity == Scales.POSITIVE ? share : 0;
                    negative += polarity == Scales.NEGATIVE ? share : 0;
                }
            }
            net = Figures.points(positive - negative);
        }
        Counting.NumberStats numbers = table.numbers()[r];
        boolean showNumbers = !totalHidden && numbers.n() > 0;
        String code = table.rowKeys().get(r);
        String label = r == 0 ? p.allLabel() : code.equals(Counting.NO_ANSWER)
                ? p.messages().get("results.row.no.answer") : table.rowLabels().get(r);
        Long population = r == 0 ? (p.overallPopulation() > 0 ? Long.valueOf(p.overallPopulation()) : null)
                : p.groupPopulations() == null ? null : p.groupPopulations().get(code);
        String rate = "";
        String margin = "";
        if (population != null && population > 0 && !totalHidden && total > 0) {
            rate = Figures.percent(Math.min(1, total / (double) population));
            margin = p.messages().get("results.margin.points",
                    Math.round(Significance.marginOfError(base, population) * 100));
        }
        return new QuestionResult.Row(code, label, r == 0, totalHidden ? null : DisclosureControl.rounded(total, p.round()),
                baseHidden ? null : DisclosureControl.rounded(base, p.round()),
                totalHidden ? Figures.SUPPRESSED : Figures.count(DisclosureControl.rounded(total, p.round())),
                baseHidden ? Figures.SUPPRESSED : Figures.count(DisclosureControl.rounded(base, p.round())),
                cells, net, showNumbers ? Figures.decimal(numbers.mean()) : "",
                showNumbers ? Figures.decimal(numbers.median()) : "", rate, margin);
    }

    /** Bars for everyone's answers (percent of those who gave a view; suppressed answers show "[c]" and no bar). */
    private static Charts.BarChart bars(String id, Wave.Column question, QuestionResult.Row all,
                                        List<QuestionResult.Column> columns, Presentation p) {
        List<Charts.BarInput> inputs = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).inBase()) {
                continue;
            }
            QuestionResult.Cell cell = all.cells().get(c);
            double share = cell.percent() == null ? 0 : cell.percent() / 100;
            inputs.add(new Charts.BarInput(columns.get(c).label(), share, cell.suppressed() ? Figures.SUPPRESSED
                    : cell.percentText()));
        }
        String description = p.messages().get(question.multiple() ? "results.chart.bars.multiple" : "results.chart.bars",
                all.baseText());
        return Charts.bars(id, question.question.text(), description, inputs);
    }

    /**
     * One bar per row divided by answer, for scales (negative to positive) and, when broken down,
     * for single choices. Rows whose figures are suppressed are left out of the chart.
     */
    private static Charts.StackedChart stacked(String id, Wave.Column question, Counting.Table table,
                                               List<QuestionResult.Row> rows, Presentation p) {
        QuestionType type = question.question.type();
        List<Integer> inBase = new ArrayList<>();
        for (int c = 0; c < question.options.size(); c++) {
            if (table.inBase()[c]) {
                inBase.add(c);
            }
        }
        List<String> tones = new ArrayList<>();
        List<Charts.Legend> legend = new ArrayList<>();
        for (int i = 0; i < inBase.size(); i++) {
            String tone = type.isScale() ? scaleTone(type, question.options.get(inBase.get(i)).code())
                    : "c" + (i % SERIES_TONES + 1);
            tones.add(tone);
            legend.add(new Charts.Legend(question.options.get(inBase.get(i)).label(), tone));
        }
        List<Charts.RowInput> inputs = new ArrayList<>();
        boolean leftOut = false;
        boolean anyWithheld = false;
        for (QuestionResult.Row row : rows) {
            if (row.base() == null || row.base() == 0) {
                leftOut |= row.base() == null;
                continue;
            }
            List<Charts.SegmentInput> segments = new ArrayList<>();
            double shown = 0;
            for (int i = 0; i < inBase.size(); i++) {
                QuestionResult.Cell cell = row.cells().get(inBase.get(i));
                double percent = cell.percent() == null ? 0 : cell.percent();
                shown += percent;
                segments.add(new Charts.SegmentInput(percent, tones.get(i), cell.percentText()));
            }
            // Withheld answers share one grey segment: its size follows from the published
            // percentages (100% minus those shown), so it reveals nothing the table does not.
            if (row.cells().stream().anyMatch(QuestionResult.Cell::suppressed) && shown < 99.5) {
                segments.add(new Charts.SegmentInput(100 - shown, "withheld", Figures.SUPPRESSED));
                anyWithheld = true;
            }
            inputs.add(new Charts.RowInput(row.label(), segments));
        }
        if (inputs.isEmpty()) {
            return null;
        }
        if (anyWithheld) {
            legend.add(new Charts.Legend(p.messages().get("results.chart.withheld"), "withheld"));
        }
        String description = p.messages().get("results.chart.stacked")
                + (anyWithheld ? " " + p.messages().get("results.chart.withheld.description") : "") + (leftOut
                ? " " + p.messages().get("results.chart.left.out") : "");
        return Charts.stacked(id, question.question.text(), description, inputs, legend);
    }

    /** Scale answers from most negative to most positive, coloured red to green. */
    private static String scaleTone(QuestionType type, String code) {
        Integer polarity = Scales.polarity(type, code);
        if (polarity == null || polarity == Scales.NEUTRAL) {
            return SCALE_TONES[2];
        }
        boolean strong = code.startsWith("strongly") || code.startsWith("really");
        return polarity == Scales.POSITIVE ? SCALE_TONES[strong ? 4 : 3] : SCALE_TONES[strong ? 0 : 1];
    }
}
