package uk.chorus.responses;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.core.annotation.Nullable;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.FormBody;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Map;

/** The way into a survey: the start page with its privacy notice, starting, and resuming with a code. */
// Public: respondents never sign in.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/s/{surveyId}", produces = MediaType.TEXT_HTML)
class StartController {
    private final RespondentPages pages;
    private final RespondentJourney journey;

    StartController(RespondentPages pages, RespondentJourney journey) {
        this.pages = pages;
        this.journey = journey;
    }

    @Get
    MutableHttpResponse<?> start(String surveyId) {
        return pages.whenOpen(surveyId, survey -> Pages.render("responses/start",
                RespondentPages.surveyModel(survey.definition(),
                        "beginUrl", SurveyUrls.begin(surveyId), "resumeUrl", SurveyUrls.resume(surveyId),
                        "closes", Dates.longForm(survey.definition().closes()),
                        "pageCount", survey.definition().pages().size())));
    }

    @Post(uri = "/start", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> begin(String surveyId) {
        return pages.whenOpen(surveyId, survey -> {
            Draft draft = journey.start(survey);
            return Pages.seeOther(SurveyUrls.page(surveyId, draft.resumeCode(), 1));
        });
    }

    @Get("/resume")
    MutableHttpResponse<?> resumeForm(String surveyId) {
        return pages.whenOpen(surveyId, survey -> Pages.render("responses/resume",
                RespondentPages.surveyModel(survey.definition(), "action", SurveyUrls.resume(surveyId),
                        "startUrl", SurveyUrls.start(surveyId))));
    }

    @Post(uri = "/resume", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resume(String surveyId, @Nullable @Body byte[] body) {
        return pages.whenOpen(surveyId, survey -> {
            var parsed = FormBody.parse(body);
            if (parsed.isEmpty()) {
                return Pages.badForm();
            }
            Map<String, List<String>> form = parsed.get();
            String typed = form.getOrDefault("code", List.of("")).get(0);
            var progress = typed.isBlank() ? java.util.Optional.<Progress>empty() : journey.open(surveyId, typed);
            if (progress.isEmpty()) {
                String error = Messages.get(typed.isBlank() ? "resume.code.enter" : "resume.code.not.found");
                return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "responses/resume",
                        RespondentPages.surveyModel(survey.definition(), "action", SurveyUrls.resume(surveyId),
                                "startUrl", SurveyUrls.start(surveyId), "code", typed, "error", error,
                                "errors", List.of(Map.of("href", "#code", "text", error))));
            }
            Progress found = progress.get();
            if (found.draft().submitted()) {
                return Pages.seeOther(SurveyUrls.done(surveyId, found.code()));
            }
            return Pages.seeOther(found.resumePage()
                    .map(n -> SurveyUrls.page(surveyId, found.code(), n))
                    .orElse(SurveyUrls.check(surveyId, found.code())));
        });
    }
}
