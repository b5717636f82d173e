package uk.chorus.results;

import uk.chorus.web.Charts;
import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One year on, and every year before: each question whose key the waves share, measured the same
 * way in each wave (share positive, share saying yes, share rating 7 or more, each option's share,
 * or a mean), the change against the baseline with its 95% interval, and a verdict in words.
 * Built from wave summaries only, so it works as well for a baseline whose raw answers are long
 * deleted. With a group chosen, the same for each group; with a filter, for that group alone.
 */
final class Comparisons {
    private Comparisons() {
    }

    /** {@code measure} as a table heads a row ("Share saying yes"); {@code inSentence} as a sentence uses it. */
    public record Line(String measure, String inSentence, String group, boolean groupRow, List<String> values, String change, String interval,
                String verdict, String verdictTone) {
    }

    public record QuestionComparison(String key, String text, List<Line> lines, @Nullable Charts.TrendChart trend) {
        Line headline() {
            return lines.get(0);
        }
    }

    public record OneYearOn(List<String> waves, String baseline, String current, List<QuestionComparison> questions) {
    }

    /** Which figures: everyone, one group (a filter), and the about-you question to split by (or none). */
    public record Scope(@Nullable String onlyKey, @Nullable String onlyCode, @Nullable String byKey) {
    }

    static OneYearOn build(WaveSummaries.Chain chain, Scope scope, boolean suppress, int threshold, Messages messages) {
        List<WaveSummaries.WaveFigures> waves = chain.waves();
        WaveSummaries.WaveFigures current = chain.current();
        WaveSummaries.WaveFigures baseline = waves.get(waves.size() - 2);
        List<String> labels = waves.stream().map(WaveSummaries.WaveFigures::label).toList();
        List<QuestionComparison> questions = new ArrayList<>();
        for (Question question : current.definition().questionList()) {
            if (question.type() == QuestionType.ABOUT_YOU || question.type().isText()
                    || question.type() == QuestionType.MONTH_YEAR) {
                continue;
            }
            List<List<Measures.Measure>> overall = new ArrayList<>();
            for (WaveSummaries.WaveFigures wave : waves) {
                overall.add(measures(wave, question, scope.onlyKey(), scope.onlyCode()));
            }
            List<Measures.Measure> now = overall.get(overall.size() - 1);
            if (now.isEmpty() || overall.get(overall.size() - 2).isEmpty()) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            for (Measures.Measure measure : now) {
                String measureLabel = measure.optionLabel() != null ? measure.optionLabel() : messages.get(measure.labelKey());
                lines.add(line(measureLabel, messages.get(scope.onlyKey() == null ? "results.row.all" : "results.row.only"),
                        false, overall, measure, question, suppress, threshold, messages));
                boolean splitByGroup = scope.byKey() != null && scope.onlyKey() == null && measure.optionCode() == null;
                if (splitByGroup) {
                    Question by = current.definition().question(scope.byKey()).orElse(null);
                    for (String group : groupsOf(current, question.key(), scope.byKey())) {
                        List<List<Measures.Measure>> perWave = new ArrayList<>();
                        for (WaveSummaries.WaveFigures wave : waves) {
                            perWave.add(measures(wave, question, scope.byKey(), group));
                        }
                        String groupLabel = by == null ? group : by.labelFor(group);
                        lines.add(line(measureLabel, groupLabel, true, perWave, measure, question, suppress, threshold,
                                messages));
                    }
                }
            }
            Charts.TrendChart trend = null;
            Measures.Measure first = now.get(0);
            if (first.optionCode() == null) {
                List<Double> values = new ArrayList<>();
                List<String> valueLabels = new ArrayList<>();
                for (List<Measures.Measure> wave : overall) {
                    Measures.Measure m = find(wave, first);
                    boolean shown = m != null && !hidden(m, suppress, threshold);
                    values.add(shown ? m.value() : Double.NaN);
                    valueLabels.add(shown ? value(m) : m != null && m.size() > 0 && hidden(m, suppress, threshold) ? Figures.SUPPRESSED : "");
                }
                String measureLabel = messages.get(first.labelKey());
                trend = Charts.trend("trend-" + question.key(), question.text(),
                        messages.get("results.chart.trend", measureLabel, String.join(", ", labels)), labels, values,
                        valueLabels, !first.isMean());
            }
            questions.add(new QuestionComparison(question.key(), question.text(), lines, trend));
        }
        return new OneYearOn(labels, baseline.label(), current.label(), questions);
    }

