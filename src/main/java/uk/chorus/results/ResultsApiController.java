package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.ApiError;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GET /api/v1/surveys/{id}/results[?by=aboutYouKey] for leads: per question, per answer (per group
 * when broken down) a count, a percent and the base: the published version's figures (before
 * anything is published, the disclosure model worked out now, rounded to 5). A withheld figure is
 * {@code "suppressed": true} with count and percent null, and a withheld base is null too.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/api/v1/surveys/{surveyId}/results", produces = MediaType.APPLICATION_JSON)
class ResultsApiController {
    private final SurveyVersions versions;
    private final ResultsAccess access;
    private final ResultsService results;
    private final Messages messages;
    private final PublishedFigures published;

    ResultsApiController(SurveyVersions versions, ResultsAccess access, ResultsService results, Messages messages,
                         PublishedFigures published) {
        this.published = published;
        this.versions = versions;
        this.access = access;
        this.results = results;
        this.messages = messages;
    }

    @Serdeable
    record Answer(String code, String label, @Nullable Long count, @Nullable Double percent, @Nullable Long base,
                  boolean suppressed) {
    }

    @Serdeable
    record Group(String code, String label, @Nullable Long base, boolean suppressed, List<Answer> answers,
                 @Nullable Reach.Row reach) {
    }

    @Serdeable
    record QuestionFigures(String key, String text, String kind, List<Answer> answers, List<Group> groups,
                           @Nullable Reach.Row reach) {
    }

    @Serdeable
    record Results(String surveyId, String title, int smallestGroup, @Nullable Long responses, @Nullable String by,
                   boolean rounded, List<QuestionFigures> questions) {
    }

    @Get
    HttpResponse<?> results(Authentication authentication, String surveyId, @Nullable @QueryValue String by) {
        Optional<LiveSurvey> survey = versions.newest(surveyId);
        if (survey.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(messages.get("api.survey.not.found", surveyId)));
        }
        ResultsAccess.Sight sight = access.of(Staff.of(authentication), survey.get().definition());
        if (sight == ResultsAccess.Sight.NONE) {
            return HttpResponse.notFound(ApiError.of(messages.get("api.survey.not.found", surveyId)));
        }
        if (by != null && !by.isEmpty() && survey.get().definition().question(by).filter(q -> q.about() != null).isEmpty()) {
            return HttpResponse.badRequest(ApiError.of(messages.get("api.results.bad.by", by)));
        }
        ResultsQuery query = ResultsQuery.of(survey.get().definition(), by, null, null, null, "published", null);
        // The published version; before one, a lead gets the disclosure model worked out now, rounded.
        Optional<SurveyResults> found = published.published(surveyId)
                .map(wave -> published.results(survey.get().definition(), wave, query.by(), null, null));
        if (found.isEmpty() && sight == ResultsAccess.Sight.FULL) {
            found = published.preview(survey.get().definition(), true, query.by(), null, null);
        }
        if (found.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(messages.get("api.survey.not.found", surveyId)));
        }
        SurveyResults figures = found.get();
        List<QuestionFigures> questions = new ArrayList<>();
        for (QuestionResult question : figures.questions()) {
            List<Group> groups = new ArrayList<>();
            for (int r = 1; r < question.rows().size(); r++) {
                QuestionResult.Row row = question.rows().get(r);
                groups.add(new Group(row.code(), row.label(), row.base(), row.base() == null, answers(question, row),
                        reach(question, r)));
            }
            questions.add(new QuestionFigures(question.key(), question.text(), question.kind(),
                    answers(question, question.rows().get(0)), groups, reach(question, 0)));
        }
        return HttpResponse.ok(new Results(surveyId, figures.title(), figures.smallestGroup(), figures.responses(),
                query.by(), figures.rounded(), questions));
    }

    private static List<Answer> answers(QuestionResult question, QuestionResult.Row row) {
        List<Answer> answers = new ArrayList<>();
        for (int c = 0; c < question.columns().size(); c++) {
            QuestionResult.Column column = question.columns().get(c);
            QuestionResult.Cell cell = row.cells().get(c);
            Double percent = cell.percent() == null ? null : Math.round(cell.percent() * 10) / 10.0;
            answers.add(new Answer(column.code(), column.label(), cell.count(), percent,
                    column.inBase() ? row.base() : null, cell.suppressed()));
        }
        return answers;
    }

    /** Asked, answered, skipped and "don't know or prefer not to say": a null count is withheld or unknown. */
    private static Reach.Row reach(QuestionResult question, int row) {
        return row < question.reach().size() ? question.reach().get(row) : null;
    }
}
