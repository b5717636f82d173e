package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.Optional;

/**
 * Downloads: a survey's aggregate results as CSV or XLSX, always with disclosure control applied (for
 * anyone who may see its results), and its raw responses as CSV or XLSX for the leads who may
 * read them, each raw download recorded in the audit log.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/staff/surveys/{surveyId}")
class ResultsExportController {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final SurveyVersions versions;
    private final ResultsAccess access;
    private final ResultsService results;
    private final RawExport raw;
    private final Messages messages;
    private final PublishedFigures published;

    ResultsExportController(SurveyVersions versions, ResultsAccess access, ResultsService results, RawExport raw,
                            Messages messages, PublishedFigures published) {
        this.published = published;
        this.versions = versions;
        this.access = access;
        this.results = results;
        this.raw = raw;
        this.messages = messages;
    }

    @Get(value = "/results.csv", produces = {"text/csv", MediaType.TEXT_HTML})
    MutableHttpResponse<?> aggregates(Authentication authentication, String surveyId, @Nullable @QueryValue String by,
                                      @Nullable @QueryValue String only, @Nullable @QueryValue String weight,
                                      @Nullable @QueryValue String round) {
        return aggregates(authentication, surveyId, by, only, round, false);
    }

    /** The same rows as the CSV, from the same figures, as a spreadsheet. */
    @Get(value = "/results.xlsx", produces = {XLSX, MediaType.TEXT_HTML})
    MutableHttpResponse<?> aggregatesXlsx(Authentication authentication, String surveyId, @Nullable @QueryValue String by,
                                          @Nullable @QueryValue String only, @Nullable @QueryValue String round) {
        return aggregates(authentication, surveyId, by, only, round, true);
    }

    private MutableHttpResponse<?> aggregates(Authentication authentication, String surveyId, @Nullable String by,
                                              @Nullable String only, @Nullable String round, boolean spreadsheet) {
        Optional<LiveSurvey> survey = versions.newest(surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        ResultsAccess.Sight sight = access.of(Staff.of(authentication), survey.get().definition());
        if (sight == ResultsAccess.Sight.NONE) {
            return Pages.error(HttpStatus.FORBIDDEN, "results.not.published.title", "results.not.published.body");
        }
        // Whoever downloads them, aggregates are the published version's figures; before anything is
        // published, a lead gets the disclosure model worked out now (rounded unless asked otherwise).
        ResultsQuery query = ResultsQuery.of(survey.get().definition(), by, only, null, null, "published", round);
        Optional<SurveyResults> figures = published.published(surveyId)
                .map(wave -> published.results(survey.get().definition(), wave, query.by(), query.onlyKey(), query.onlyCode()));
        if (figures.isEmpty() && sight == ResultsAccess.Sight.FULL) {
            figures = published.preview(survey.get().definition(), round == null || query.round(), query.by(),
                    query.onlyKey(), query.onlyCode());
        }
        if (figures.isEmpty()) {
            return Pages.error(HttpStatus.FORBIDDEN, "results.not.published.title", "results.not.published.body");
        }
        return spreadsheet
                ? download(AggregateCsv.xlsx(figures.get(), messages), XLSX, surveyId + "-results.xlsx")
                : download(AggregateCsv.write(figures.get(), messages), "text/csv; charset=utf-8", surveyId + "-results.csv");
    }

    @Get(value = "/responses.csv", produces = {"text/csv", MediaType.TEXT_HTML})
    MutableHttpResponse<?> rawCsv(Authentication authentication, String surveyId) {
        return rawExport(authentication, surveyId, false);
    }

    @Get(value = "/responses.xlsx", produces = {XLSX, MediaType.TEXT_HTML})
    MutableHttpResponse<?> rawXlsx(Authentication authentication, String surveyId) {
        return rawExport(authentication, surveyId, true);
    }

    private MutableHttpResponse<?> rawExport(Authentication authentication, String surveyId, boolean spreadsheet) {
        Staff staff = Staff.of(authentication);
        Optional<LiveSurvey> survey = versions.newest(surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        if (access.of(staff, survey.get().definition()) != ResultsAccess.Sight.FULL) {
            return Pages.error(HttpStatus.FORBIDDEN, "responses.forbidden.title", "responses.forbidden.body");
        }
        return spreadsheet
                ? download(raw.xlsx(survey.get().definition(), staff.email()), XLSX, surveyId + "-responses.xlsx")
                : download(raw.csv(survey.get().definition(), staff.email()), "text/csv; charset=utf-8",
                surveyId + "-responses.csv");
    }

    private static MutableHttpResponse<?> download(Object body, String type, String fileName) {
        return HttpResponse.ok(body).contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store");
    }
}
