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
                String verdict, String verdictTone, double delta) {
        Line(String measure, String inSentence, String group, boolean groupRow, List<String> values, String change,
             String interval, String verdict, String verdictTone) {
            this(measure, inSentence, group, groupRow, values, change, interval, verdict, verdictTone, Double.NaN);
        }
    }

    /**
     * A question's comparison. {@code difference} says why it is not compared (asked differently
     * and not marked comparable), {@code decision} who marked it comparable and why; {@code reworded}
     * when it was asked differently at all (so a lead may mark it, or withdraw the mark).
     */
    public record QuestionComparison(String key, String text, List<Line> lines, @Nullable Charts.TrendChart trend,
                                     boolean reworded, @Nullable String difference, @Nullable String decision) {
        Line headline() {
            return lines.get(0);
        }
    }

    /** {@code fdrNote}: the one sentence saying group verdicts allow for many comparisons, when they do. */
    public record OneYearOn(List<String> waves, String baseline, String current, List<QuestionComparison> questions,
                            String baselineId, int minimum, @Nullable String fdrNote) {
    }

    /** Which figures: everyone, one group (a filter), and the about-you question to split by (or none). */
    public record Scope(@Nullable String onlyKey, @Nullable String onlyCode, @Nullable String byKey) {
    }

    /**
     * How verdicts are given: the fewest people in each wave a verdict rests on, and the questions
     * a lead marked comparable although asked differently in the baseline.
     */
    record Rules(int minimum, Map<String, ComparableQuestions.Mark> marked) {
        static Rules strict(int minimum) {
            return new Rules(minimum, Map.of());
        }
    }

    /** A line worked out but not yet worded: group verdicts wait for the page's false discovery rate. */
    private record Draft(String measure, String inSentence, String group, boolean groupRow, List<String> values,
                         @Nullable Comparison comparison, boolean mean, @Nullable String fixedVerdict) {
    }

    static OneYearOn build(WaveSummaries.Chain chain, Scope scope, boolean suppress, int threshold, Rules rules,
                           Messages messages) {
        List<WaveSummaries.WaveFigures> waves = chain.waves();
        WaveSummaries.WaveFigures current = chain.current();
        WaveSummaries.WaveFigures baseline = waves.get(waves.size() - 2);
        int minimum = Math.max(threshold, rules.minimum());
        List<String> labels = waves.stream().map(WaveSummaries.WaveFigures::label).toList();
        List<List<Draft>> drafts = new ArrayList<>();
        List<Question> compared = new ArrayList<>();
        List<String[]> notes = new ArrayList<>();
        List<Charts.TrendChart> trends = new ArrayList<>();
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
            if (now.isEmpty()) {
                continue;
            }
            Question asked = baseline.definition().question(question.key()).orElse(null);
            String changed = difference(asked, question, messages);
            if (overall.get(overall.size() - 2).isEmpty()) {
                // Asked so differently (yes or no then, a choice now) that no measure fits both
                // waves: each wave's own figures, side by side in their own columns, never compared.
                List<Draft> apart = asked == null || changed == null ? List.of()
                        : apart(waves, asked, question, scope, suppress, threshold, messages);
                if (!apart.isEmpty()) {
                    drafts.add(apart);
                    trends.add(null);
                    compared.add(question);
                    notes.add(new String[]{changed, null});
                }
                continue;
            }
            ComparableQuestions.Mark mark = changed == null ? null : rules.marked().get(question.key());
            // Asked differently and not marked comparable: both waves side by side, no verdict.
            String fixed = changed != null && mark == null
                    ? messages.get("results.verdict.not.compared") : null;
            List<Draft> lines = new ArrayList<>();
            for (Measures.Measure measure : now) {
                String measureLabel = measure.optionLabel() != null ? measure.optionLabel() : messages.get(measure.labelKey());
                lines.add(draft(measureLabel, messages.get(scope.onlyKey() == null ? "results.row.all" : "results.row.only"),
                        false, overall, measure, question, suppress, threshold, minimum, fixed, messages));
                boolean splitByGroup = scope.byKey() != null && scope.onlyKey() == null && measure.optionCode() == null;
                if (splitByGroup) {
                    Question by = current.definition().question(scope.byKey()).orElse(null);
                    for (String group : groupsOf(current, question.key(), scope.byKey())) {
                        List<List<Measures.Measure>> perWave = new ArrayList<>();
                        for (WaveSummaries.WaveFigures wave : waves) {
                            perWave.add(measures(wave, question, scope.byKey(), group));
                        }
                        String groupLabel = by == null ? group : by.labelFor(group);
                        lines.add(draft(measureLabel, groupLabel, true, perWave, measure, question, suppress, threshold,
                                minimum, fixed, messages));
                    }
                }
            }
            trends.add(trend(question, overall, now.get(0), labels, suppress, threshold, messages));
            drafts.add(lines);
            compared.add(question);
            notes.add(new String[]{changed == null ? null : changed,
                    // Published pages (some public) name the role, never a member of staff's email.
                    mark == null ? null : messages.get("results.compare.marked",
                            suppress ? messages.get("results.compare.marked.lead") : mark.markedBy(),
                            DATE.format(mark.markedAt()), mark.reason())});
        }
        // Many group verdicts on one page: a change is called clear only when it survives
        // Benjamini-Hochberg across all of them. Overall rows are judged on their own, so group
        // noise never hides the question's own verdict.
        List<Draft> tested = drafts.stream().flatMap(List::stream)
                .filter(d -> d.groupRow() && d.fixedVerdict() == null && d.comparison() != null
                        && d.comparison().verdict() != Comparison.Verdict.TOO_FEW).toList();
        double[] p = tested.stream().mapToDouble(d -> d.comparison().p()).toArray();
        boolean[] discovery = Significance.benjaminiHochberg(p, Significance.ALPHA);
        java.util.IdentityHashMap<Draft, Boolean> clear = new java.util.IdentityHashMap<>();
        for (int i = 0; i < tested.size(); i++) {
            clear.put(tested.get(i), discovery[i]);
        }
        List<QuestionComparison> questions = new ArrayList<>();
        for (int q = 0; q < compared.size(); q++) {
            Question question = compared.get(q);
            List<Line> lines = drafts.get(q).stream().map(d -> line(d, clear.getOrDefault(d, true), question, messages))
                    .toList();
            String[] note = notes.get(q);
            questions.add(new QuestionComparison(question.key(), question.text(), lines, trends.get(q),
                    note[0] != null, note[1] == null ? note[0] : null, note[1]));
        }
        String fdrNote = tested.size() > 1 ? messages.get("results.compare.fdr", tested.size()) : null;
        return new OneYearOn(labels, baseline.label(), current.label(), questions, baseline.definition().id(), minimum,
                fdrNote);
    }

    /** Kept for callers that know of no decisions: nothing asked differently is compared. */
    static OneYearOn build(WaveSummaries.Chain chain, Scope scope, boolean suppress, int threshold, Messages messages) {
        return build(chain, scope, suppress, threshold, Rules.strict(ResultsConfiguration.DEFAULT_VERDICT_MINIMUM),
                messages);
    }

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy", java.util.Locale.UK).withZone(java.time.ZoneId.of("Europe/London"));

    /**
     * Why a question cannot simply be compared with its baseline: null when its wording, answer
     * options (codes and words) and scale are the same in both waves.
     */
    @Nullable
    static String difference(@Nullable Question before, Question now, Messages messages) {
        if (before == null) {
            return null;
        }
        List<String> changes = new ArrayList<>();
        if (!before.text().strip().equals(now.text().strip())) {
            changes.add(messages.get("results.compare.changed.wording"));
        }
        if (before.type() != now.type()) {
            changes.add(messages.get("results.compare.changed.scale"));
        } else if (!before.options().equals(now.options())) {
            changes.add(messages.get("results.compare.changed.options"));
        }
        return changes.isEmpty() ? null : messages.get("results.compare.differs", String.join(
                " " + messages.get("results.compare.and") + " ", changes));
    }

    @Nullable
    private static Charts.TrendChart trend(Question question, List<List<Measures.Measure>> overall, Measures.Measure first,
                                           List<String> labels, boolean suppress, int threshold, Messages messages) {
        if (first.optionCode() != null) {
            return null;
        }
        List<Double> values = new ArrayList<>();
        List<String> valueLabels = new ArrayList<>();
        for (List<Measures.Measure> wave : overall) {
            Measures.Measure m = find(wave, first);
            boolean shown = m != null && !hidden(m, suppress, threshold);
            values.add(shown ? m.value() : Double.NaN);
            valueLabels.add(shown ? value(m) : m != null && m.size() > 0 && hidden(m, suppress, threshold) ? Figures.SUPPRESSED : "");
        }
        String measureLabel = messages.get(first.labelKey());
        return Charts.trend("trend-" + question.key(), question.text(),
                messages.get("results.chart.trend", measureLabel, String.join(", ", labels)), labels, values,
                valueLabels, !first.isMean());
    }

    private static Draft draft(String measureLabel, String group, boolean groupRow, List<List<Measures.Measure>> perWave,
                               Measures.Measure current, Question question, boolean suppress, int threshold,
                               int minimum, @Nullable String fixed, Messages messages) {
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
        String measure = capitalised(measureLabel);
        if (fixed != null) {
            // Not compared, whatever is missing: the reason is the rewording, shown beside it.
            return new Draft(measure, measureLabel, group, groupRow, values, null, now != null && now.isMean(), fixed);
        }
        if (now == null || before == null || now.size() == 0 || before.size() == 0) {
            return new Draft(measure, measureLabel, group, groupRow, values, null, false,
                    messages.get("results.verdict.no.figures"));
        }
        if (suppress && (hidden(now, true, threshold) || hidden(before, true, threshold))) {
            return new Draft(measure, measureLabel, group, groupRow, values, null, now.isMean(),
                    messages.get(Comparison.Verdict.TOO_FEW.key));
        }
        return new Draft(measure, measureLabel, group, groupRow, values,
                Comparison.of(before, now, question.direction(), minimum), now.isMean(), null);
    }

    /**
     * Lines for a question whose two waves have no measure in common: the baseline's measures
     * (worded by the baseline's own question) with only the baseline's figures, then this wave's
     * with only its own, every one "Not compared". Everyone only: groups would repeat the point.
     */
    private static List<Draft> apart(List<WaveSummaries.WaveFigures> waves, Question before, Question now, Scope scope,
                                     boolean suppress, int threshold, Messages messages) {
        String group = messages.get(scope.onlyKey() == null ? "results.row.all" : "results.row.only");
        String fixed = messages.get("results.verdict.not.compared");
        List<Draft> lines = new ArrayList<>();
        int[] columns = {waves.size() - 2, waves.size() - 1};
        Question[] questions = {before, now};
        for (int i = 0; i < 2; i++) {
            for (Measures.Measure m : measures(waves.get(columns[i]), questions[i], scope.onlyKey(), scope.onlyCode())) {
                List<String> values = new ArrayList<>();
                for (int w = 0; w < waves.size(); w++) {
                    values.add(w != columns[i] || m.size() == 0 ? ""
                            : hidden(m, suppress, threshold) ? Figures.SUPPRESSED : value(m));
                }
                String label = m.optionLabel() != null ? m.optionLabel() : messages.get(m.labelKey());
                lines.add(new Draft(capitalised(label), label, group, false, values, null, m.isMean(), fixed));
            }
        }
        return lines;
    }

    /** Words a drafted line; {@code clear} false when its group change did not survive the page's false discovery rate. */
    private static Line line(Draft d, boolean clear, Question question, Messages messages) {
        if (d.comparison() == null) {
            return new Line(d.measure(), d.inSentence(), d.group(), d.groupRow(), d.values(), "", "",
                    d.fixedVerdict(), "");
        }
        Comparison comparison = d.comparison();
        if (comparison.verdict() == Comparison.Verdict.TOO_FEW) {
            return new Line(d.measure(), d.inSentence(), d.group(), d.groupRow(), d.values(), "", "",
                    messages.get(Comparison.Verdict.TOO_FEW.key), "");
        }
        boolean mean = d.mean();
        // The change shown is the difference of the figures shown (47% - 38% is "+9 points", never
        // "+10"); the interval and the verdict come from the unrounded figures.
        String change = mean ? Figures.signedDecimal(Figures.roundedChange(comparison.before(), comparison.after(), 10))
                : messages.get("results.points", Figures.points(Figures.roundedChange(comparison.before(),
                comparison.after(), 100)));
        String interval = mean
                ? messages.get("results.interval", Figures.signedDecimal(comparison.lower()), Figures.signedDecimal(comparison.upper()))
                : messages.get("results.interval", Figures.points(comparison.lower()), Figures.points(comparison.upper()));
        Comparison.Verdict verdict = comparison.verdict().clear() && !clear
                ? Comparison.Verdict.NO_CLEAR_CHANGE : comparison.verdict();
        String tone = switch (verdict) {
            case IMPROVED -> "improved";
            case WORSE -> "worse";
            default -> "";
        };
        String words = messages.get(verdict.key);
        if (verdict != comparison.verdict()) {
            words = messages.get("results.verdict.same.many");
        }
        return new Line(d.measure(), d.inSentence(), d.group(), d.groupRow(), d.values(), change, interval, words, tone,
                comparison.change());
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
