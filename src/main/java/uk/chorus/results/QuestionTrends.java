package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.SurveyVersions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One question's headline figure in each wave, for other features that track it as a measure (the
 * "you said, we did" reports): only the version a lead published, with the change since the wave
 * before (when that is published too) and the verdict the results pages give. Nothing before.
 */
@Singleton
public class QuestionTrends {
    private final PublishedFigures published;
    private final SurveyVersions versions;

    QuestionTrends(PublishedFigures published, SurveyVersions versions) {
        this.published = published;
        this.versions = versions;
    }

    /** A wave's label and its figure ("64%", "[c]", or empty when nobody answered). */
    public record Point(String wave, String value) {
    }

    public record Trend(String question, String measure, List<Point> points, @Nullable String change,
                        @Nullable String verdict, @Nullable String tone) {
    }

    /** Questions that can be tracked: every one with a headline figure (not about-you, not written). */
    public List<Question> trackable(String surveyId) {
        return versions.newest(surveyId).map(s -> s.definition().questionList().stream()
                .filter(q -> q.type() != QuestionType.ABOUT_YOU && !q.type().isText()
                        && q.type() != QuestionType.MONTH_YEAR)
                .toList()).orElse(List.of());
    }

    public Optional<Trend> of(String surveyId, String questionKey) {
        // Only what a lead has published, as published: a report never runs ahead of that decision.
        Optional<uk.chorus.surveys.LiveSurvey> survey = versions.newest(surveyId);
        Optional<PublishedWave> figuresNow = published.published(surveyId);
        if (survey.isEmpty() || figuresNow.isEmpty()) {
            return Optional.empty();
        }
        SurveyResults figures = published.results(survey.get().definition(), figuresNow.get(), null, null, null);
        if (figures.oneYearOn() != null) {
            for (Comparisons.QuestionComparison question : figures.oneYearOn().questions()) {
                if (question.key().equals(questionKey)) {
                    Comparisons.Line line = question.headline();
                    List<Point> points = new ArrayList<>();
                    for (int i = 0; i < line.values().size(); i++) {
                        points.add(new Point(figures.oneYearOn().waves().get(i), line.values().get(i)));
                    }
                    return Optional.of(new Trend(question.text(), line.measure(), points,
                            line.change().isEmpty() ? null : line.change(), line.verdict(),
                            line.verdictTone().isEmpty() ? null : line.verdictTone()));
                }
            }
        }
        // No earlier wave to compare with: this wave's figure alone, from its headline row.
        return figures.questions().stream().filter(q -> q.key().equals(questionKey)).findFirst()
                .map(q -> new Trend(q.text(), "", List.of(new Point(Integer.toString(figures.wave()), headline(q))), null,
                        null, null));
    }

    private static String headline(QuestionResult question) {
        if (question.rows().isEmpty() || question.rows().get(0).cells().isEmpty()) {
            return "";
        }
        QuestionResult.Row all = question.rows().get(0);
        if (all.net() != null && !all.net().isEmpty()) {
            return all.net();
        }
        if (all.mean() != null && !all.mean().isEmpty()) {
            return all.mean();
        }
        QuestionResult.Cell first = all.cells().get(0);
        return first.percentText() != null ? first.percentText() : first.countText();
    }
}
