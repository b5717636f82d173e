package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Who answered": each about-you group's share of respondents beside its share of the area's
 * population, and the form where a lead enters those population sizes (optional, any groups).
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/surveys/{surveyId}/population", produces = MediaType.TEXT_HTML)
class PopulationController {
    /** More than any local area's 0-25 population: a typing slip, not a real size. */
    static final int LARGEST_POPULATION = 5_000_000;
    private final SurveyVersions versions;
    private final ResultsAccess access;
    private final Populations populations;
    private final ResultsService results;
    private final SmallestGroup smallestGroup;
    private final Messages messages;

    PopulationController(SurveyVersions versions, ResultsAccess access, Populations populations, ResultsService results,
                         SmallestGroup smallestGroup, Messages messages) {
        this.versions = versions;
        this.access = access;
        this.populations = populations;
        this.results = results;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
    }

    public record Field(String id, String name, String label, String value, @Nullable String error) {
    }

    public record Topic(String key, String heading, String question, List<Field> fields) {
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, String surveyId, @Nullable @QueryValue String saved) {
        Optional<LiveSurvey> survey = leadsSurvey(authentication, surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        Map<String, Map<String, Long>> sizes = populations.of(surveyId);
        Map<String, String> values = new LinkedHashMap<>();
        sizes.forEach((key, groups) -> groups.forEach((code, n) -> values.put(field(key, code), Long.toString(n))));
        Map<String, Object> model = model(authentication, survey.get(), values, FormErrors.none());
        model.put("saved", "yes".equals(saved));
        return Pages.render("results/population", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<byte[]> request, Authentication authentication, String surveyId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<LiveSurvey> survey = leadsSurvey(authentication, surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        FormErrors errors = FormErrors.none();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> sizes = new LinkedHashMap<>();
        for (Question question : ResultsService.aboutYouQuestions(survey.get().definition())) {
            for (Option option : countable(question)) {
                String name = field(question.key(), option.code());
                String typed = StaffForms.first(form.get(), name).strip().replace(",", "");
                values.put(name, typed);
                if (typed.isEmpty()) {
                    continue;
                }
                Integer size = typed.length() <= 9 && typed.chars().allMatch(Character::isDigit) ? Integer.valueOf(typed) : null;
                if (size == null || size > LARGEST_POPULATION) {
                    errors.add(name, messages.get("population.error", option.label(), LARGEST_POPULATION));
                } else {
                    sizes.computeIfAbsent(question.key(), k -> new LinkedHashMap<>()).put(option.code(), size);
                }
            }
        }
        if (errors.any()) {
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "results/population",
                    errors.addTo(model(authentication, survey.get(), values, errors)));
        }
        populations.replace(surveyId, sizes, Staff.of(authentication).email());
        return Pages.seeOther("/staff/surveys/" + surveyId + "/population?saved=yes");
    }

    private Optional<LiveSurvey> leadsSurvey(Authentication authentication, String surveyId) {
        return versions.newest(surveyId)
                .filter(s -> access.of(Staff.of(authentication), s.definition()) == ResultsAccess.Sight.FULL);
    }

    private Map<String, Object> model(Authentication authentication, LiveSurvey survey, Map<String, String> values,
                                      FormErrors errors) {
        List<Topic> topics = new ArrayList<>();
        for (Question question : ResultsService.aboutYouQuestions(survey.definition())) {
            List<Field> fields = new ArrayList<>();
            for (Option option : countable(question)) {
                String name = field(question.key(), option.code());
                fields.add(new Field(name, name, option.label(), values.getOrDefault(name, ""), errors.byField().get(name)));
            }
            topics.add(new Topic(question.key(), ResultsQuery.topic(question, messages), question.text(), fields));
        }
        SurveyResults figures = results.results(survey.id(),
                new ResultOptions(null, null, null, false, null, false, false)).orElseThrow();
        return Pages.model("title", messages.get("results.title.population") + ": " + survey.definition().title(),
                "heading", messages.get("results.title.population"), "staff", Staff.of(authentication),
                "surveyId", survey.id(), "surveyTitle", survey.definition().title(), "tab", "population", "lead", true,
                "notForPublication", true, "query", "", "smallestGroup", smallestGroup.of(survey.definition()),
                "topics", topics, "representation", figures.representation(), "backUrl", "/staff");
    }

    /** Groups an area can count: not "Prefer not to say" or "Not sure", which are answers, not groups. */
    private static List<Option> countable(Question question) {
        return question.options().stream()
                .filter(o -> !o.code().equals("prefer-not-to-say") && !o.code().equals("not-sure")).toList();
    }

    private static String field(String key, String code) {
        return "pop-" + key + "-" + code;
    }
}
