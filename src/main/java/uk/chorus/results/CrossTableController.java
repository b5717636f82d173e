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
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead's cross-table of any two closed questions ({@code ?rows=KEY&columns=KEY&only=KEY:CODE}),
 * not for publication unless viewed as published ({@code view=published}), when every withheld
 * figure is withheld as in every other published table.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/surveys/{surveyId}/results/cross", produces = MediaType.TEXT_HTML)
class CrossTableController {
    private final SurveyVersions versions;
    private final ResultsAccess access;
    private final CrossTables crossTables;
    private final SmallestGroup smallestGroup;
    private final Messages messages;
    private final ChartFiles files;

    CrossTableController(SurveyVersions versions, ResultsAccess access, CrossTables crossTables,
                         SmallestGroup smallestGroup, Messages messages, ChartFiles files) {
        this.files = files;
        this.versions = versions;
        this.access = access;
        this.crossTables = crossTables;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, String surveyId, @Nullable @QueryValue String rows,
                                @Nullable @QueryValue String columns, @Nullable @QueryValue String only,
                                @Nullable @QueryValue String view) {
        Optional<LiveSurvey> survey = versions.newest(surveyId)
                .filter(s -> access.of(Staff.of(authentication), s.definition()) == ResultsAccess.Sight.FULL);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        SurveyDefinition definition = survey.get().definition();
        boolean published = "published".equals(view);
        String[] filter = filter(definition, only);
        String onlyKey = filter[0];
        String onlyCode = filter[1];
        Map<String, Object> model = Pages.model("title", messages.get("results.title.cross") + ": " + definition.title(),
                "heading", messages.get("results.title.cross"), "staff", Staff.of(authentication), "surveyId", surveyId,
                "surveyTitle", definition.title(), "tab", "cross", "lead", true, "notForPublication", !published,
                "hideBanner", true, "query", "", "smallestGroup", smallestGroup.of(definition), "backUrl", "/staff",
                "wide", true);
        model.put("rowChoices", choices(definition, rows, messages.get("results.cross.choose")));
        model.put("columnChoices", choices(definition, columns, messages.get("results.cross.choose")));
        model.put("onlyChoices", onlyChoices(definition, onlyKey, onlyCode));
        model.put("viewTicks", List.of(new ResultsQuery.Tick("view", "published", messages.get("results.form.published"),
                published)));
        boolean asked = rows != null || columns != null;
        if (!asked) {
            return Pages.render("results/cross", model);
        }
        FormErrors errors = FormErrors.none();
        if (closed(definition, rows).isEmpty()) {
            errors.add("rows", messages.get("results.cross.error.rows"));
        }
        if (closed(definition, columns).isEmpty()) {
            errors.add("columns", messages.get("results.cross.error.columns"));
        } else if (columns.equals(rows)) {
            errors.add("columns", messages.get("results.cross.error.same"));
        }
        if (errors.any()) {
            model.put("rowsError", errors.byField().get("rows"));
            model.put("columnsError", errors.byField().get("columns"));
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "results/cross", errors.addTo(model));
        }
        io.micronaut.http.uri.UriBuilder address = io.micronaut.http.uri.UriBuilder.of("").queryParam("rows", rows)
                .queryParam("columns", columns);
        if (onlyKey != null) {
            address.queryParam("only", onlyKey + ":" + onlyCode);
        }
        if (published) {
            address.queryParam("view", "published");
        }
        model.put("crossQuery", address.toString());
        model.put("cross", crossTables.cross(definition, rows, columns, onlyKey, onlyCode, published).orElse(null));
        return Pages.render("results/cross", model);
    }

    @Get(uri = "/chart.svg", produces = {ChartFiles.SVG, MediaType.TEXT_HTML})
    MutableHttpResponse<?> chartSvg(Authentication authentication, String surveyId, @Nullable @QueryValue String rows,
                                    @Nullable @QueryValue String columns, @Nullable @QueryValue String only,
                                    @Nullable @QueryValue String view) {
        return chart(authentication, surveyId, rows, columns, only, view, false);
    }

    @Get(uri = "/chart.png", produces = {ChartFiles.PNG, MediaType.TEXT_HTML})
    MutableHttpResponse<?> chartPng(Authentication authentication, String surveyId, @Nullable @QueryValue String rows,
                                    @Nullable @QueryValue String columns, @Nullable @QueryValue String only,
                                    @Nullable @QueryValue String view) {
        return chart(authentication, surveyId, rows, columns, only, view, true);
    }

    /** The cross-table's chart as a file: the same table as the page for the same address, or "not found". */
    private MutableHttpResponse<?> chart(Authentication authentication, String surveyId, @Nullable String rows,
                                         @Nullable String columns, @Nullable String only, @Nullable String view,
                                         boolean png) {
        Optional<LiveSurvey> survey = versions.newest(surveyId)
                .filter(s -> access.of(Staff.of(authentication), s.definition()) == ResultsAccess.Sight.FULL);
        if (survey.isEmpty() || closed(survey.get().definition(), rows).isEmpty()
                || closed(survey.get().definition(), columns).isEmpty() || columns.equals(rows)) {
            return Pages.notFound();
        }
        SurveyDefinition definition = survey.get().definition();
        boolean published = "published".equals(view);
        String[] filter = filter(definition, only);
        Optional<CrossTables.Cross> cross = crossTables.cross(definition, rows, columns, filter[0], filter[1], published)
                .filter(c -> c.chart() != null);
        if (cross.isEmpty()) {
            return Pages.notFound();
        }
        return files.download(cross.get().chart(), files.crossCaption(definition, cross.get(), published,
                smallestGroup.of(definition)), surveyId + "-" + rows + "-by-" + columns, png);
    }

    /** {@code only=KEY:CODE} as a key and code of a closed question, or two nulls when it names none. */
    private static String[] filter(SurveyDefinition definition, @Nullable String only) {
        if (only != null && only.indexOf(':') > 0) {
            String key = only.substring(0, only.indexOf(':'));
            String code = only.substring(only.indexOf(':') + 1);
            if (closed(definition, key).flatMap(q -> q.option(code)).isPresent()) {
                return new String[]{key, code};
            }
        }
        return new String[]{null, null};
    }

    private static Optional<Question> closed(SurveyDefinition definition, @Nullable String key) {
        return key == null || key.isEmpty() ? Optional.empty() : definition.question(key).filter(CrossTables::closed);
    }

    private static List<ResultsQuery.Choice> choices(SurveyDefinition definition, @Nullable String selected, String none) {
        List<ResultsQuery.Choice> choices = new ArrayList<>(List.of(new ResultsQuery.Choice("", none, selected == null)));
        for (Question question : definition.questionList()) {
            if (CrossTables.closed(question)) {
                choices.add(new ResultsQuery.Choice(question.key(), question.text(), question.key().equals(selected)));
            }
        }
        return choices;
    }

    private List<ResultsQuery.Choice> onlyChoices(SurveyDefinition definition, @Nullable String key, @Nullable String code) {
        List<ResultsQuery.Choice> choices = new ArrayList<>(List.of(new ResultsQuery.Choice("",
                messages.get("results.form.only.everyone"), key == null)));
        for (Question question : definition.questionList()) {
            if (CrossTables.closed(question)) {
                for (Option option : question.options()) {
                    choices.add(new ResultsQuery.Choice(question.key() + ":" + option.code(),
                            question.text() + ": " + option.label(),
                            question.key().equals(key) && option.code().equals(code)));
                }
            }
        }
        return choices;
    }
}
