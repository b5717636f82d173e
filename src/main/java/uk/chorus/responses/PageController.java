package uk.chorus.responses;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import uk.chorus.surveys.Page;
import uk.chorus.surveys.Question;
import uk.chorus.web.FormBody;
import uk.chorus.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One page of questions: shown, checked, and saved before the respondent moves on. */
// Public: respondents never sign in.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/s/{surveyId}/{code}", produces = MediaType.TEXT_HTML)
class PageController {
    private final RespondentPages pages;
    private final RespondentJourney journey;

    PageController(RespondentPages pages, RespondentJourney journey) {
        this.pages = pages;
        this.journey = journey;
    }

    @Get("/page/{number}")
    MutableHttpResponse<?> show(String surveyId, String code, int number, @Nullable @QueryValue Boolean change) {
        return pages.withDraft(surveyId, code, false, progress -> {
            if (!progress.hasPage(number)) {
                return Pages.notFound();
            }
            if (!progress.isShown(number)) {
                return Pages.seeOther(after(progress, number, false));
            }
            return render(HttpStatus.OK, progress, number, Boolean.TRUE.equals(change), null, Map.of());
        });
    }

    @Post(uri = "/page/{number}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(String surveyId, String code, int number, @Nullable @QueryValue Boolean change,
                                @Nullable @Body byte[] body) {
        return pages.withDraft(surveyId, code, false, progress -> {
            if (!progress.hasPage(number) || !progress.isShown(number)) {
                return Pages.notFound();
            }
            var form = FormBody.parse(body);
            if (form.isEmpty()) {
                return Pages.badForm();
            }
            boolean changing = Boolean.TRUE.equals(change);
            return switch (journey.savePage(progress, number, form.get())) {
                case RespondentJourney.Saved.Invalid invalid -> render(HttpStatus.UNPROCESSABLE_ENTITY, progress,
                        number, changing, invalid.form(), invalid.check().errors());
                case RespondentJourney.Saved.Next next -> Pages.seeOther(after(next.after(), number, changing));
                case RespondentJourney.Saved.AlreadySubmitted ignored ->
                        Pages.seeOther(SurveyUrls.done(surveyId, progress.code()));
            };
        });
    }

    @Get("/later")
    MutableHttpResponse<?> later(String surveyId, String code) {
        return pages.withDraft(surveyId, code, false, progress -> Pages.render("responses/later",
                RespondentPages.surveyModel(progress.survey(), "code", progress.code(),
                        "continueUrl", progress.resumePage()
                                .map(n -> SurveyUrls.page(surveyId, progress.code(), n))
                                .orElse(SurveyUrls.check(surveyId, progress.code())),
                        "resumeUrl", SurveyUrls.resume(surveyId))));
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
                                          Map<String, List<String>> typed, Map<String, String> errors) {
        Page page = progress.page(number);
        String surveyId = progress.survey().id();
        boolean single = page.questions().size() == 1;
        List<QuestionView> questions = new ArrayList<>();
        List<Map<String, String>> summary = new ArrayList<>();
        for (Question question : page.questions()) {
            if (!progress.answers().isShown(question)) {
                continue;
            }
            QuestionView view = QuestionView.of(question, single, progress.answers().values().get(question.key()),
                    errors.isEmpty() ? null : typed, errors.get(question.key()));
            questions.add(view);
            if (view.error() != null) {
                // With several questions on a page, "Select an answer" twice says nothing: name each.
                String text = single ? view.error() : question.text() + " – " + view.error();
                summary.add(Map.of("href", "#" + view.fieldId(), "text", text));
            }
        }
        String title = single ? page.questions().get(0).text() : page.title();
        String back = changing ? SurveyUrls.check(surveyId, progress.code())
                : progress.previousShownBefore(number)
                .map(n -> SurveyUrls.page(surveyId, progress.code(), n))
                .orElse(SurveyUrls.start(surveyId));
        return Pages.render(status, "responses/page", RespondentPages.surveyModel(progress.survey(),
                "title", title, "pageTitle", single ? null : page.title(), "questions", questions,
                "errors", summary, "position", progress.positionOf(number), "count", progress.shownPageCount(),
                "action", changing ? SurveyUrls.changePage(surveyId, progress.code(), number)
                        : SurveyUrls.page(surveyId, progress.code(), number),
                "backUrl", back, "firstPage", number == 1 && progress.draft().furthestPage() == 0,
                "code", progress.code(), "laterUrl", SurveyUrls.later(surveyId, progress.code()),
                "resumeUrl", SurveyUrls.resume(surveyId)));
    }
}
