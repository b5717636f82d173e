package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.Scales;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts one question over the rows a Selection lets through: overall, and split by the answer
 * to an about-you question (each group, and "no answer" for those who did not say, so the groups
 * add up to the whole). Every figure is kept both unweighted (what disclosure control and bases
 * use) and weighted (what percentages use when weighting is on).
 */
final class Counting {
    static final String ALL = "all";
    static final String NO_ANSWER = "no-answer";

    private Counting() {
    }

    /** Which rows of a wave count, and what each weighs. */
    record Selection(boolean[] included, double[] weight) {
        static Selection all(Wave wave, boolean includePartials) {
            boolean[] included = new boolean[wave.size];
            for (int row = 0; row < wave.size; row++) {
                included[row] = includePartials || !wave.partial(row);
            }
            return new Selection(included, null);
        }

        /** Only the rows whose answer to a question is one option. */
        Selection only(Wave.Column column, int option) {
            boolean[] kept = included.clone();
            for (int row = 0; row < kept.length; row++) {
                kept[row] = kept[row] && column.chosen[row] == option;
            }
            return new Selection(kept, weight);
        }

        Selection weighted(double[] weights) {
            return new Selection(included, weights);
        }

        double weightOf(int row) {
            return weight == null ? 1 : weight[row];
        }

