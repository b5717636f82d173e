package uk.chorus.responses;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.surveys.Question;
import uk.chorus.web.ClientAddress;
import uk.chorus.web.Dates;
import uk.chorus.web.FormBody;
import uk.chorus.web.Message;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.RequestBody;
import uk.chorus.web.TooManyRequests;

import java.util.List;
import java.util.Map;

/**
 * One page of questions: shown, checked, and saved before the respondent moves on. A page with
 * errors is kept on the draft and shown again by a redirect to its own address, so going Back
 * later never asks to send a form again.
 */
// Public: respondents never sign in.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/s/{surveyId}/{code}", produces = MediaType.TEXT_HTML)
class PageController {
    private final RespondentPages pages;
    private final RespondentJourney journey;
    private final SupportServices support;
    private final ClientAddress clientAddress;
    private final TooManyRequests tooMany;
    private final Messages messages;
    private final ResumeEmail resumeEmail;

    PageController(RespondentPages pages, RespondentJourney journey, SupportServices support,
                   ClientAddress clientAddress, TooManyRequests tooMany, Messages messages, ResumeEmail resumeEmail) {
        this.resumeEmail = resumeEmail;
        this.pages = pages;
        this.journey = journey;
        this.support = support;
        this.clientAddress = clientAddress;
        this.tooMany = tooMany;
        this.messages = messages;
    }

    @Get("/page/{number}")
    MutableHttpResponse<?> show(String surveyId, String code, int number, @Nullable @QueryValue Boolean change) {
        return pages.withDraftOrNew(surveyId, code, number, progress -> {
            if (!progress.hasPage(number)) {
                return Pages.notFound();
            }
            if (!progress.isShown(number)) {
                return Pages.seeOther(after(progress, number, false));
            }
            Draft.Rejected rejected = progress.draft().rejected();
            if (rejected != null && rejected.page() == number) {
                var check = AnswerChecker.page(progress.page(number).questions(), progress.answers(), rejected.form());
                return render(HttpStatus.OK, progress, number, Boolean.TRUE.equals(change), rejected.form(),
                        check.errors());
            }
            return render(HttpStatus.OK, progress, number, Boolean.TRUE.equals(change), null, Map.of());
        });
    }

    @Post(uri = "/page/{number}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<byte[]> request, String surveyId, String code, int number,
                                @Nullable @QueryValue Boolean change) {
        return pages.withDraftOrNew(surveyId, code, number, progress -> {
            if (!progress.hasPage(number) || !progress.isShown(number)) {
                return Pages.notFound();
            }
            var form = FormBody.parse(RequestBody.bytes(request));
            if (form.isEmpty()) {
                return Pages.badForm();
            }
            boolean changing = Boolean.TRUE.equals(change);
            return switch (journey.savePage(progress, number, form.get(), clientAddress.of(request))) {
                case RespondentJourney.Saved.Invalid invalid -> render(HttpStatus.UNPROCESSABLE_ENTITY, progress,
                        number, changing, invalid.form(), invalid.check().errors());
                case RespondentJourney.Saved.Rejected ignored -> Pages.seeOther(changing
                        ? SurveyUrls.changePage(surveyId, progress.code(), number)
                        : SurveyUrls.page(surveyId, progress.code(), number));
                case RespondentJourney.Saved.Next next -> Pages.seeOther(after(next.after(), number, changing));
                case RespondentJourney.Saved.AlreadySubmitted ignored ->
                        Pages.seeOther(SurveyUrls.done(surveyId, progress.code()));
                case RespondentJourney.Saved.NotFound ignored -> pages.draftNotFound(progress.survey());
                case RespondentJourney.Saved.TooManyNew wait -> tooMany.answer(request, wait.seconds());
            };
        });
    }

    @Get("/later")
    MutableHttpResponse<?> later(String surveyId, String code, @Nullable @QueryValue String emailed) {
        return pages.withDraft(surveyId, code, false, progress -> later(HttpStatus.OK, progress, "", null,
                emailed != null));
    }

    /** Sends the respondent the link to carry on, to an address used for this one message and kept nowhere. */
    @Post(uri = "/later/email", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> emailLink(String surveyId, String code, HttpRequest<byte[]> request) {
        var form = FormBody.parse(RequestBody.bytes(request));
        if (form.isEmpty()) {
            return Pages.badForm();
        }
        List<String> values = form.get().getOrDefault("email", List.of());
        String email = values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
        return pages.withDraft(surveyId, code, false, progress -> {
            if (!resumeEmail.available()) {
                return Pages.notFound();
            }
            return switch (resumeEmail.send(email, progress, continueUrl(progress))) {
                case SENT -> Pages.seeOther(SurveyUrls.later(surveyId, progress.code()) + "?emailed=1");
                case NOT_AN_ADDRESS -> later(HttpStatus.UNPROCESSABLE_ENTITY, progress, email,
                        messages.in(pages.language(progress.survey())).get("later.email.error.address"), false);
                case TOO_MANY -> later(HttpStatus.TOO_MANY_REQUESTS, progress, "", messages.in(pages.language(progress.survey())).get("later.email.error.many"),
                        false);
                case NOT_SENT -> later(HttpStatus.SERVICE_UNAVAILABLE, progress, email,
                        messages.in(pages.language(progress.survey())).get("later.email.error.unsent"), false);
            };
        });
    }

    private MutableHttpResponse<?> later(HttpStatus status, Progress progress, String email, @Nullable String error,
                                         boolean emailed) {
        String surveyId = progress.survey().id();
        Map<String, Object> model = RespondentPages.surveyModel(progress.survey(), "titleKey", "later.title",
                "code", progress.code(), "continueUrl", continueUrl(progress),
                "resumeUrl", SurveyUrls.resume(surveyId), "closes", Dates.longForm(progress.survey().closes()),
                "canEmail", resumeEmail.available(), "emailed", emailed, "enteredEmail", email,
                "emailUrl", SurveyUrls.later(surveyId, progress.code()) + "/email");
        if (error != null) {
            model.put("emailError", error);
            model.put("errors", List.of(Map.of("href", "#email", "text", error)));
        }
        return Pages.render(status, "responses/later", model);
    }

    private static String continueUrl(Progress progress) {
        String surveyId = progress.survey().id();
        return progress.resumePage().map(n -> SurveyUrls.page(surveyId, progress.code(), n))
                .orElse(SurveyUrls.check(surveyId, progress.code()));
    }

    /**
     * Where to go after a page: the next page, or back to "Check your answers" when changing an
     * answer, unless the change opened questions that still need answering.
     */
    private static String after(Progress progress, int number, boolean changing) {
        String surveyId = progress.survey().id();
        if (changing) {
            List<Question> missing = progress.answers().missingRequired();
            return missing.isEmpty() ? SurveyUrls.check(surveyId, progress.code())
                    : SurveyUrls.changePage(surveyId, progress.code(), progress.pageNumberOf(missing.get(0).key()));
        }
        return progress.nextShownAfter(number)
                .map(n -> SurveyUrls.page(surveyId, progress.code(), n))
                .orElse(SurveyUrls.check(surveyId, progress.code()));
    }

    private MutableHttpResponse<?> render(HttpStatus status, Progress progress, int number, boolean changing,
                                          Map<String, List<String>> typed, Map<String, Message> errors) {
        return Pages.render(status, "responses/page", PageModels.page(progress, number, changing, typed, errors,
                PageModels.journey(progress.survey().id(), progress.code()), messages.in(pages.language(progress.survey())),
                support));
    }
}
