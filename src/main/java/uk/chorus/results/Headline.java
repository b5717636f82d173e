package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page for a board paper: each compared question's headline measure with its trend and
 * verdict, then what needs attention: the measures that clearly got worse (biggest fall first)
 * and, when the page is split by a group, the groups whose figures clearly got worse. "Clearly"
 * is the comparison's own verdict, after the page's allowance for many comparisons, so nothing
 * here says more than the one-year-on page does.
 */
final class Headline {
    private Headline() {
    }

    public record Measure(String key, String question, String measure, List<String> values, String change,
                          String verdict, String tone) {
    }

    public record Attention(String key, String question, String group, String measure, String now, String change) {
    }

    /** {@code chosen}: a lead picked the measures shown (otherwise every compared question is). */
    public record Page(List<String> waves, List<Measure> measures, List<Attention> falls, List<Attention> groups,
                       @Nullable String fdrNote, boolean chosen) {
    }

    static Page of(Comparisons.OneYearOn oneYearOn) {
        return of(oneYearOn, java.util.Optional.empty());
    }

    /**
     * The measures a lead chose (all compared questions when none were chosen). What needs
     * attention still covers every question: unticking a measure must never hide that it got worse.
     */
    static Page of(Comparisons.OneYearOn oneYearOn, java.util.Optional<java.util.Set<String>> chosen) {
        List<Measure> measures = new ArrayList<>();
        List<Comparisons.Line> fallLines = new ArrayList<>();
        List<Attention> falls = new ArrayList<>();
        List<Attention> groups = new ArrayList<>();
        for (Comparisons.QuestionComparison question : oneYearOn.questions()) {
            Comparisons.Line line = question.headline();
            if (chosen.map(keys -> keys.contains(question.key())).orElse(true)) {
                measures.add(new Measure(question.key(), question.text(), line.measure(), line.values(), line.change(),
                        line.verdict(), line.verdictTone()));
            }
            for (Comparisons.Line each : question.lines()) {
                if (!"worse".equals(each.verdictTone())) {
                    continue;
                }
                Attention attention = new Attention(question.key(), question.text(), each.group(), each.measure(),
                        each.values().get(each.values().size() - 1), each.change());
                if (each.groupRow()) {
                    groups.add(attention);
                } else {
                    fallLines.add(each);
                    falls.add(attention);
                }
            }
        }
        // Biggest fall first: the size of the change, whichever way "worse" runs for the question.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < falls.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -Math.abs(fallLines.get(i).delta())));
        List<Attention> sorted = order.stream().map(falls::get).toList();
        return new Page(oneYearOn.waves(), measures, sorted, groups, oneYearOn.fdrNote(), chosen.isPresent());
    }
}