    private static Line line(String measureLabel, String group, boolean groupRow, List<List<Measures.Measure>> perWave,
                             Measures.Measure current, Question question, boolean suppress, int threshold,
                             Messages messages) {
        List<String> values = new ArrayList<>();
        Measures.Measure now = null;
        Measures.Measure before = null;
        for (int w = 0; w < perWave.size(); w++) {
            Measures.Measure m = find(perWave.get(w), current);
            values.add(m == null || m.size() == 0 ? "" : hidden(m, suppress, threshold) ? Figures.SUPPRESSED : value(m));
            if (w == perWave.size() - 1) {
                now = m;
            } else if (w == perWave.size() - 2) {
                before = m;
            }
        }
        if (now == null || before == null || now.size() == 0 || before.size() == 0) {
            return new Line(capitalised(measureLabel), measureLabel, group, groupRow, values, "", "",
                    messages.get("results.verdict.no.figures"), "");
        }
        Comparison comparison = Comparison.of(before, now, question.direction(), threshold);
        if (comparison.verdict() == Comparison.Verdict.TOO_FEW
                || (suppress && (hidden(now, true, threshold) || hidden(before, true, threshold)))) {
            return new Line(capitalised(measureLabel), measureLabel, group, groupRow, values, "", "",
                    messages.get(Comparison.Verdict.TOO_FEW.key), "");
        }
        boolean mean = now.isMean();
        String change = mean ? Figures.signedDecimal(comparison.change())
                : messages.get("results.points", Figures.points(comparison.change()));
        String interval = mean
                ? messages.get("results.interval", Figures.signedDecimal(comparison.lower()), Figures.signedDecimal(comparison.upper()))
                : messages.get("results.interval", Figures.points(comparison.lower()), Figures.points(comparison.upper()));
        String tone = switch (comparison.verdict()) {
            case IMPROVED -> "improved";
            case WORSE -> "worse";
            default -> "";
        };
        return new Line(capitalised(measureLabel), measureLabel, group, groupRow, values, change, interval,
                messages.get(comparison.verdict().key), tone);
    }

    /** In published figures, a share is withheld when its group, or those it counts or leaves out, are too few. */
    static boolean hidden(Measures.Measure m, boolean suppress, int threshold) {
        if (m.withheld()) {
            return true;
        }
        if (!suppress) {
            return false;
        }
        if (m.size() < threshold) {
            return true;
        }
        if (m.isMean()) {
            return false;
        }
        long yes = Math.round(m.successes());
        long no = Math.round(m.base() - m.successes());
        return (yes > 0 && yes < threshold) || (no > 0 && no < threshold);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String value(Measures.Measure m) {
        return m.isMean() ? Figures.decimal(m.value()) : Figures.percent(m.value());
    }

    private static Measures.Measure find(List<Measures.Measure> measures, Measures.Measure like) {
        for (Measures.Measure m : measures) {
            if (m.sameAs(like)) {
                return m;
            }
        }
        return null;
    }

    /** A wave's measures of a question: for everyone, or one group of an about-you question. */
    static List<Measures.Measure> measures(WaveSummaries.WaveFigures wave, Question question, @Nullable String groupKey,
                                           @Nullable String groupCode) {
        WaveSummary.QuestionSummary summary = wave.summary().questions().get(question.key());
        if (summary == null || !comparable(summary.type(), question.type())) {
            return List.of();
        }
        long[] counts;
        long respondents;
        WaveSummary.Numbers numbers;
        if (groupKey == null) {
            counts = summary.counts();
            respondents = summary.respondents();
            numbers = summary.numbers();
        } else {
            Map<String, long[]> groups = summary.byGroup().get(groupKey);
            counts = groups == null ? null : groups.get(groupCode);
            if (counts == null) {
                return List.of();
            }
            respondents = summary.respondentsByGroup().getOrDefault(groupKey, Map.of()).getOrDefault(groupCode, 0L);
            numbers = summary.numbersByGroup().getOrDefault(groupKey, Map.of()).get(groupCode);
        }
        List<String> labels = summary.options().stream().map(question::labelFor).toList();
        return Measures.of(question.type(), summary.options(), labels, counts, respondents, numbers);
    }

    private static boolean comparable(QuestionType a, QuestionType b) {
        return a == b || (a.isScale() && b.isScale());
    }

    private static List<String> groupsOf(WaveSummaries.WaveFigures wave, String questionKey, String byKey) {
        WaveSummary.QuestionSummary summary = wave.summary().questions().get(questionKey);
        if (summary == null || summary.byGroup().get(byKey) == null) {
            return List.of();
        }
        return summary.byGroup().get(byKey).keySet().stream().filter(g -> !g.equals(Counting.NO_ANSWER)).toList();
    }
}
