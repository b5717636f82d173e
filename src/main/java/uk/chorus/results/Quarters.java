package uk.chorus.results;

import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Responses and headline measures per calendar quarter, across every wave of the chain, as the
 * SEND board's quarterly performance report uses them. The headline measures are each scale,
 * yes/no and rating question's one measure (share positive, saying yes, rating 7 or more).
 */
final class Quarters {
    private Quarters() {
    }

    /** One headline measure's value in each quarter. */
    public record MeasureRow(String question, String label, List<String> values) {
    }

    /** Quarters as columns (few), measures as rows (many), so the table reads down a phone. */
    public record View(List<String> quarters, List<String> responses, List<MeasureRow> measures) {
    }

    static View build(WaveSummaries.Chain chain, boolean suppress, int threshold, Messages messages) {
        List<Question> headline = chain.current().definition().questionList().stream()
                .filter(q -> q.type().isScale() || q.type() == QuestionType.YES_NO || q.type() == QuestionType.RATING)
                .toList();
        List<String> quarters = new ArrayList<>();
        List<String> responses = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        headline.forEach(q -> values.add(new ArrayList<>()));
        for (WaveSummaries.WaveFigures wave : chain.waves()) {
            for (Map.Entry<String, Long> quarter : wave.summary().quarters().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                long count = quarter.getValue();
                boolean smallQuarter = suppress && count > 0 && count < threshold;
                quarters.add(messages.get("results.quarters.column", quarter.getKey(), wave.label()));
                responses.add(smallQuarter ? Figures.SUPPRESSED : Figures.count(count));
                for (int i = 0; i < headline.size(); i++) {
                    values.get(i).add(value(wave, headline.get(i), quarter.getKey(), suppress, threshold, smallQuarter));
                }
            }
        }
        List<MeasureRow> measures = new ArrayList<>();
        for (int i = 0; i < headline.size(); i++) {
            measures.add(new MeasureRow(headline.get(i).text(), messages.get(Measures.headlineKey(headline.get(i).type())),
                    values.get(i)));
        }
        return new View(quarters, responses, measures);
    }
    private static String value(WaveSummaries.WaveFigures wave, Question question, String quarter, boolean suppress,
                                int threshold, boolean smallQuarter) {
        WaveSummary.QuestionSummary summary = wave.summary().questions().get(question.key());
        if (summary == null || summary.byQuarter().get(quarter) == null) {
            return "";
        }
        if (smallQuarter) {
            return Figures.SUPPRESSED;
        }
        List<String> labels = summary.options().stream().map(question::labelFor).toList();
        List<Measures.Measure> measures = Measures.of(question.type(), summary.options(), labels,
                summary.byQuarter().get(quarter), 0, null);
        if (measures.isEmpty() || measures.get(0).size() == 0) {
            return "";
        }
        Measures.Measure m = measures.get(0);
        return Comparisons.hidden(m, suppress, threshold) ? Figures.SUPPRESSED : Figures.percent(m.value());
    }
}
