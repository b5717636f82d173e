package uk.chorus.languages;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Message;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Map;

/**
 * The survey's languages page, shared by the page itself and by an import that was refused and
 * shows it again with every problem listed.
 */
@Singleton
class LanguagePages {
    /** A refused file lists this many problems; the count says how many there were in all. */
    static final int PROBLEMS_SHOWN = 200;
    private final Messages messages;

    LanguagePages(Messages messages) {
        this.messages = messages;
    }

    MutableHttpResponse<?> survey(Staff staff, LiveSurvey live, HttpStatus status, List<Message> problems) {
        SurveyDefinition survey = live.definition();
        List<Coverage> coverage = Coverage.all(survey);
        Map<String, Object> model = Pages.model("titleKey", "languages.survey.title", "staff", staff,
                "surveyId", survey.id(), "surveyTitle", survey.title(), "version", live.version(),
                "coverage", coverage, "hidden", coverage.stream().filter(c -> !c.offered()).toList(),
                "backUrl", "/staff/languages");
        FormErrors errors = FormErrors.none();
        if (!problems.isEmpty()) {
            errors.add("file", messages.count("languages.import.error.problems", problems.size()));
            model.put("problems", problems.stream().limit(PROBLEMS_SHOWN).map(messages::get).toList());
        }
        return Pages.render(status, "languages/survey", errors.addTo(model));
    }
}
