package uk.chorus.feedback;

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
import uk.chorus.web.DateFields;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Young Inspectors' visits: a lead records the report; the service (its contact, or a lead)
 * answers each recommendation (accepted, in progress, done, or not accepted with a reason); the
 * forums see every answer, so young people can see what happened to what they said.
 */
@Controller(value = "/staff/feedback/inspections", produces = MediaType.TEXT_HTML)
class InspectionController {
    static final int RECOMMENDATIONS_AT_FIRST = 5;
    static final int MOST_RECOMMENDATIONS = 30;
    private final Inspections inspections;
    private final Messages messages;
    private final Clock clock;

    InspectionController(Inspections inspections, Messages messages, Clock clock) {
        this.inspections = inspections;
        this.messages = messages;
        this.clock = clock;
    }

    public record Listed(long id, String service, String date, int recommendations, long open) {
    }

    public record Field(String id, int number, String value, String error) {
    }

    public record StatusChoice(String id, String value, String label, boolean checked) {
    }

    public record Shown(long recommendationId, int position, String text, String status, String statusCode, String reason,
                        String answeredBy, List<StatusChoice> choices, String statusError, String reasonError,
                        String typedReason) {
        // Not "id": a nested partial would read it in place of the id its caller passed.
        public String statusId() {
            return "status-" + recommendationId;
        }

        public String reasonId() {
            return "reason-" + recommendationId;
        }
    }

    @Secured({Role.LEAD_NAME, Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME, Role.SERVICE_CONTACT_NAME})
    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        List<Listed> visits = inspections.all().stream().map(v -> new Listed(v.itemId(), v.service(),
                Dates.longForm(v.visitedOn()), v.recommendations().size(), v.open())).toList();
        return Pages.render("feedback/inspections", Pages.model("titleKey", "inspection.list.title",
                "staff", Staff.of(authentication), "tab", "inspections", "visits", visits,
                "canRecord", Staff.of(authentication).is(Role.LEAD)));
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
    MutableHttpResponse<?> record(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Map<String, List<String>> fields = form.get();
        Map<String, String> typed = Map.of("service", StaffForms.first(fields, "service").strip(),
                "inspectors", StaffForms.first(fields, "inspectors").strip(), "good", StaffForms.first(fields, "good"),
                "better", StaffForms.first(fields, "better"));
        DateFields.Typed date = DateFields.read(fields, "date");
        int shown = Math.min(MOST_RECOMMENDATIONS, Math.max(1, number(StaffForms.first(fields, "count"))));
        List<String> recommendations = new ArrayList<>();
        for (int i = 1; i <= shown; i++) {
            recommendations.add(StaffForms.first(fields, "recommendation-" + i));
        }
        if (!StaffForms.first(fields, "more").isEmpty()) {
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

    @Secured({Role.LEAD_NAME, Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME, Role.SERVICE_CONTACT_NAME})
    @Get("/visits/{id}")
    MutableHttpResponse<?> visit(Authentication authentication, long id) {
        return renderVisit(authentication, id, HttpStatus.OK, FormErrors.none(), null);
    }

    @Secured({Role.LEAD_NAME, Role.SERVICE_CONTACT_NAME})
    @Post(uri = "/visits/{id}/recommendations/{recommendation}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> answer(HttpRequest<byte[]> request, Authentication authentication, long id, long recommendation) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<Inspections.Status> status = Inspections.Status.fromCode(StaffForms.first(form.get(), "status"));
        String reason = FeedbackChecker.tidy(StaffForms.first(form.get(), "reason"));
        FormErrors errors = FormErrors.none();
        String field = "status-" + recommendation;
        if (status.isEmpty() || status.get() == Inspections.Status.OPEN) {
            errors.add(field, messages.get("inspection.error.status"));
        } else if (status.get() == Inspections.Status.NOT_ACCEPTED && reason == null) {
            errors.add("reason-" + recommendation, messages.get("inspection.error.reason"));
        } else if (reason != null && reason.length() > Inspections.LONGEST_RECOMMENDATION) {
            errors.add("reason-" + recommendation, messages.get("inspection.error.reason.long",
                    Inspections.LONGEST_RECOMMENDATION));
        }
        if (errors.any()) {
            return renderVisit(authentication, id, HttpStatus.UNPROCESSABLE_ENTITY, errors, reason);
        }
        if (!inspections.answer(id, recommendation, status.get(), reason, Staff.of(authentication).email())) {
            return Pages.notFound();
        }
        return Pages.seeOther("/staff/feedback/inspections/visits/" + id + "#recommendation-" + recommendation);
    }

    private MutableHttpResponse<?> renderVisit(Authentication authentication, long id, HttpStatus status,
                                               FormErrors errors, String typedReason) {
        Optional<Inspections.Visit> visit = inspections.find(id);
        if (visit.isEmpty()) {
            return Pages.notFound();
        }
        Staff staff = Staff.of(authentication);
        List<Shown> recommendations = new ArrayList<>();
        for (Inspections.Recommendation r : visit.get().recommendations()) {
            List<StatusChoice> choices = new ArrayList<>();
            for (Inspections.Status s : Inspections.Status.values()) {
                if (s != Inspections.Status.OPEN) {
                    choices.add(new StatusChoice(choices.isEmpty() ? "status-" + r.id() : "status-" + r.id() + "-" + s.code(),
                            s.code(), messages.get(s.labelKey()), s == r.status()));
                }
            }
            String answeredBy = r.updatedAt() == null ? "" : messages.get("inspection.answered.by", r.updatedBy(),
                    Dates.dateTime(r.updatedAt()));
            String statusError = errors.byField().get("status-" + r.id());
            String reasonError = errors.byField().get("reason-" + r.id());
            boolean wrong = statusError != null || reasonError != null;
            recommendations.add(new Shown(r.id(), r.position(), r.text(), messages.get(r.status().labelKey()),
                    r.status().code(), r.reason() == null ? "" : r.reason(), answeredBy, choices, statusError, reasonError,
                    wrong && typedReason != null ? typedReason : r.reason() == null ? "" : r.reason()));
        }
        Map<String, Object> model = Pages.model("title", messages.get("inspection.visit.title", visit.get().service()),
                "staff", staff, "tab", "inspections", "visit", visit.get(),
                "visitedOn", Dates.longForm(visit.get().visitedOn()), "recommendations", recommendations,
                "canAnswer", staff.isAnyOf(Role.LEAD, Role.SERVICE_CONTACT), "typedReason", typedReason,
                "backUrl", "/staff/feedback/inspections");
        return Pages.render(status, "feedback/visit", errors.addTo(model));
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