        long count() {
            long n = 0;
            for (boolean in : included) {
                if (in) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Figures of a number or month question, or of a rating read as numbers. */
    record NumberStats(long n, double mean, double median, double variance) {
        static final NumberStats NONE = new NumberStats(0, Double.NaN, Double.NaN, Double.NaN);
    }

    /** One question, counted: one row per group (row 0 is everyone), one column per option. */
    record Table(Wave.Column question, List<String> rowKeys, List<String> rowLabels, long[][] counts,
                 double[][] weighted, NumberStats[] numbers, boolean[] inBase, double[] respondents,
                 long[] respondentCounts, @Nullable long[][] published) {

        Table(Wave.Column question, List<String> rowKeys, List<String> rowLabels, long[][] counts, double[][] weighted,
              NumberStats[] numbers, boolean[] inBase, double[] respondents, long[] respondentCounts) {
            this(question, rowKeys, rowLabels, counts, weighted, numbers, inBase, respondents, respondentCounts, null);
        }

        boolean grouped() {
            return rowKeys.size() > 1;
        }

        DisclosureControl.Grid grid() {
            if (!question.multiple()) {
                return DisclosureControl.Grid.of(counts, inBase, grouped() ? 0 : -1);
            }
            return new DisclosureControl.Grid(counts, inBase, respondentCounts.clone(), respondentCounts.clone(), false,
                    grouped() ? 0 : -1);
        }

        /** Everyone in the row who answered (as published, for a published table). */
        long total(int row) {
            if (published != null) {
                return published[0][row];
            }
            return question.multiple() ? respondentCounts[row] : Arrays.stream(counts[row]).sum();
        }

        /** Those who gave a view ("don't know" and "prefer not to say" are kept out). */
        long base(int row) {
            if (published != null) {
                return published[1][row];
            }
            if (question.multiple()) {
                return respondentCounts[row];
            }
            long base = 0;
            for (int c = 0; c < inBase.length; c++) {
                if (inBase[c]) {
                    base += counts[row][c];
                }
            }
            return base;
        }

        double weightedBase(int row) {
            // A published table's percentages are of its published base, never of the true one.
            if (published != null) {
                return published[1][row];
            }
            double base = 0;
            for (int c = 0; c < inBase.length; c++) {
                if (inBase[c]) {
                    base += weighted[row][c];
                }
            }
            return base;
        }

        /** The share of a row's base in one column, weighted; NaN when the base is empty or the column is not in it. */
        double share(int row, int column) {
            double base = question.multiple() ? weightedRespondents(row) : weightedBase(row);
            return base == 0 || !inBase[column] ? Double.NaN : weighted[row][column] / base;
        }

        /** For multiple choice: the weighted number who ticked anything. */
        private double weightedRespondents(int row) {
            return respondents[row];
        }

    }

    /** Counts a question, split by {@code by} (null for everyone only). */
    static Table count(Wave wave, Wave.Column question, Wave.Column by, Selection selection) {
        List<String> rowKeys = new ArrayList<>(List.of(ALL));
        List<String> rowLabels = new ArrayList<>(List.of(ALL));
        if (by != null) {
            for (Option option : by.options) {
                rowKeys.add(option.code());
                rowLabels.add(option.label());
            }
            rowKeys.add(NO_ANSWER);
            rowLabels.add(NO_ANSWER);
        }
        boolean text = question.text();
        boolean numeric = question.numeric();
        boolean multiple = question.multiple();
        int columns = text || numeric ? 1 : question.options.size();
        int rows = rowKeys.size();
        long[][] counts = new long[rows][columns];
        double[][] weighted = new double[rows][columns];
        double[] respondents = new double[rows];
        long[] respondentCounts = new long[rows];
        // Values for means and medians, kept as plain ints (this loop runs for every response).
        int[] optionValue = question.question.type() == QuestionType.RATING ? ratingValues(question) : null;
        boolean collect = numeric || optionValue != null;
        int[][] values = collect ? new int[rows][16] : null;
        int[] valueCount = new int[rows];
        double[] weightSum = new double[rows];
        double[] weightedValueSum = new double[rows];
        boolean[] included = selection.included();
        for (int row = 0; row < wave.size; row++) {
            if (!included[row] || !question.answered(row)) {
                continue;
            }
            double w = selection.weightOf(row);
            int group = by == null ? -1 : by.chosen[row] == Wave.NONE ? rows - 1 : 1 + by.chosen[row];
            int value = !collect ? Wave.NO_VALUE : numeric ? question.value[row]
                    : question.chosen[row] == Wave.NONE ? Wave.NO_VALUE : optionValue[question.chosen[row]];
            // Each response counts in the "everyone" row and, when split, in its group's row.
            for (int pass = 0, r = 0; pass < (group < 0 ? 1 : 2); pass++, r = group) {
                if (multiple) {
                    long bits = question.ticked[row];
                    for (int c = 0; c < columns && c < 64; c++) {
                        if ((bits & (1L << c)) != 0) {
                            counts[r][c]++;
                            weighted[r][c] += w;
                        }
                    }
                    respondents[r] += w;
                    respondentCounts[r]++;
                } else if (text || numeric) {
                    counts[r][0]++;
                    weighted[r][0] += w;
                } else {
                    counts[r][question.chosen[row]]++;
                    weighted[r][question.chosen[row]] += w;
                }
                if (value != Wave.NO_VALUE) {
                    if (valueCount[r] == values[r].length) {
                        values[r] = java.util.Arrays.copyOf(values[r], values[r].length * 2);
                    }
                    values[r][valueCount[r]++] = value;
                    weightSum[r] += w;
                    weightedValueSum[r] += w * value;
                }
            }
        }
        boolean[] inBase = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            inBase[c] = text || numeric || question.multiple() || !Scales.isNoView(question.question.type(), question.options.get(c).code());
        }
        NumberStats[] numbers = new NumberStats[rows];
        for (int r = 0; r < rows; r++) {
            numbers[r] = values == null ? NumberStats.NONE : stats(values[r], valueCount[r], weightSum[r], weightedValueSum[r]);
        }
        return new Table(question, List.copyOf(rowKeys), List.copyOf(rowLabels), counts, weighted, numbers, inBase,
                respondents, respondentCounts);
    }

    /**
     * A table rebuilt from a stored wave summary (its raw answers deleted): everyone, or split by
     * one about-you question. {@code question} and {@code by} are columns of an empty wave of the
     * same definition, which gives the options their order.
     */
    static Table fromSummary(Wave.Column question, WaveSummary.QuestionSummary summary, Wave.Column by) {
        List<String> rowKeys = new ArrayList<>(List.of(ALL));
        List<String> rowLabels = new ArrayList<>(List.of(ALL));
        if (by != null) {
            for (Option option : by.options) {
                rowKeys.add(option.code());
                rowLabels.add(option.label());
            }
            rowKeys.add(NO_ANSWER);
            rowLabels.add(NO_ANSWER);
        }
        boolean single = question.text() || question.numeric();
        int[] target = new int[summary.options().size()];
        for (int i = 0; i < target.length && !single; i++) {
            String code = summary.options().get(i);
            target[i] = question.optionIndex(question.question.option(code).orElse(new Option(code, code)));
        }
        int columns = single ? 1 : question.options.size();
        int rows = rowKeys.size();
        long[][] counts = new long[rows][columns];
        double[][] weighted = new double[rows][columns];
        long[] respondentCounts = new long[rows];
        double[] respondents = new double[rows];
        NumberStats[] numbers = new NumberStats[rows];
        for (int r = 0; r < rows; r++) {
            long[] stored;
            WaveSummary.Numbers n;
            if (r == 0) {
                stored = summary.counts();
                respondentCounts[r] = summary.respondents();
                n = summary.numbers();
            } else {
                String key = by.question.key();
                stored = summary.byGroup().getOrDefault(key, java.util.Map.of()).get(rowKeys.get(r));
                respondentCounts[r] = summary.respondentsByGroup().getOrDefault(key, java.util.Map.of())
                        .getOrDefault(rowKeys.get(r), 0L);
                n = summary.numbersByGroup().getOrDefault(key, java.util.Map.of()).get(rowKeys.get(r));
            }
            respondents[r] = respondentCounts[r];
            numbers[r] = n == null ? NumberStats.NONE : new NumberStats(n.n(), n.mean(), n.median(), n.variance());
            if (stored == null) {
                continue;
            }
            for (int i = 0; i < stored.length; i++) {
                int c = single ? 0 : i < target.length ? target[i] : -1;
                if (c >= 0 && c < columns) {
                    counts[r][c] += stored[i];
                    weighted[r][c] += stored[i];
                }
            }
        }
        boolean[] inBase = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            inBase[c] = single || question.multiple()
                    || !Scales.isNoView(question.question.type(), question.options.get(c).code());
        }
        return new Table(question, List.copyOf(rowKeys), List.copyOf(rowLabels), counts, weighted, numbers, inBase,
                respondents, respondentCounts);
    }

    /** Each option's number (a rating's codes are 0 to 10), or NO_VALUE for one that is not a number. */
    private static int[] ratingValues(Wave.Column question) {
        int[] values = new int[question.options.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Integer.parseInt(question.options.get(i).code());
            } catch (NumberFormatException e) {
                values[i] = Wave.NO_VALUE;
            }
        }
        return values;
    }

    private static NumberStats stats(int[] values, int n, double weightSum, double weightedSum) {
        if (n == 0) {
            return NumberStats.NONE;
        }
        int[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        double mean = weightedSum / weightSum;
        double squares = 0;
        for (int v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        return new NumberStats(n, mean, median, n > 1 ? squares / (n - 1) : 0);
    }
}
