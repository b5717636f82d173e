package uk.chorus.feedback;

import io.micronaut.core.annotation.Introspected;
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
import uk.chorus.accounts.StaffForm;
import uk.chorus.web.DateFields;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A lead records a Young Inspectors' visit: the service, the date, what was good and could be better, each recommendation. */
@Controller(value = "/staff/feedback/inspections", produces = MediaType.TEXT_HTML)
class InspectionFormController {
    static final int RECOMMENDATIONS_AT_FIRST = 5;
    static final int MOST_RECOMMENDATIONS = 30;
    private final Inspections inspections;
    private final Messages messages;
    private final Clock clock;

    InspectionFormController(Inspections inspections, Messages messages, Clock clock) {
        this.inspections = inspections;
        this.messages = messages;
        this.clock = clock;
    }

    public record Field(String id, int number, String value, String error) {
    }

    /**
     * The visit's report as posted. Not checked by constraints: "Add more recommendations" posts the
     * same form half filled in, and the recommendations are numbered boxes the page adds to.
     */
    @Introspected
    record VisitReport(String service, String inspectors, String good, String better, String count, String more,
                       Map<String, List<String>> fields) {
    }

    @Secured(Role.LEAD_NAME)
    @Get("/new")
    MutableHttpResponse<?> form(Authentication authentication) {
        List<String> recommendations = new ArrayList<>();
        for (int i = 0; i < RECOMMENDATIONS_AT_FIRST; i++) {
            recommendations.add("");
        }
        return renderForm(authentication, HttpStatus.OK, Map.of(), DateFields.of(LocalDate.now(clock)), recommendations,
                FormErrors.none());
    }

    @Secured(Role.LEAD_NAME)
    @Post(uri = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> record(@StaffForm VisitReport form, Authentication authentication) {
        Map<String, String> typed = Map.of("service", form.service().strip(), "inspectors", form.inspectors().strip(),
                "good", form.good(), "better", form.better());
        DateFields.Typed date = DateFields.read(form.fields(), "date");
        int shown = Math.min(MOST_RECOMMENDATIONS, Math.max(1, number(form.count())));
        List<String> recommendations = new ArrayList<>();
        for (int i = 1; i <= shown; i++) {
            List<String> values = form.fields().getOrDefault("recommendation-" + i, List.of());
            recommendations.add(values.isEmpty() ? "" : values.get(0));
        }
        if (!form.more().isEmpty()) {
            for (int i = 0; i < RECOMMENDATIONS_AT_FIRST && recommendations.size() < MOST_RECOMMENDATIONS; i++) {
                recommendations.add("");
            }
            return renderForm(authentication, HttpStatus.OK, typed, date, recommendations, FormErrors.none());
        }
        FormErrors errors = FormErrors.none();
        if (typed.get("service").isEmpty()) {
            errors.add("service", messages.get("inspection.error.service"));
        } else if (typed.get("service").length() > FeedbackChecker.LONGEST_SUBJECT) {
            errors.add("service", messages.get("feedback.error.subject.long", FeedbackChecker.LONGEST_SUBJECT));
        }
        if (date.date() == null) {
            errors.add("date", messages.get(date.empty() ? "inspection.error.date.missing" : "feedback.entry.error.date"));
        } else if (date.date().isAfter(LocalDate.now(clock))) {
            errors.add("date", messages.get("feedback.error.date.future"));
        }
        if (typed.get("inspectors").length() > 300) {
            errors.add("inspectors", messages.get("inspection.error.inspectors"));
        }
        String good = FeedbackChecker.tidy(typed.get("good"));
        String better = FeedbackChecker.tidy(typed.get("better"));
        if (good == null && better == null) {
            errors.add("good", messages.get("inspection.error.findings"));
        }
        for (String words : new String[]{"good", "better"}) {
            String text = FeedbackChecker.tidy(typed.get(words));
            if (text != null && text.length() > FeedbackChecker.LONGEST_TEXT / 2 - 2) {
                errors.add(words, messages.get("feedback.error.text.long", FeedbackChecker.LONGEST_TEXT / 2 - 2));
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < recommendations.size(); i++) {
            String text = FeedbackChecker.tidy(recommendations.get(i));
            if (text == null) {
                continue;
            }
            if (text.length() > Inspections.LONGEST_RECOMMENDATION) {
                errors.add("recommendation-" + (i + 1), messages.get("inspection.error.recommendation.long", i + 1,
                        Inspections.LONGEST_RECOMMENDATION));
            }
            kept.add(text);
        }
        if (errors.any()) {
            return renderForm(authentication, HttpStatus.UNPROCESSABLE_ENTITY, typed, date, recommendations, errors);
        }
        long id = inspections.record(new Inspections.NewVisit(typed.get("service"), date.date(),
                typed.get("inspectors").isEmpty() ? null : typed.get("inspectors"), good, better, kept,
                Staff.of(authentication).email()));
        return Pages.seeOther("/staff/feedback/inspections/visits/" + id);
    }

    private MutableHttpResponse<?> renderForm(Authentication authentication, HttpStatus status, Map<String, String> typed,
                                              DateFields.Typed date, List<String> recommendations, FormErrors errors) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < recommendations.size(); i++) {
            fields.add(new Field("recommendation-" + (i + 1), i + 1, recommendations.get(i),
                    errors.byField().get("recommendation-" + (i + 1))));
        }
        Map<String, Object> model = Pages.model("titleKey", "inspection.new.title", "staff", Staff.of(authentication),
                "tab", "inspections", "typed", typed, "date", date, "recommendations", fields,
                "count", recommendations.size(), "canAddMore", recommendations.size() < MOST_RECOMMENDATIONS,
                "backUrl", "/staff/feedback/inspections");
        return Pages.render(status, "feedback/inspection-new", errors.addTo(model));
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return RECOMMENDATIONS_AT_FIRST;
        }
    }
}
