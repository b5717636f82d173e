package uk.chorus.reports;

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
import uk.chorus.results.QuestionTrends;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures that show whether an action worked: a survey question tracked wave by wave, or a
 * performance indicator with values entered per period; each shown with its baseline, latest
 * figure and change.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/measures", produces = MediaType.TEXT_HTML)
class MeasuresController {
    private final MeasureStore measures;
    private final MeasureOutcomes outcomes;
    private final QuestionTrends trends;
    private final SurveyVersions versions;
    private final Messages messages;

    MeasuresController(MeasureStore measures, MeasureOutcomes outcomes, QuestionTrends trends, SurveyVersions versions,
                       Messages messages) {
        this.measures = measures;
        this.outcomes = outcomes;
        this.trends = trends;
        this.versions = versions;
        this.messages = messages;
    }

    public record Option(String value, String label, boolean selected) {
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        return page(authentication, HttpStatus.OK, FormErrors.none(), Map.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> add(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        var fields = form.get();
        String name = StaffForms.first(fields, "name").strip();
        String question = StaffForms.first(fields, "question").strip();
        String unit = StaffForms.first(fields, "unit").strip();
        String targetText = StaffForms.first(fields, "target").strip();
        boolean higher = !"lower".equals(StaffForms.first(fields, "direction"));
        FormErrors errors = FormErrors.none();
        if (name.isEmpty() || name.length() > 300) {
            errors.add("name", messages.get("reports.measure.error.name"));
        }
        String surveyId = null;
        String questionKey = null;
        if (!question.isEmpty()) {
            String[] parts = question.split("/", 2);
            if (parts.length != 2 || questionOptions().stream().noneMatch(o -> o.value().equals(question))) {
                errors.add("question", messages.get("reports.measure.error.question"));
            } else {
                surveyId = parts[0];
                questionKey = parts[1];
            }
        }
        if (unit.length() > 40) {
            errors.add("unit", messages.get("reports.measure.error.unit"));
        }
        BigDecimal target = null;
        if (!targetText.isEmpty()) {
            target = number(targetText);
            if (target == null) {
                errors.add("target", messages.get("reports.measure.error.number"));
            }
        }
        if (errors.any()) {
            return page(authentication, HttpStatus.UNPROCESSABLE_ENTITY, errors, Map.of("name", name, "unit", unit,
                    "target", targetText, "question", question, "direction", higher ? "higher" : "lower"));
        }
        measures.create(name, surveyId, questionKey, unit.isEmpty() ? null : unit, higher, target,
                Staff.of(authentication).email());
        return Pages.seeOther("/staff/measures");
    }

    /** Records an indicator's value for a period ("2025-26", "Q3 2026") ending on a date. */
    @Post(uri = "/{id}/values", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> value(HttpRequest<byte[]> request, Authentication authentication, long id) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<MeasureStore.Measure> measure = measures.find(id);
        if (measure.isEmpty() || measure.get().question()) {
            return Pages.notFound();
        }
        String period = StaffForms.first(form.get(), "period").strip();
        BigDecimal value = number(StaffForms.first(form.get(), "value").strip());
        LocalDate ends;
        try {
            ends = LocalDate.parse(StaffForms.first(form.get(), "ends").strip());
        } catch (DateTimeParseException e) {
            ends = null;
        }
        FormErrors errors = FormErrors.none();
        if (period.isEmpty() || period.length() > 40) {
            errors.add("period-" + id, messages.get("reports.measure.error.period"));
        }
        if (ends == null) {
            errors.add("ends-" + id, messages.get("reports.measure.error.ends"));
        }
        if (value == null) {
            errors.add("value-" + id, messages.get("reports.measure.error.number"));
        }
        if (errors.any()) {
            return page(authentication, HttpStatus.UNPROCESSABLE_ENTITY, errors, Map.of());
        }
        measures.record(id, period, ends, value, Staff.of(authentication).email());
        return Pages.seeOther("/staff/measures#measure-" + id);
    }

    private MutableHttpResponse<?> page(Authentication authentication, HttpStatus status, FormErrors errors,
                                        Map<String, String> entered) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (MeasureStore.Measure measure : measures.all()) {
            shown.add(Map.of("measure", measure, "outcome", outcomes.of(measure),
                    "direction", messages.get(measure.higherIsBetter() ? "reports.measure.higher" : "reports.measure.lower"),
                    "periodId", "period-" + measure.id(), "endsId", "ends-" + measure.id(), "valueId", "value-" + measure.id()));
        }
        List<Option> questions = new ArrayList<>(List.of(new Option("", messages.get("reports.measure.indicator.option"),
                entered.getOrDefault("question", "").isEmpty())));
        questionOptions().forEach(o -> questions.add(new Option(o.value(), o.label(),
                o.value().equals(entered.getOrDefault("question", "")))));
        return Pages.render(status, "reports/measures", errors.addTo(Pages.model("titleKey", "reports.measures.title",
                "staff", Staff.of(authentication), "tab", "measures", "measures", shown, "questions", questions,
                "entered", entered, "directions", List.of(
                        Map.of("id", "direction-higher", "value", "higher", "label",
                                messages.get("reports.measure.higher"), "checked",
                                !"lower".equals(entered.get("direction"))),
                        Map.of("id", "direction-lower", "value", "lower", "label",
                                messages.get("reports.measure.lower"), "checked",
                                "lower".equals(entered.get("direction")))))));
    }

    private List<Option> questionOptions() {
        List<Option> options = new ArrayList<>();
        for (LiveSurvey survey : versions.newestOfEach()) {
            for (Question question : trends.trackable(survey.id())) {
                options.add(new Option(survey.id() + "/" + question.key(),
                        survey.definition().title() + ": " + question.text(), false));
            }
        }
        return options;
    }

    private static BigDecimal number(String text) {
        try {
            BigDecimal value = new BigDecimal(text.replace(",", "").replace("%", "").strip());
            return value.abs().compareTo(new BigDecimal("1000000000000")) < 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
