package uk.chorus.reports;

import jakarta.inject.Singleton;
import uk.chorus.results.QuestionTrends;
import uk.chorus.web.Messages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a measure shows: its figure per wave or period, the first and the latest, the change and a
 * verdict in plain words. A survey question's figures and verdict are the results pages' own
 * (published, suppressed, with their interval behind the verdict); an indicator's are compared
 * in the direction the lead said is better, and against its target when it has one.
 */
@Singleton
public class MeasureOutcomes {
    private final QuestionTrends trends;
    private final Messages messages;

    MeasureOutcomes(QuestionTrends trends, Messages messages) {
        this.trends = trends;
        this.messages = messages;
    }

    public ReportContent.MeasureEntry of(MeasureStore.Measure measure) {
        return measure.question() ? question(measure) : indicator(measure);
    }

    private ReportContent.MeasureEntry question(MeasureStore.Measure measure) {
        Optional<QuestionTrends.Trend> trend = trends.of(measure.surveyId(), measure.questionKey());
        if (trend.isEmpty() || trend.get().points().isEmpty()) {
            return new ReportContent.MeasureEntry(measure.name(), messages.get("reports.measure.kind.question"), List.of(),
                    null, null, null, null, messages.get("reports.measure.no.figures"), null);
        }
        List<ReportContent.Point> points = trend.get().points().stream()
                .map(p -> new ReportContent.Point(p.wave(), p.value().isEmpty() ? "–" : p.value())).toList();
        String measured = trend.get().measure().isEmpty() ? trend.get().question()
                : trend.get().question() + " (" + trend.get().measure().toLowerCase(java.util.Locale.ROOT) + ")";
        return new ReportContent.MeasureEntry(measure.name(), messages.get("reports.measure.kind.survey", measured), points,
                points.get(0).value(), points.get(points.size() - 1).value(), trend.get().change(), null,
                trend.get().verdict() == null ? messages.get("reports.measure.one.wave") : trend.get().verdict(),
                trend.get().tone());
    }

    private ReportContent.MeasureEntry indicator(MeasureStore.Measure measure) {
        List<ReportContent.Point> points = new ArrayList<>();
        measure.readings().forEach(r -> points.add(new ReportContent.Point(r.period(), value(r.value(), measure.unit()))));
        String target = measure.target() == null ? null : value(measure.target(), measure.unit());
        if (points.isEmpty()) {
            return new ReportContent.MeasureEntry(measure.name(), messages.get("reports.measure.kind.indicator"), points,
                    null, null, null, target, messages.get("reports.measure.no.figures"), null);
        }
        BigDecimal first = measure.readings().get(0).value();
        BigDecimal latest = measure.readings().get(measure.readings().size() - 1).value();
        String verdict;
        String tone = null;
        String change = null;
        if (points.size() == 1) {
            verdict = messages.get("reports.measure.one.figure");
        } else {
            BigDecimal difference = latest.subtract(first);
            change = (difference.signum() > 0 ? "+" : difference.signum() < 0 ? "−" : "")
                    + value(difference.abs(), "%".equals(measure.unit()) ? " points" : measure.unit());
            int better = difference.signum() * (measure.higherIsBetter() ? 1 : -1);
            verdict = messages.get(better > 0 ? "reports.measure.better" : better < 0 ? "reports.measure.worse"
                    : "reports.measure.same");
            tone = better > 0 ? "improved" : better < 0 ? "worse" : null;
        }
        if (measure.target() != null) {
            boolean met = measure.higherIsBetter() ? latest.compareTo(measure.target()) >= 0
                    : latest.compareTo(measure.target()) <= 0;
            verdict = verdict + " " + messages.get(met ? "reports.measure.target.met" : "reports.measure.target.not.met");
        }
        return new ReportContent.MeasureEntry(measure.name(), messages.get("reports.measure.kind.indicator"), points,
                points.get(0).value(), points.get(points.size() - 1).value(), change, target, verdict, tone);
    }

    /** "64%", "12.5 weeks", "707": a figure with its unit, without trailing zeros. */
    static String value(BigDecimal value, String unit) {
        String number = value.setScale(Math.min(2, Math.max(0, value.stripTrailingZeros().scale())), RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        if (unit == null || unit.isBlank()) {
            return number;
        }
        return unit.equals("%") ? number + "%" : number + (unit.startsWith(" ") ? unit : " " + unit);
    }
}
