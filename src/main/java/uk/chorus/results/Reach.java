package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.ShowIf;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every denominator of a question, row by row: how many were asked it (everyone, or for a routed
 * question those whose earlier answer showed it), how many answered, how many skipped it, how
 * many said "don't know" or "prefer not to say", and the response rate against those asked (not
 * against the whole area). Worked out from the figures the results already show and nothing
 * else, so a published page gives nothing away its tables do not: a withheld figure makes every
 * figure worked out from it withheld too.
 */
final class Reach {
    private Reach() {
    }

    /** One row's denominators; a null count is withheld or unknown (its text then "[c]" or empty). */
    @io.micronaut.serde.annotation.Serdeable
    public record Row(@Nullable Long asked, @Nullable Long answered, @Nullable Long skipped, @Nullable Long noView,
                      String askedText, String answeredText, String skippedText, String noViewText, String rateText) {
    }

    /**
     * Results with each question's denominators added. {@code everyone} is how many responses the
     * page counts (null when withheld or not known for this view); {@code by} the about-you
     * question the rows are split by, if any.
     */
    static SurveyResults apply(SurveyResults results, SurveyDefinition definition, @Nullable Long everyone,
                               @Nullable String by, Messages messages) {
        Map<String, QuestionResult> byKey = new HashMap<>();
        results.questions().forEach(q -> byKey.put(q.key(), q));
        QuestionResult split = by == null ? null : byKey.get(by);
        List<QuestionResult> questions = new ArrayList<>();
        for (QuestionResult question : results.questions()) {
            Question asked = definition.question(question.key()).orElse(null);
            if (asked == null) {
                questions.add(question);
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (QuestionResult.Row row : question.rows()) {
                Long askedCount = asked(asked.showIf(), row, byKey, split, everyone, definition);
                rows.add(row(question, row, askedCount, messages));
            }
            questions.add(question.withReach(rows));
        }
        return new SurveyResults(results.surveyId(), results.title(), results.wave(), results.responses(),
                results.responsesText(), results.partials(), results.fromSnapshot(), results.suppressed(),
                results.smallestGroup(), results.rounded(), results.byLabel(), results.onlyLabel(),
                results.weightedBy(), results.representation(), questions, results.anySuppressed(),
                results.oneYearOn(), results.missingBaseline());
    }

    private static Row row(QuestionResult question, QuestionResult.Row row, @Nullable Long asked, Messages messages) {
        Long answered = row.total();
        Long noView = null;
        if (!question.kind().equals("multiple") && row.total() != null && row.base() != null) {
            noView = row.total() - row.base();
        }
        Long skipped = asked == null || answered == null ? null : Math.max(0, asked - answered);
        String rate = asked == null || answered == null || asked == 0 ? ""
                : messages.get("results.reach.rate.of.asked", Figures.percent(Math.min(1, answered / (double) asked)));
        return new Row(asked, answered, skipped, noView, text(asked), row.totalText(), text(skipped),
                question.kind().equals("multiple") ? "" : text(noView), rate);
    }

    private static String text(@Nullable Long count) {
        return count == null ? Figures.SUPPRESSED : Figures.count(count);
    }

    /** How many in a row were asked the question; null when withheld or not known from what is shown. */
    @Nullable
    private static Long asked(@Nullable ShowIf showIf, QuestionResult.Row row, Map<String, QuestionResult> byKey,
                              @Nullable QuestionResult split, @Nullable Long everyone, SurveyDefinition definition) {
        if (showIf == null) {
            return everyoneIn(row, split, everyone);
        }
        QuestionResult gate = byKey.get(showIf.question());
        Question gateQuestion = definition.question(showIf.question()).orElse(null);
        if (gate == null || gateQuestion == null) {
            return null;
        }
        if (gateQuestion.type() == QuestionType.MULTIPLE_CHOICE && showIf.anyOf().size() > 1) {
            // Those who ticked any of several answers: the answers' counts overlap, so the table cannot say.
            return null;
        }
        if (split != null && split == gate) {
            // Routed by the question the page is split by: a group was asked all or nothing.
            if (row.all()) {
                long sum = 0;
                for (String code : showIf.anyOf()) {
                    Long n = cell(gate.rows().get(0), gate, code);
                    if (n == null) {
                        return null;
                    }
                    sum += n;
                }
                return sum;
            }
            return showIf.anyOf().contains(row.code()) ? everyoneIn(row, split, everyone) : Long.valueOf(0);
        }
        QuestionResult.Row gateRow = gate.rows().stream().filter(r -> r.code().equals(row.code())).findFirst().orElse(null);
        if (gateRow == null) {
            return null;
        }
        long sum = 0;
        for (String code : showIf.anyOf()) {
            Long n = cell(gateRow, gate, code);
            if (n == null) {
                return null;
            }
            sum += n;
        }
        return sum;
    }

    /** Everyone in a row: all the page counts, or a group's size from the split question's own counts. */
    @Nullable
    private static Long everyoneIn(QuestionResult.Row row, @Nullable QuestionResult split, @Nullable Long everyone) {
        if (row.all()) {
            return everyone;
        }
        if (split == null || row.code().equals(Counting.NO_ANSWER)) {
            return null;
        }
        return cell(split.rows().get(0), split, row.code());
    }

    @Nullable
    private static Long cell(QuestionResult.Row row, QuestionResult question, String code) {
        for (int c = 0; c < question.columns().size(); c++) {
            if (question.columns().get(c).code().equals(code)) {
                return row.cells().get(c).count();
            }
        }
        return 0L;
    }
}
