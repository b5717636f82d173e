package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A survey's results pages for staff: every question (by group, filtered, weighted), one year on
 * against the baseline, and quarter by quarter. Leads of the survey see unsuppressed figures
 * marked "not for publication" and can see them as published; everyone else sees published,
 * suppressed figures once a lead has published them, and a plain "not published yet" before.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller(value = "/staff/surveys/{surveyId}/results", produces = MediaType.TEXT_HTML)
class ResultsController {
    private final SurveyVersions versions;
    private final ResultsAccess access;
    private final Populations populations;
    private final SmallestGroup smallestGroup;
    private final Messages messages;
    private final WaveSummaries summaries;
    private final PublishedFigures published;
    private final DisclosureChecks checks;
    private final CheckingPages checkingPages;
    private final ShownResults shown;
    private final HeadlineMeasures headlines;

    ResultsController(SurveyVersions versions, ResultsAccess access, Populations populations,
                      SmallestGroup smallestGroup, Messages messages, WaveSummaries summaries,
                      PublishedFigures published, ShownResults shown, HeadlineMeasures headlines,
                      DisclosureChecks checks, CheckingPages checkingPages) {
        this.headlines = headlines;
        this.published = published;
        this.shown = shown;
        this.checks = checks;
        this.checkingPages = checkingPages;
        this.versions = versions;
        this.access = access;
        this.populations = populations;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
        this.summaries = summaries;
    }

    @Get
    MutableHttpResponse<?> results(Authentication authentication, String surveyId, @Nullable @QueryValue String by,
                                   @Nullable @QueryValue String only, @Nullable @QueryValue String partials,
                                   @Nullable @QueryValue String weight, @Nullable @QueryValue String view,
                                   @Nullable @QueryValue String round) {
        return page(authentication, surveyId, by, only, partials, weight, view, round, "results", "results/results");
    }

    @Get("/compare")
    MutableHttpResponse<?> compare(Authentication authentication, String surveyId, @Nullable @QueryValue String by,
                                   @Nullable @QueryValue String only, @Nullable @QueryValue String view) {
        return page(authentication, surveyId, by, only, null, null, view, null, "compare", "results/compare");
    }

    @Get("/headline")
    MutableHttpResponse<?> headline(Authentication authentication, String surveyId, @Nullable @QueryValue String by,
                                    @Nullable @QueryValue String view) {
        return page(authentication, surveyId, by, null, null, null, view, null, "headline", "results/headline");
    }

    @Get("/quarters")
    MutableHttpResponse<?> quarters(Authentication authentication, String surveyId, @Nullable @QueryValue String view) {
        return page(authentication, surveyId, null, null, null, null, view, null, "quarters", "results/quarters");
    }

    private MutableHttpResponse<?> page(Authentication authentication, String surveyId, String by, String only,
                                        String partials, String weight, String view, String round, String tab,
                                        String template) {
        Staff staff = Staff.of(authentication);
        Optional<LiveSurvey> survey = versions.newest(surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        ResultsAccess.Sight sight = access.of(staff, survey.get().definition());
        if (sight == ResultsAccess.Sight.NONE) {
            return Pages.render(HttpStatus.FORBIDDEN, "results/not-published", Pages.model("titleKey",
                    "results.not.published.title", "staff", staff, "surveyTitle", survey.get().definition().title(),
                    "backUrl", "/staff"));
        }
        var publication = access.publication(surveyId).orElse(null);
        ResultsQuery query = ResultsQuery.of(survey.get().definition(), by, only, partials, weight, view, round);
        ResultOptions options = query.options(sight, publication);
        Map<String, Map<String, Long>> sizes = populations.of(surveyId);
        boolean lead = sight == ResultsAccess.Sight.FULL;
        Map<String, Object> model = Pages.model("title", messages.get("results.title." + tab) + ": "
                        + survey.get().definition().title(), "heading", messages.get("results.title." + tab), "staff", staff,
                "surveyId", surveyId, "surveyTitle", survey.get().definition().title(), "tab", tab,
                "lead", lead, "notForPublication", !options.suppress(), "query", query.queryString(),
                "publication", publication, "smallestGroup", smallestGroup.of(survey.get().definition()),
                "backUrl", "/staff", "wide", true);
        model.putAll(query.form(survey.get().definition(), messages, sizes, lead, tab.equals("results")));
        model.put("languageNote", lead && query.byLanguage() && options.suppress());
        SurveyDefinition definition = survey.get().definition();
        if (lead && options.suppress() && !published.decided(surveyId, options.roundToFive())) {
            // A lead's preview "as published" is the disclosure model worked out now, audited, which
            // can take minutes at a large wave: until it is done, this address shows its progress.
            DisclosureChecks.Check check = checks.start(surveyId, DisclosureChecks.Purpose.AUDIT, false,
                    options.roundToFive(), null, -1);
            if (checks.await(check, checks.patience()).isEmpty()) {
                return checkingPages.render(authentication, survey.get(), check, ServerRequestContext.currentRequest()
                        .map(r -> r.getUri().toString()).orElse("/staff/surveys/" + surveyId + "/results"));
            }
        }
        if (tab.equals("quarters")) {
            if (!lead) {
                // Everyone but the survey's leads sees the version a lead published, and nothing else.
                Optional<PublishedWave> figures = published.published(surveyId);
                if (figures.isEmpty()) {
                    return notPublished(staff, definition);
                }
                model.put("quarters", PublishedResults.quarters(published.publishedChain(definition, figures.get()), messages));
            } else if (options.suppress()) {
                // A lead's preview "as published": the disclosure model worked out now, audited.
                model.put("quarters", published.decide(surveyId, options.roundToFive()).map(d -> PublishedResults.quarters(
                        List.of(Map.entry(new WaveSummaries.WaveFigures(definition, PublishedResults.summary(d.published()),
                                false), d.published())), messages)).orElse(null));
            } else {
                WaveSummaries.Chain chain = summaries.chain(surveyId);
                model.put("quarters", chain.waves().isEmpty() ? null
                        : Quarters.build(chain, false, smallestGroup.of(definition), messages));
            }
        } else {
            Optional<SurveyResults> figures = shown.of(definition, query, options, lead);
            if (figures.isEmpty()) {
                return notPublished(staff, definition);
            }
            model.put("results", figures.get());
        }
        if (tab.equals("headline") && model.get("results") instanceof SurveyResults figures && figures.oneYearOn() != null) {
            model.put("headline", Headline.of(figures.oneYearOn(), headlines.chosen(surveyId)));
        }
        return Pages.render(template, model);
    }

    private static MutableHttpResponse<?> notPublished(Staff staff, SurveyDefinition definition) {
        return Pages.render(HttpStatus.FORBIDDEN, "results/not-published", Pages.model("titleKey",
                "results.not.published.title", "staff", staff, "surveyTitle", definition.title(), "backUrl", "/staff"));
    }
}
