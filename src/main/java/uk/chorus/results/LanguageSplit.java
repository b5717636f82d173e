package uk.chorus.results;

import jakarta.inject.Singleton;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The language each response was answered in, as a column results can be split by like an
 * about-you question ({@code ?by=answered-in}). Closed answers are codes whatever the language, so
 * the split compares like with like. Offered only when the survey is offered in more than one
 * language, and only to the survey's leads: the published figures (DisclosureModel) are not split
 * by language, so a published view never is either.
 */
@Singleton
class LanguageSplit {
    /** Not a possible question key (keys have no hyphen), so it never hides a question. */
    static final String KEY = "answered-in";

    private final ResponseRecords records;
    private final Messages messages;

    LanguageSplit(ResponseRecords records, Messages messages) {
        this.records = records;
        this.messages = messages;
    }

    static boolean offered(SurveyDefinition survey) {
        return survey.languages().size() > 1;
    }

    /** The question the split's rows are labelled by: "Language answered in", one option per language. */
    Question question(SurveyDefinition survey) {
        List<Option> options = new ArrayList<>();
        for (String language : survey.languages()) {
            options.add(new Option(language, SurveyDefinition.SOURCE_LANGUAGE.equals(language)
                    ? messages.get("results.language.english")
                    : survey.translationsByLanguage().get(language).name() + " (" + language + ")"));
        }
        return new Question(KEY, QuestionType.ABOUT_YOU, messages.get("results.language.question"), null, null, true,
                options, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A column of the wave's languages, row by row (a partial response's is unknown). Read under
     * the wave's lock, so every row the wave holds has its language.
     */
    Wave.Column column(Wave wave) {
        Question question = question(wave.definition);
        Wave.Column column = new Wave.Column(question);
        column.grow(Math.max(wave.size, 1));
        Map<Long, String> other = records.languagesOtherThan(wave.surveyId, SurveyDefinition.SOURCE_LANGUAGE);
        int english = column.indexOf(SurveyDefinition.SOURCE_LANGUAGE);
        for (int row = 0; row < wave.size; row++) {
            if (wave.partial(row)) {
                continue;
            }
            String language = other.get(wave.ids[row]);
            int index = language == null ? english : column.indexOf(language);
            // A language the survey no longer offers still counts, under its own code.
            column.chosen[row] = index != Wave.NONE ? index : column.optionIndex(new Option(language, language));
        }
        return column;
    }
}
