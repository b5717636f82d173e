package uk.chorus.reports;

import jakarta.inject.Singleton;
import io.micronaut.core.annotation.Nullable;
import uk.chorus.results.QuestionTrends;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a measure shows about an action: its figure per wave or period, the first and the latest,
 * the change and a verdict in plain words. Only figures for periods that ended after the action
 * began count: the starting point is the last figure from before it began, and no change that
 * happened before the work began is ever called "Better". A survey question's figures and verdict
 * are the results pages' own (published, suppressed, with their interval behind the verdict); an
 * indicator's are compared in the direction the lead said is better, and against its target.
 */
@Singleton
public class MeasureOutcomes {
    private final QuestionTrends trends;
    private final Messages messages;

    MeasureOutcomes(QuestionTrends trends, Messages messages) {
        this.trends = trends;
        this.messages = messages;
    }

    /** Every figure the measure has, compared first to latest: the measure on its own, not an action's. */
    public ReportContent.MeasureEntry of(MeasureStore.Measure measure) {
        return of(measure, LocalDate.MIN);
    }

    /** @param began when the work began; null when it has not begun, so it is too early to tell */
    public ReportContent.MeasureEntry of(MeasureStore.Measure measure, @Nullable LocalDate began) {
        if (began == null) {
            return new ReportContent.MeasureEntry(measure.name(), kind(measure), List.of(), null, null, null,
                    target(measure), messages.get("reports.measure.not.begun"), null);
        }
        return measure.question() ? question(measure, began) : indicator(measure, began);
    }

    private String kind(MeasureStore.Measure measure) {
        return messages.get(measure.question() ? "reports.measure.kind.question" : "reports.measure.kind.indicator");
    }

    private static @Nullable String target(MeasureStore.Measure measure) {
        return measure.target() == null ? null : value(measure.target(), measure.unit());
    }

    /** A wave's year, when its label is one; waves are compared by year as they carry no dates. */
    private static OptionalInt year(String wave) {
        return wave.matches("[0-9]{4}") ? OptionalInt.of(Integer.parseInt(wave)) : OptionalInt.empty();
    }

    private ReportContent.MeasureEntry question(MeasureStore.Measure measure, LocalDate began) {
        Optional<QuestionTrends.Trend> trend = trends.of(measure.surveyId(), measure.questionKey());
        if (trend.isEmpty() || trend.get().points().isEmpty()) {
            return new ReportContent.MeasureEntry(measure.name(), messages.get("reports.measure.kind.question"), List.of(),
                    null, null, null, null, messages.get("reports.measure.no.figures"), null);
        }
        List<ReportContent.Point> all = trend.get().points().stream()
                .map(p -> new ReportContent.Point(p.wave(), p.value().isEmpty() ? "–" : p.value())).toList();
        String measured = trend.get().measure().isEmpty() ? trend.get().question()
                : trend.get().question() + " (" + trend.get().measure().toLowerCase(java.util.Locale.ROOT) + ")";
        String kind = messages.get("reports.measure.kind.survey", measured);
        // A wave counts as after the work began only when it was in a later year than the start.
        int firstAfter = -1;
        for (int i = 0; i < all.size(); i++) {
            OptionalInt year = year(all.get(i).period());
            if (year.isPresent() && year.getAsInt() > began.getYear()) {
                firstAfter = i;
                break;
            }
        }
        if (firstAfter < 0) {
            List<ReportContent.Point> before = all.isEmpty() ? List.of() : List.of(all.get(all.size() - 1));
            return new ReportContent.MeasureEntry(measure.name(), kind, before, null, null, null, null,
                    messages.get("reports.measure.too.early", Dates.longForm(began)), null);
        }
        List<ReportContent.Point> points = all.subList(Math.max(0, firstAfter - 1), all.size());
        // The results' verdict compares the last two waves: it stands only when both are from the start on.
        boolean comparable = points.size() >= 2 && trend.get().verdict() != null;
        return new ReportContent.MeasureEntry(measure.name(), kind, points, points.get(0).value(),
                points.get(points.size() - 1).value(), comparable ? trend.get().change() : null, null,
                comparable ? trend.get().verdict() : messages.get(began.equals(LocalDate.MIN)
                        ? "reports.measure.one.wave" : "reports.measure.one.since"),
                comparable ? trend.get().tone() : null);
    }

    private ReportContent.MeasureEntry indicator(MeasureStore.Measure measure, LocalDate began) {
        String target = target(measure);
        String kind = messages.get("reports.measure.kind.indicator");
        if (measure.readings().isEmpty()) {
            return new ReportContent.MeasureEntry(measure.name(), kind, List.of(), null, null, null, target,
                    messages.get("reports.measure.no.figures"), null);
        }
        // The starting point is the last figure for a period that ended by the day the work began.
        List<MeasureStore.Reading> counted = new ArrayList<>();
        MeasureStore.Reading start = null;
        for (MeasureStore.Reading reading : measure.readings()) {
            if (reading.periodEnd().isAfter(began)) {
                counted.add(reading);
            } else {
                start = reading;
            }
        }
        if (counted.isEmpty()) {
            return new ReportContent.MeasureEntry(measure.name(), kind,
                    List.of(new ReportContent.Point(start.period(), value(start.value(), measure.unit()))), null, null,
                    null, target, messages.get("reports.measure.too.early", Dates.longForm(began)), null);
        }
        if (start != null) {
            counted.add(0, start);
        }
        List<ReportContent.Point> points = new ArrayList<>();
        counted.forEach(r -> points.add(new ReportContent.Point(r.period(), value(r.value(), measure.unit()))));
        BigDecimal first = counted.get(0).value();
        BigDecimal latest = counted.get(counted.size() - 1).value();
        String verdict;
        String tone = null;
        String change = null;
        if (points.size() == 1) {
            verdict = messages.get(began.equals(LocalDate.MIN) ? "reports.measure.one.figure"
                    : "reports.measure.one.since");
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
        return new ReportContent.MeasureEntry(measure.name(), kind, points,
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
