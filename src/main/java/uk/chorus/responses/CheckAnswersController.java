package uk.chorus.responses;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import uk.chorus.surveys.Question;
import uk.chorus.web.Pages;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** "Check your answers", the one-and-only submit, and the confirmation with a reference. */
// Public: respondents never sign in.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/s/{surveyId}/{code}", produces = MediaType.TEXT_HTML)
class CheckAnswersController {
    private final RespondentPages pages;
    private final RespondentJourney journey;

    CheckAnswersController(RespondentPages pages, RespondentJourney journey) {
        this.pages = pages;
        this.journey = journey;
    }

    public record Row(String question, List<String> answer, String changeUrl, boolean missing) {
    }

    @Get("/check")
    MutableHttpResponse<?> check(String surveyId, String code) {
        return pages.withDraft(surveyId, code, false, progress -> render(HttpStatus.OK, progress, false));
    }

    @Post(uri = "/submit", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    MutableHttpResponse<?> submit(String surveyId, String code) {
        // A draft already submitted is allowed through: the submission finds it and returns its
        // reference, so a repeated submit lands on the same confirmation.
        return pages.withDraft(surveyId, code, true, progress -> switch (journey.submit(progress)) {
            case DraftSubmission.Outcome.Submitted submitted -> Pages.seeOther(SurveyUrls.done(surveyId,
                    progress.code()));
            case DraftSubmission.Outcome.Incomplete ignored -> render(HttpStatus.UNPROCESSABLE_ENTITY,
                    journey.open(surveyId, code).orElse(progress), true);
            case DraftSubmission.Outcome.NoSuchDraft ignored -> pages.draftNotFound(progress.survey());
        });
    }

    @Get("/done")
    MutableHttpResponse<?> done(String surveyId, String code) {
        return pages.withDraft(surveyId, code, true, progress -> progress.draft().submitted()
                ? Pages.render("responses/done", RespondentPages.surveyModel(progress.survey(),
                "reference", progress.draft().reference()))
                : Pages.seeOther(SurveyUrls.check(surveyId, progress.code())));
    }

    private MutableHttpResponse<?> render(HttpStatus status, Progress progress, boolean submitted) {
        String surveyId = progress.survey().id();
        List<Row> rows = new ArrayList<>();
        List<Map<String, String>> errors = new ArrayList<>();
        List<Question> missing = progress.answers().missingRequired();
        for (int number : progress.shownPageNumbers()) {
            for (Question question : progress.page(number).questions()) {
                if (!progress.answers().isShown(question)) {
                    continue;
                }
                String changeUrl = SurveyUrls.changePage(surveyId, progress.code(), number);
                boolean isMissing = missing.contains(question);
                rows.add(new Row(question.text(), display(question, progress.answers().values().get(question.key())),
                        changeUrl, isMissing));
                if (isMissing && submitted) {
                    errors.add(Map.of("href", changeUrl, "text", "Answer: " + question.text()));
                }
            }
        }
        return Pages.render(status, "responses/check", RespondentPages.surveyModel(progress.survey(),
                "rows", rows, "errors", errors, "incomplete", !missing.isEmpty(),
                "action", SurveyUrls.submit(surveyId, progress.code()),
                "backUrl", progress.shownPageNumbers().isEmpty() ? SurveyUrls.start(surveyId)
                        : SurveyUrls.page(surveyId, progress.code(),
                        progress.shownPageNumbers().get(progress.shownPageNumbers().size() - 1))));
    }

    /** An answer as the respondent would say it: labels, not codes. */
    static List<String> display(Question question, Object value) {
        if (value == null) {
            return List.of("Not answered");
        }
        if (value instanceof List<?> codes) {
            return codes.stream().map(c -> question.labelFor(String.valueOf(c))).toList();
        }
        return switch (question.type()) {
            case SHORT_TEXT, LONG_TEXT, NUMBER, RATING -> List.of(String.valueOf(value));
            case MONTH_YEAR -> {
                String text = String.valueOf(value);
                Month month = Month.of(Integer.parseInt(text.substring(5)));
                yield List.of(month.getDisplayName(TextStyle.FULL, Locale.UK) + " " + text.substring(0, 4));
            }
            default -> List.of(question.labelFor(String.valueOf(value)));
        };
    }
}
