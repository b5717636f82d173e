package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A survey's results page, export and API answer: every question (see QuestionResult), who
 * answered against the population, and the one-year-on comparison when the survey has a baseline.
 *
 * @param responses     complete responses counted (within the filter), null when suppressed
 * @param partials      partial responses counted, when they are switched on
 * @param fromSnapshot  the raw answers were deleted: figures come from the stored snapshot
 */
public record SurveyResults(String surveyId, String title, int wave, @Nullable Long responses, String responsesText,
                            long partials, boolean fromSnapshot, boolean suppressed, int smallestGroup, boolean rounded,
                            @Nullable String byLabel, @Nullable String onlyLabel, @Nullable String weightedBy,
                            List<RepresentationTable> representation, List<QuestionResult> questions,
                            boolean anySuppressed, @Nullable Comparisons.OneYearOn oneYearOn,
                            @Nullable String missingBaseline) {

    /** One about-you question with population sizes: its groups among respondents and in the area. */
    public record RepresentationTable(String key, String question, List<RepresentationRow> rows, boolean anyFlag) {
    }

    public record RepresentationRow(String label, String population, String populationShare, String respondents,
                                    String respondentShare, String responseRate, String margin, String flag) {
    }
}
