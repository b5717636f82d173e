package uk.chorus.results;

import jakarta.inject.Singleton;
import uk.chorus.surveys.SurveyDefinition;

/** The rules every one-year-on comparison of a survey follows, wherever it is shown. */
@Singleton
class ComparisonRules {
    private final ComparableQuestions comparable;
    private final ResultsConfiguration configuration;

    ComparisonRules(ComparableQuestions comparable, ResultsConfiguration configuration) {
        this.comparable = comparable;
        this.configuration = configuration;
    }

    Comparisons.Rules of(SurveyDefinition survey) {
        return new Comparisons.Rules(configuration.getVerdictMinimum(), survey.baseline() == null
                ? java.util.Map.of() : comparable.of(survey.id(), survey.baseline()));
    }
}
