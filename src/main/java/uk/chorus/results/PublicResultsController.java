package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Results a lead chose to publish on a public page: the published version's figures, exactly
 * as staff see them, fixed when the lead published them. Anything not published publicly is "not
 * found", so the address of an unpublished survey says nothing.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/results")
class PublicResultsController {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final Publications publications;
    private final SurveyVersions versions;
    private final ResultsService results;
    private final SmallestGroup smallestGroup;
    private final Messages messages;
    private final PublishedFigures published;

    PublicResultsController(Publications publications, SurveyVersions versions, ResultsService results,
                            SmallestGroup smallestGroup, Messages messages, PublishedFigures published) {
        this.published = published;
        this.publications = publications;
        this.versions = versions;
        this.results = results;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
    }

    public record Listed(String id, String title, String published) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list() {
        List<Listed> listed = publications.onPublicPage().stream()
                .flatMap(p -> versions.newest(p.surveyId()).stream()
                        .map(s -> new Listed(s.id(), s.definition().title(), Dates.longForm(
                                p.publishedAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()))))
                .toList();
        return Pages.render("results/public-list", Pages.model("titleKey", "results.public.title", "publicPage", true,
                "surveys", listed));
    }

    @Get(uri = "/{surveyId}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> show(String surveyId, @Nullable @QueryValue String by, @Nullable @QueryValue String only) {
        Optional<Publications.Publication> publication = publications.of(surveyId).filter(Publications.Publication::onPublicPage);
        Optional<LiveSurvey> survey = publication.flatMap(p -> versions.newest(surveyId));
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        ResultsQuery query = ResultsQuery.of(survey.get().definition(), by, only, null, null, "published", null);
        Optional<PublishedWave> wave = published.figures(publication.get());
        if (wave.isEmpty()) {
            return Pages.notFound();
        }
        SurveyResults figures = published.results(survey.get().definition(), wave.get(), query.by(), query.onlyKey(),
                query.onlyCode());
        Map<String, Object> model = Pages.model("title", messages.get("results.title.results") + ": "
                        + survey.get().definition().title(), "heading", messages.get("results.title.results"),
                "publicPage", true, "surveyId", surveyId, "surveyTitle", survey.get().definition().title(),
                "publication", publication.get(), "smallestGroup", smallestGroup.of(survey.get().definition()),
                "query", query.queryString(), "results", figures, "backUrl", "/results", "wide", true);
        model.putAll(query.form(survey.get().definition(), messages, Map.of(), false));
        return Pages.render("results/results", model);
    }

    @Get(uri = "/{surveyId}/results.csv", produces = {"text/csv", MediaType.TEXT_HTML})
    MutableHttpResponse<?> csv(String surveyId, @Nullable @QueryValue String by, @Nullable @QueryValue String only) {
        return download(surveyId, by, only, false);
    }

    /** The same rows as the CSV, as a spreadsheet. */
    @Get(uri = "/{surveyId}/results.xlsx", produces = {XLSX, MediaType.TEXT_HTML})
    MutableHttpResponse<?> xlsx(String surveyId, @Nullable @QueryValue String by, @Nullable @QueryValue String only) {
        return download(surveyId, by, only, true);
    }

    private MutableHttpResponse<?> download(String surveyId, @Nullable String by, @Nullable String only,
                                            boolean spreadsheet) {
        Optional<Publications.Publication> publication = publications.of(surveyId).filter(Publications.Publication::onPublicPage);
        Optional<LiveSurvey> survey = publication.flatMap(p -> versions.newest(surveyId));
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        ResultsQuery query = ResultsQuery.of(survey.get().definition(), by, only, null, null, "published", null);
        Optional<PublishedWave> wave = published.figures(publication.get());
        if (wave.isEmpty()) {
            return Pages.notFound();
        }
        SurveyResults figures = published.results(survey.get().definition(), wave.get(), query.by(), query.onlyKey(),
                query.onlyCode());
        return HttpResponse.ok(spreadsheet ? AggregateCsv.xlsx(figures, messages) : AggregateCsv.write(figures, messages))
                .contentType(spreadsheet ? XLSX : "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + surveyId
                        + (spreadsheet ? "-results.xlsx" : "-results.csv") + "\"");
    }
}
