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
 * forums see every answer, so young people can see what happened to what they said. Recording a
 * visit is {@link InspectionFormController}.
 */
@Controller(value = "/staff/feedback/inspections", produces = MediaType.TEXT_HTML)
class InspectionController {
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

    @Secured({Role.LEAD_NAME, Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME, Role.SERVICE_CONTACT_NAME})
    @Get("/visits/{id}")
    MutableHttpResponse<?> visit(Authentication authentication, long id) {
        return renderVisit(authentication, id, HttpStatus.OK, FormErrors.none(), null);
    }

    /**
     * A service's answer to one recommendation. Checked here rather than by constraints: its errors
     * belong beside that recommendation's own boxes, and a reason is needed only when not accepted.
     */
    @Introspected
    record Answer(String status, String reason) {
    }

    @Secured({Role.LEAD_NAME, Role.SERVICE_CONTACT_NAME})
    @Post(uri = "/visits/{id}/recommendations/{recommendation}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> answer(@StaffForm Answer form, Authentication authentication, long id, long recommendation) {
        Optional<Inspections.Status> status = Inspections.Status.fromCode(form.status());
        String reason = FeedbackChecker.tidy(form.reason());
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
}
