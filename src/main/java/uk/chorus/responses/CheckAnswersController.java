package uk.chorus.responses;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.SiteConfiguration;


/**
 * "Check your answers", the one-and-only submit, and the confirmation with a reference. Once a
 * draft is sent its check page answers with the confirmation, so the browser's Back never shows
 * a live "Send my answers" button; a submit with gaps goes back to the check page by redirect.
 */
// Public: respondents never sign in.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/s/{surveyId}/{code}", produces = MediaType.TEXT_HTML)
class CheckAnswersController {
    private final RespondentPages pages;
    private final RespondentJourney journey;
    private final AnswerDisplay display;
    private final Messages messages;
    private final SiteConfiguration site;

    CheckAnswersController(RespondentPages pages, RespondentJourney journey, AnswerDisplay display,
                           Messages messages, SiteConfiguration site) {
        this.pages = pages;
        this.journey = journey;
        this.display = display;
        this.messages = messages;
        this.site = site;
    }

    /**
     * Browsers keep recent pages in a back/forward cache even when told not to store them, unless
     * a cookie has changed since. This one says nothing (no identifier, gone in a minute): setting
     * it as answers are sent makes the browser drop its copy of "Check your answers", so Back
     * fetches it again and lands on the confirmation.
     */
    private static final io.micronaut.http.cookie.Cookie SENT = io.micronaut.http.cookie.Cookie.of("chorus_sent", "1")
            .path("/s/").maxAge(java.time.Duration.ofMinutes(1)).httpOnly(true)
            .sameSite(io.micronaut.http.cookie.SameSite.Strict);

    @Get("/check")
    MutableHttpResponse<?> check(String surveyId, String code, @Nullable @QueryValue Boolean incomplete) {
        return pages.withDraft(surveyId, code, false, progress -> render(progress, Boolean.TRUE.equals(incomplete)));
    }

    @Post(uri = "/submit", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    MutableHttpResponse<?> submit(String surveyId, String code) {
        // A draft already submitted is allowed through: the submission finds it and returns its
        // reference, so a repeated submit lands on the same confirmation.
        return pages.withDraft(surveyId, code, true, progress -> switch (journey.submit(progress,
                pages.language(progress.survey()))) {
            case DraftSubmission.Outcome.Submitted submitted -> Pages.seeOther(SurveyUrls.done(surveyId,
                    progress.code())).cookie(SENT);
            case DraftSubmission.Outcome.Incomplete ignored -> Pages.seeOther(SurveyUrls.check(surveyId,
                    progress.code()) + "?incomplete=true");
            case DraftSubmission.Outcome.NoSuchDraft ignored -> pages.draftNotFound(progress.survey());
        });
    }

    @Get("/done")
    MutableHttpResponse<?> done(String surveyId, String code) {
        return pages.withDraft(surveyId, code, true, progress -> progress.draft().submitted()
                ? Pages.render("responses/done", RespondentPages.surveyModel(progress.survey(),
                "titleKey", "done.title", "reference", progress.draft().reference(),
                "contactEmail", site.getDataProtectionEmail()))
                : Pages.seeOther(SurveyUrls.check(surveyId, progress.code())));
    }

    private MutableHttpResponse<?> render(Progress progress, boolean afterSubmit) {
        return Pages.render(HttpStatus.OK, "responses/check", PageModels.check(progress, afterSubmit,
                PageModels.journey(progress.survey().id(), progress.code()), messages.in(pages.language(progress.survey())),
                display));
    }
}
