package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.surveys.QuestionType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wave's results as counts: every question's count per option, overall, by each group of each
 * about-you question, and by quarter; numbers as count, mean, median and variance. All that later
 * comparisons need, and nothing about anyone: this is what is kept (in result_snapshots) when the
 * wave's raw answers are deleted at the end of their retention period.
 */
@Serdeable
record WaveSummary(String surveyId, int wave, long responses, Map<String, Long> quarters,
                   Map<String, QuestionSummary> questions) {

    /** One question: option codes, counts of everyone, by group (about-you key, then group code) and by quarter. */
    @Serdeable
    record QuestionSummary(QuestionType type, List<String> options, long[] counts, long respondents,
                           Map<String, Map<String, long[]>> byGroup, Map<String, Map<String, Long>> respondentsByGroup,
                           Map<String, long[]> byQuarter, @Nullable Numbers numbers,
                           Map<String, Map<String, Numbers>> numbersByGroup) {
    }

    @Serdeable
    record Numbers(long n, double mean, double median, double variance) {
        static Numbers of(Counting.NumberStats stats) {
            return stats.n() == 0 ? null : new Numbers(stats.n(), stats.mean(), stats.median(), stats.variance());
        }
    }

    /** "2026 Q4" for the quarter (calendar, UK time) an instant falls in. */
    static String quarterOf(long epochSecond) {
        var date = Instant.ofEpochSecond(epochSecond).atZone(ZoneId.of("Europe/London"));
        return date.getYear() + " Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    /** Summarises a wave's complete responses. */
    static WaveSummary of(Wave wave) {
        Counting.Selection everyone = Counting.Selection.all(wave, false);
        Map<String, Long> quarters = new LinkedHashMap<>();
        String[] quarterOfRow = new String[wave.size];
        for (int row = 0; row < wave.size; row++) {
            if (everyone.included()[row]) {
                quarterOfRow[row] = quarterOf(wave.submittedAt[row]);
                quarters.merge(quarterOfRow[row], 1L, Long::sum);
            }
        }
        List<Wave.Column> aboutYou = wave.columns.stream().filter(c -> c.question.about() != null).toList();
        // Each question is summarised on its own (on every core), then put back in order.
        List<QuestionSummary> summaries = wave.columns.parallelStream()
                .map(column -> summarise(wave, column, aboutYou, everyone, quarterOfRow)).toList();
        Map<String, QuestionSummary> questions = new LinkedHashMap<>();
        for (int i = 0; i < summaries.size(); i++) {
            questions.put(wave.columns.get(i).question.key(), summaries.get(i));
        }
        return new WaveSummary(wave.surveyId, wave.definition.wave(), everyone.count(), quarters, questions);
    }

    private static QuestionSummary summarise(Wave wave, Wave.Column column, List<Wave.Column> aboutYou,
                                            Counting.Selection everyone, String[] quarterOfRow) {
        Counting.Table all = Counting.count(wave, column, null, everyone);
        Map<String, Map<String, long[]>> byGroup = new LinkedHashMap<>();
        Map<String, Map<String, Long>> respondentsByGroup = new LinkedHashMap<>();
        Map<String, Map<String, Numbers>> numbersByGroup = new LinkedHashMap<>();
        for (Wave.Column by : aboutYou) {
            Counting.Table split = Counting.count(wave, column, by, everyone);
            Map<String, long[]> groups = new LinkedHashMap<>();
            Map<String, Long> respondents = new LinkedHashMap<>();
            Map<String, Numbers> numbers = new LinkedHashMap<>();
            for (int r = 1; r < split.rowKeys().size(); r++) {
                groups.put(split.rowKeys().get(r), split.counts()[r]);
                respondents.put(split.rowKeys().get(r), split.total(r));
                Numbers n = Numbers.of(split.numbers()[r]);
                if (n != null) {
                    numbers.put(split.rowKeys().get(r), n);
                }
            }
            byGroup.put(by.question.key(), groups);
            respondentsByGroup.put(by.question.key(), respondents);
            numbersByGroup.put(by.question.key(), numbers);
        }
        return new QuestionSummary(column.question.type(),
                column.options.stream().map(uk.chorus.surveys.Option::code).toList(), all.counts()[0],
                all.total(0), byGroup, respondentsByGroup, byQuarter(wave, column, quarterOfRow),
                Numbers.of(all.numbers()[0]), numbersByGroup);
    }

    private static Map<String, long[]> byQuarter(Wave wave, Wave.Column column, String[] quarterOfRow) {
        Map<String, long[]> quarters = new LinkedHashMap<>();
        if (column.multiple() || column.numeric() || column.text()) {
            return quarters;
        }
        for (int row = 0; row < wave.size; row++) {
            if (quarterOfRow[row] != null && column.chosen[row] != Wave.NONE) {
                quarters.computeIfAbsent(quarterOfRow[row], q -> new long[column.options.size()])[column.chosen[row]]++;
            }
        }
        return quarters;
    }
}
