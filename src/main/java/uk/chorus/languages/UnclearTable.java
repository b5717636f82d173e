package uk.chorus.languages;

import uk.chorus.responses.UnclearCounts;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.Translation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unclear-questions table: a row per question someone marked, in survey order, with a column
 * per language (how many of that language's respondents marked it, out of how many answered in
 * it) and the reading levels they read it at.
 */
public record UnclearTable(List<Column> languages, List<Row> rows) {

    /** A language column: its code, its name and how many responses were sent in it. */
    public record Column(String code, String name, long responses) {
    }

    /** One question: its key and English wording, a count per column, and counts by reading level. */
    public record Row(String key, String text, List<Long> counts, long total, List<Level> byLevel) {
    }

    /** How many read the question at one reading level; {@code labelKey} names the level in the bundle. */
    public record Level(String labelKey, long respondents) {
    }

    static UnclearTable of(SurveyDefinition survey, List<UnclearCounts.Count> counts, Map<String, Long> responses) {
        Set<String> codes = new LinkedHashSet<>(survey.languages());
        codes.addAll(survey.translationsByLanguage().keySet());
        counts.forEach(c -> codes.add(c.language()));
        responses.keySet().forEach(codes::add);
        List<Column> columns = new ArrayList<>();
        for (String code : codes) {
            Translation t = survey.translationsByLanguage().get(code);
            columns.add(new Column(code, t == null ? (code.equals(SurveyDefinition.SOURCE_LANGUAGE) ? "English" : code)
                    : t.name(), responses.getOrDefault(code, 0L)));
        }
        List<Row> rows = new ArrayList<>();
        for (Question q : survey.questionList()) {
            List<UnclearCounts.Count> mine = counts.stream().filter(c -> c.questionKey().equals(q.key())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            List<Long> perLanguage = new ArrayList<>();
            for (Column column : columns) {
                perLanguage.add(mine.stream().filter(c -> c.language().equals(column.code()))
                        .mapToLong(UnclearCounts.Count::respondents).sum());
            }
            List<Level> byLevel = new ArrayList<>();
            for (String level : List.of("standard", "easy", "symbols")) {
                long n = mine.stream().filter(c -> c.readingLevel().equals(level)).mapToLong(UnclearCounts.Count::respondents).sum();
                if (n > 0) {
                    byLevel.add(new Level("reading.level." + level, n));
                }
            }
            rows.add(new Row(q.key(), q.text(), List.copyOf(perLanguage),
                    mine.stream().mapToLong(UnclearCounts.Count::respondents).sum(), List.copyOf(byLevel)));
        }
        return new UnclearTable(List.copyOf(columns), List.copyOf(rows));
    }
}
