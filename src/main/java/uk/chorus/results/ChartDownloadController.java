package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
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
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.Pages;

import java.util.Optional;

/**
 * Each question's chart ({@code /charts/KEY.svg}, {@code .png}) and each one-year-on trend
 * ({@code /charts/trend/KEY.svg}, {@code .png}) as a file, for whoever may see the results page it
 * sits on, with the same choices in its address and so exactly the page's figures (ShownResults).
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/staff/surveys/{surveyId}/results/charts")
class ChartDownloadController {
    private final SurveyVersions versions;
    private final ResultsAccess access;
    private final ShownResults shown;
    private final ChartFiles files;

    ChartDownloadController(SurveyVersions versions, ResultsAccess access, ShownResults shown, ChartFiles files) {
        this.versions = versions;
        this.access = access;
        this.shown = shown;
        this.files = files;
    }

    @Get(uri = "/{key}.svg", produces = {ChartFiles.SVG, MediaType.TEXT_HTML})
    MutableHttpResponse<?> questionSvg(Authentication authentication, String surveyId, String key,
                                       @Nullable @QueryValue String by, @Nullable @QueryValue String only,
                                       @Nullable @QueryValue String partials, @Nullable @QueryValue String weight,
                                       @Nullable @QueryValue String view, @Nullable @QueryValue String round) {
        return question(authentication, surveyId, key, ResultsQuery.Address.of(by, only, partials, weight, view, round),
                false);
    }

    @Get(uri = "/{key}.png", produces = {ChartFiles.PNG, MediaType.TEXT_HTML})
    MutableHttpResponse<?> questionPng(Authentication authentication, String surveyId, String key,
                                       @Nullable @QueryValue String by, @Nullable @QueryValue String only,
                                       @Nullable @QueryValue String partials, @Nullable @QueryValue String weight,
                                       @Nullable @QueryValue String view, @Nullable @QueryValue String round) {
        return question(authentication, surveyId, key, ResultsQuery.Address.of(by, only, partials, weight, view, round),
                true);
    }

    @Get(uri = "/trend/{key}.svg", produces = {ChartFiles.SVG, MediaType.TEXT_HTML})
    MutableHttpResponse<?> trendSvg(Authentication authentication, String surveyId, String key,
                                    @Nullable @QueryValue String by, @Nullable @QueryValue String only,
                                    @Nullable @QueryValue String view) {
        return trend(authentication, surveyId, key, ResultsQuery.Address.of(by, only, null, null, view, null), false);
    }

    @Get(uri = "/trend/{key}.png", produces = {ChartFiles.PNG, MediaType.TEXT_HTML})
    MutableHttpResponse<?> trendPng(Authentication authentication, String surveyId, String key,
                                    @Nullable @QueryValue String by, @Nullable @QueryValue String only,
                                    @Nullable @QueryValue String view) {
        return trend(authentication, surveyId, key, ResultsQuery.Address.of(by, only, null, null, view, null), true);
    }

    private MutableHttpResponse<?> question(Authentication authentication, String surveyId, String key,
                                            ResultsQuery.Address address, boolean png) {
        Optional<LiveSurvey> survey = versions.newest(surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        Optional<SurveyResults> figures = figures(authentication, survey.get().definition(), address);
        if (figures.isEmpty()) {
            return Pages.error(HttpStatus.FORBIDDEN, "results.not.published.title", "results.not.published.body");
        }
        Optional<QuestionResult> question = figures.get().questions().stream().filter(q -> q.key().equals(key))
                .filter(q -> q.stacked() != null || q.bars() != null).findFirst();
        if (question.isEmpty()) {
            return Pages.notFound();
        }
        Object chart = question.get().stacked() != null ? question.get().stacked() : question.get().bars();
        return files.download(chart, files.questionCaption(survey.get().definition(), figures.get(), question.get()),
                surveyId + "-" + key, png);
    }

    private MutableHttpResponse<?> trend(Authentication authentication, String surveyId, String key,
                                         ResultsQuery.Address address, boolean png) {
        Optional<LiveSurvey> survey = versions.newest(surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        Optional<SurveyResults> figures = figures(authentication, survey.get().definition(), address);
        if (figures.isEmpty()) {
            return Pages.error(HttpStatus.FORBIDDEN, "results.not.published.title", "results.not.published.body");
        }
        Optional<Comparisons.QuestionComparison> compared = ShownResults.compared(figures.get(), key)
                .filter(q -> q.trend() != null);
        if (compared.isEmpty()) {
            return Pages.notFound();
        }
        return files.download(compared.get().trend(), files.trendCaption(survey.get().definition(), figures.get(),
                compared.get()), surveyId + "-trend-" + key, png);
    }

    private Optional<SurveyResults> figures(Authentication authentication, SurveyDefinition definition,
                                            ResultsQuery.Address address) {
        ResultsAccess.Sight sight = access.of(Staff.of(authentication), definition);
        if (sight == ResultsAccess.Sight.NONE) {
            return Optional.empty();
        }
        ResultsQuery query = address.query(definition);
        ResultOptions options = query.options(sight, access.publication(definition.id()).orElse(null));
        return shown.of(definition, query, options, sight == ResultsAccess.Sight.FULL);
    }
}
