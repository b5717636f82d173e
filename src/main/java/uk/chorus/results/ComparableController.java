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
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.Map;
import java.util.Optional;

/**
 * Where a survey's lead decides whether a question asked differently in the baseline (reworded,
 * other answers, another scale) may still be compared, and says why; or withdraws that decision.
 * Only questions that really were asked differently can be marked.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/surveys/{surveyId}/results/comparable/{key}", produces = MediaType.TEXT_HTML)
class ComparableController {
    private final SurveyVersions versions;
    private final ResultsAccess access;
    private final ComparableQuestions comparable;
    private final Messages messages;

    ComparableController(SurveyVersions versions, ResultsAccess access, ComparableQuestions comparable,
                         Messages messages) {
        this.versions = versions;
        this.access = access;
        this.comparable = comparable;
        this.messages = messages;
    }

    /** A question of a survey the person leads, with its wording in the baseline, when the two differ. */
    private record Pair(LiveSurvey survey, String baselineId, Question before, Question now, String difference) {
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, String surveyId, String key) {
        Optional<Pair> pair = pair(authentication, surveyId, key);
        if (pair.isEmpty()) {
            return Pages.notFound();
        }
        ComparableQuestions.Mark mark = comparable.of(surveyId, pair.get().baselineId()).get(key);
        return Pages.render("results/comparable", model(authentication, pair.get(), mark,
                mark == null ? "" : mark.reason(), FormErrors.none()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> decide(HttpRequest<byte[]> request, Authentication authentication, String surveyId,
                                  String key) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<Pair> pair = pair(authentication, surveyId, key);
        if (pair.isEmpty()) {
            return Pages.notFound();
        }
        String by = Staff.of(authentication).email();
        if ("unmark".equals(StaffForms.first(form.get(), "decision"))) {
            comparable.unmark(surveyId, pair.get().baselineId(), key, by);
        } else {
            String reason = StaffForms.first(form.get(), "reason").strip();
            if (reason.isEmpty() || reason.length() > ComparableQuestions.LONGEST_REASON) {
                FormErrors errors = FormErrors.of("reason", messages.get("results.compare.mark.error"));
                ComparableQuestions.Mark mark = comparable.of(surveyId, pair.get().baselineId()).get(key);
                return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "results/comparable",
                        errors.addTo(model(authentication, pair.get(), mark, reason, errors)));
            }
            comparable.mark(surveyId, pair.get().baselineId(), key, reason, by);
        }
        return Pages.seeOther("/staff/surveys/" + surveyId + "/results/compare#c-" + key);
    }

    private Optional<Pair> pair(Authentication authentication, String surveyId, String key) {
        Optional<LiveSurvey> survey = versions.newest(surveyId)
                .filter(s -> access.of(Staff.of(authentication), s.definition()) == ResultsAccess.Sight.FULL);
        if (survey.isEmpty() || survey.get().definition().baseline() == null) {
            return Optional.empty();
        }
        String baselineId = survey.get().definition().baseline();
        Optional<Question> now = survey.get().definition().question(key);
        Optional<Question> before = versions.newest(baselineId).flatMap(b -> b.definition().question(key));
        if (now.isEmpty() || before.isEmpty()) {
            return Optional.empty();
        }
        String difference = Comparisons.difference(before.get(), now.get(), messages);
        return difference == null ? Optional.empty()
                : Optional.of(new Pair(survey.get(), baselineId, before.get(), now.get(), difference));
    }

    private Map<String, Object> model(Authentication authentication, Pair pair, ComparableQuestions.Mark mark,
                                      String reason, FormErrors errors) {
        Map<String, Object> model = Pages.model("title", messages.get("results.compare.mark.legend") + ": "
                        + pair.survey().definition().title(), "staff", Staff.of(authentication),
                "surveyId", pair.survey().id(), "surveyTitle", pair.survey().definition().title(),
                "key", pair.now().key(), "before", pair.before(), "now", pair.now(), "baselineId", pair.baselineId(),
                "difference", pair.difference(), "mark", mark, "reason", reason,
                "reasonError", errors.byField().get("reason"),
                "backUrl", "/staff/surveys/" + pair.survey().id() + "/results/compare#c-" + pair.now().key());
        return model;
    }
}
