package uk.chorus.responses;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.Page;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Dates;
import uk.chorus.web.Message;
import uk.chorus.web.Messages;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the respondent's start page, question pages and "Check your answers" show, built in one
 * place for the real journey and for the builder's preview, so the preview is the survey exactly as
 * a family will see it. Only the addresses differ, given as {@link Links}.
 */
final class PageModels {
    private static final int COUNTDOWN_DAYS = 28;

    private PageModels() {
    }

    /** Where a respondent's links and forms go. */
    interface Links {
        String start();

        String begin();

        String resume();

        String page(int number);

        String check();

        String submit();

        /** "Save and come back later", or null where there is none. */
        @Nullable
        String later();

        default String changePage(int number) {
            return page(number) + "?change=true";
        }
    }

    record Row(String question, List<String> answer, String changeUrl, boolean missing) {
    }

    static Map<String, Object> start(SurveyDefinition survey, Links links, String privacyNotice, LocalDate today,
                                     Messages messages) {
        int[] minutes = survey.minutesToComplete();
        return RespondentPages.surveyModel(survey,
                "title", survey.title(), "beginUrl", links.begin(),
                "resumeUrl", links.resume(), "closes", Dates.longForm(survey.closes()),
                "sections", survey.sections().size(), "fewestMinutes", minutes[0],
                "mostMinutes", minutes[1], "privacyNotice", privacyNotice,
                "countdown", countdown(survey, today, messages));
    }

    /** How long is left, in the survey's last four weeks, when its file or builder asks for a countdown. */
    private static String countdown(SurveyDefinition survey, LocalDate today, Messages messages) {
        if (!survey.showsCountdown()) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(today, survey.closes());
        if (days < 0 || days > COUNTDOWN_DAYS) {
            return null;
        }
        return days == 0 ? messages.get("start.countdown.today")
                : messages.count("start.countdown", days, Dates.longForm(survey.closes()));
    }

    static Map<String, Object> page(Progress progress, int number, boolean changing, Map<String, List<String>> typed,
                                    Map<String, Message> errors, Links links, Messages messages,
                                    SupportServices support) {
        Page page = progress.page(number);
        List<Question> shown = page.questions().stream().filter(q -> progress.answers().isShown(q)).toList();
        boolean single = shown.size() == 1;
        List<QuestionView> questions = new ArrayList<>();
        List<Map<String, String>> summary = new ArrayList<>();
        boolean needsSupport = false;
        for (Question question : shown) {
            Message error = errors.get(question.key());
            String sentence = error == null ? null : messages.get(error);
            QuestionView view = QuestionView.of(question, single, progress.answers().values().get(question.key()),
                    errors.isEmpty() ? null : typed, sentence, messages,
                    Unclear.keys(progress.answers().values()).contains(question.key()));
            questions.add(view);
            needsSupport |= question.showsSupport();
            if (sentence != null) {
                // A general sentence ("Select an answer") twice on one page says nothing: name the question,
                // unless the sentence is the one written for this question.
                boolean general = !single && !sentence.equals(question.errorMessage());
                summary.add(Map.of("href", "#" + view.fieldId(),
                        "text", general ? messages.get("page.error.named", question.text(), sentence) : sentence));
            }
        }
        String title = single ? shown.get(0).text() : page.title();
        String back = changing ? links.check()
                : progress.previousShownBefore(number).map(links::page).orElse(links.start());
        return RespondentPages.surveyModel(progress.survey(),
                "title", title, "pageTitle", single ? null : page.title(), "questions", questions,
                "errors", summary, "section", progress.sectionOf(number).orElse(null),
                "action", changing ? links.changePage(number) : links.page(number),
                "backUrl", back, "codeOffer", offersCode(progress, number),
                "code", progress.code(), "laterUrl", progress.draft().saved() ? links.later() : null,
                "resumeUrl", links.resume(), "supportServices", needsSupport ? support.all() : null);
    }

    /**
     * The resume code is offered on the page after the first one, the first time it is reached:
     * by then there is something saved to come back to, and the first page is the survey itself,
     * not a password to keep safe.
     */
    private static boolean offersCode(Progress progress, int number) {
        List<Integer> shown = progress.shownPageNumbers();
        return progress.draft().saved() && shown.size() > 1 && shown.get(1) == number
                && progress.draft().furthestPage() < number;
    }

    static Map<String, Object> check(Progress progress, boolean afterSubmit, Links links, Messages messages,
                                     AnswerDisplay display) {
        List<Row> rows = new ArrayList<>();
        List<Map<String, String>> errors = new ArrayList<>();
        List<Question> missing = progress.answers().missingRequired();
        for (int number : progress.shownPageNumbers()) {
            for (Question question : progress.page(number).questions()) {
                if (!progress.answers().isShown(question)) {
                    continue;
                }
                String changeUrl = links.changePage(number);
                boolean isMissing = missing.contains(question);
                rows.add(new Row(question.text(), display.display(question,
                        progress.answers().values().get(question.key())), changeUrl, isMissing));
                if (isMissing && afterSubmit) {
                    errors.add(Map.of("href", changeUrl, "text", messages.get("check.answer.missing", question.text())));
                }
            }
        }
        List<Integer> shown = progress.shownPageNumbers();
        return RespondentPages.surveyModel(progress.survey(),
                "titleKey", "check.title", "rows", rows, "errors", errors, "incomplete", !missing.isEmpty(),
                "action", links.submit(),
                "backUrl", shown.isEmpty() ? links.start() : links.page(shown.get(shown.size() - 1)));
    }

    /** The real journey's addresses, for one respondent's resume code. */
    static Links journey(String surveyId, @Nullable String code) {
        return new Links() {
            public String start() {
                return SurveyUrls.start(surveyId);
            }

            public String begin() {
                return SurveyUrls.begin(surveyId);
            }

            public String resume() {
                return SurveyUrls.resume(surveyId);
            }

            public String page(int number) {
                return SurveyUrls.page(surveyId, code, number);
            }

            public String check() {
                return SurveyUrls.check(surveyId, code);
            }

            public String submit() {
                return SurveyUrls.submit(surveyId, code);
            }

            public String later() {
                return SurveyUrls.later(surveyId, code);
            }
        };
    }
}
