package uk.chorus.responses;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.web.Dates;
import uk.chorus.web.FormBody;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.RequestBody;

import java.util.Map;

/** The way into a survey: the start page with its privacy notice, starting, and resuming with a code. */
// Public: respondents never sign in.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/s/{surveyId}", produces = MediaType.TEXT_HTML)
class StartController {
    private final RespondentPages pages;
    private final RespondentJourney journey;
    private final SmallestGroup smallestGroup;
    private final Messages messages;

    StartController(RespondentPages pages, RespondentJourney journey, SmallestGroup smallestGroup,
                    Messages messages) {
        this.pages = pages;
        this.journey = journey;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
    }

    @Get
    MutableHttpResponse<?> start(String surveyId) {
        return pages.whenOpen(surveyId, survey -> Pages.render("responses/start", PageModels.start(survey.definition(),
                PageModels.journey(surveyId, null), smallestGroup.privacyNotice(survey.definition()), pages.today(),
                messages.in(pages.language(survey.definition())))));
    }

    /** "Start now": a fresh resume code, remembered as issued, and page 1. No draft is stored until page 1 is saved. */
    @Get("/begin")
    MutableHttpResponse<?> begin(String surveyId) {
        return pages.whenOpen(surveyId, this::firstPage);
    }

    /** The same for forms and clients that post to start. */
    @Post(uri = "/start", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    MutableHttpResponse<?> beginByPost(String surveyId) {
        return pages.whenOpen(surveyId, this::firstPage);
    }

    private MutableHttpResponse<?> firstPage(LiveSurvey survey) {
        return Pages.seeOther(SurveyUrls.page(survey.id(), journey.newCode(survey.id()), 1));
    }

    @Get("/resume")
    MutableHttpResponse<?> resumeForm(String surveyId) {
        return pages.whenOpen(surveyId, survey -> resumePage(survey, HttpStatus.OK, "", FormErrors.none()));
    }

    @Post(uri = "/resume", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resume(String surveyId, HttpRequest<byte[]> request) {
        return pages.whenOpen(surveyId, survey -> {
            var parsed = FormBody.parse(RequestBody.bytes(request));
            if (parsed.isEmpty()) {
                return Pages.badForm();
            }
            Map<String, java.util.List<String>> form = parsed.get();
            String typed = form.getOrDefault("code", java.util.List.of("")).get(0).strip();
            var progress = typed.isBlank() ? java.util.Optional.<Progress>empty() : journey.open(surveyId, typed);
            if (progress.isEmpty()) {
                String error = messages.in(pages.language(survey.definition())).get(typed.isBlank() ? "resume.code.enter" : "resume.code.not.found");
                return resumePage(survey, HttpStatus.UNPROCESSABLE_ENTITY, typed.length() > 40 ? "" : typed,
                        FormErrors.of("code", error));
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

    private MutableHttpResponse<?> resumePage(LiveSurvey survey, HttpStatus status, String typed, FormErrors errors) {
        return Pages.render(status, "responses/resume", errors.addTo(RespondentPages.surveyModel(survey.definition(),
                "titleKey", "resume.title", "action", SurveyUrls.resume(survey.id()),
                "backUrl", SurveyUrls.start(survey.id()), "typed", typed,
                "closes", Dates.longForm(survey.definition().closes()))));
    }
}
