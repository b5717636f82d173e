package uk.chorus.results;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a survey's lead chooses the measures its headline page shows (the ones the area's
 * strategy tracks), from the questions compared with the baseline. Audited; no choice means all.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/surveys/{surveyId}/results/headline/measures", produces = MediaType.TEXT_HTML)
class HeadlineChoiceController {
    private static final ResultOptions LIVE = new ResultOptions(null, null, null, false, null, false, false);
    private final SurveyVersions versions;
    private final ResultsAccess access;
    private final ResultsService results;
    private final HeadlineMeasures headlines;
    private final Messages messages;

    HeadlineChoiceController(SurveyVersions versions, ResultsAccess access, ResultsService results,
                             HeadlineMeasures headlines, Messages messages) {
        this.versions = versions;
        this.access = access;
        this.results = results;
        this.headlines = headlines;
        this.messages = messages;
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, String surveyId) {
        Optional<List<Comparisons.QuestionComparison>> compared = compared(authentication, surveyId);
        if (compared.isEmpty()) {
            return Pages.notFound();
        }
        Set<String> chosen = headlines.chosen(surveyId).orElse(null);
        return Pages.render("results/headline-measures", model(authentication, surveyId, compared.get(),
                key -> chosen == null || chosen.contains(key), FormErrors.none()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> choose(HttpRequest<byte[]> request, Authentication authentication, String surveyId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<List<Comparisons.QuestionComparison>> compared = compared(authentication, surveyId);
        if (compared.isEmpty()) {
            return Pages.notFound();
        }
        // Only questions on the page count; anything else in the form is ignored.
        Collection<String> ticked = form.get().getOrDefault("measure", List.of());
        List<String> keys = compared.get().stream().map(Comparisons.QuestionComparison::key).filter(ticked::contains)
                .toList();
        if (keys.isEmpty()) {
            FormErrors errors = FormErrors.of("measure", messages.get("results.headline.choose.error"));
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "results/headline-measures",
                    errors.addTo(model(authentication, surveyId, compared.get(), key -> false, errors)));
        }
        headlines.choose(surveyId, keys, Staff.of(authentication).email());
        return Pages.seeOther("/staff/surveys/" + surveyId + "/results/headline");
    }

    /** The questions compared with the baseline, for a survey the person leads; empty when there is none. */
    private Optional<List<Comparisons.QuestionComparison>> compared(Authentication authentication, String surveyId) {
        Optional<LiveSurvey> survey = versions.newest(surveyId)
                .filter(s -> access.of(Staff.of(authentication), s.definition()) == ResultsAccess.Sight.FULL);
        return survey.flatMap(s -> results.results(surveyId, LIVE)).map(SurveyResults::oneYearOn)
                .map(Comparisons.OneYearOn::questions).filter(q -> !q.isEmpty());
    }

    private Map<String, Object> model(Authentication authentication, String surveyId,
                                      List<Comparisons.QuestionComparison> compared,
                                      java.util.function.Predicate<String> checked, FormErrors errors) {
        List<ResultsQuery.Tick> ticks = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            Comparisons.QuestionComparison question = compared.get(i);
            // The first box carries the field's id, so the error summary's link lands on it.
            ticks.add(new ResultsQuery.Tick(i == 0 ? "measure" : "measure-" + question.key(), question.key(),
                    question.text() + " (" + question.headline().inSentence() + ")", checked.test(question.key())));
        }
        String title = versions.newest(surveyId).map(s -> s.definition().title()).orElse(surveyId);
        return Pages.model("title", messages.get("results.headline.choose.title") + ": " + title,
                "staff", Staff.of(authentication), "surveyId", surveyId, "surveyTitle", title, "ticks", ticks,
                "measureError", errors.byField().get("measure"),
                "backUrl", "/staff/surveys/" + surveyId + "/results/headline");
    }
}
