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
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forum members agree a report before it is published, where the area requires it: they read the
 * draft exactly as it would be published, and agree it or ask for changes, saying what. A
 * decision is on that very draft; a changed report is a new draft to decide on.
 */
@Secured({Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME})
@Controller(value = "/staff/sign-off", produces = MediaType.TEXT_HTML)
class SignOffController {
    private final ReportStore store;
    private final ReportPublishing publishing;
    private final Messages messages;

    SignOffController(ReportStore store, ReportPublishing publishing, Messages messages) {
        this.store = store;
        this.publishing = publishing;
        this.messages = messages;
    }

    public record Choice(String id, String value, String label, boolean checked) {
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        boolean asked = publishing.required().contains(staff.role().roleName());
        List<Map<String, Object>> drafts = !asked ? List.of() : store.latestReviews().stream()
                .filter(r -> store.versions(r.reportId()).stream().noneMatch(v -> v.publishedAt().isAfter(r.sentAt())))
                .map(r -> Map.<String, Object>of("title", publishing.read(r.content()).title(), "href",
                        "/staff/sign-off/" + r.reportId(), "sent", Dates.longForm(r.sentAt()))).toList();
        return Pages.render("reports/sign-off-list", Pages.model("titleKey", "signoff.list.title", "staff", staff,
                "drafts", drafts, "asked", asked));
    }

    @Get("/{id}")
    MutableHttpResponse<?> draft(Authentication authentication, long id) {
        return page(authentication, id, HttpStatus.OK, "", FormErrors.none());
    }

    @Post(uri = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> decide(HttpRequest<byte[]> request, Authentication authentication, long id) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Staff staff = Staff.of(authentication);
        String forum = staff.role().roleName();
        Optional<ReportStore.Review> review = store.latestReview(id);
        if (review.isEmpty() || !publishing.required().contains(forum)) {
            return Pages.notFound();
        }
        if (!review.get().digest().equals(StaffForms.first(form.get(), "digest"))) {
            return page(authentication, id, HttpStatus.CONFLICT, "", FormErrors.of("decision-agreed",
                    messages.get("signoff.error.newer")));
        }
        String decision = StaffForms.first(form.get(), "decision");
        String comment = StaffForms.first(form.get(), "comment").strip();
        FormErrors errors = FormErrors.none();
        if (!decision.equals("agreed") && !decision.equals("changes")) {
            errors.add("decision-agreed", messages.get("signoff.error.decision"));
        }
        if (decision.equals("changes") && comment.isEmpty()) {
            errors.add("comment", messages.get("signoff.error.comment"));
        }
        if (comment.length() > 3000) {
            errors.add("comment", messages.get("signoff.error.long"));
        }
        if (errors.any()) {
            return page(authentication, id, HttpStatus.UNPROCESSABLE_ENTITY, comment, errors);
        }
        store.decide(id, review.get().digest(), forum, decision.equals("agreed"), comment.isEmpty() ? null : comment,
                staff.name(), staff.email());
        return Pages.seeOther("/staff/sign-off/" + id);
    }

    private MutableHttpResponse<?> page(Authentication authentication, long id, HttpStatus status, String comment,
                                        FormErrors errors) {
        Staff staff = Staff.of(authentication);
        Optional<ReportStore.Review> review = store.latestReview(id);
        if (review.isEmpty() || !publishing.required().contains(staff.role().roleName())) {
            return Pages.notFound();
        }
        ReportContent content = publishing.read(review.get().content());
        List<Map<String, Object>> decisions = store.decisions(id, review.get().digest()).stream()
                .map(d -> Map.<String, Object>of("forum", publishing.forumName(d.forum()), "agreed", d.agreed(),
                        "by", d.byName(), "when", Dates.longForm(d.at()), "comment",
                        d.comment() == null ? "" : d.comment())).toList();
        List<Choice> choices = List.of(
                new Choice("decision-agreed", "agreed", messages.get("signoff.agree"), false),
                new Choice("decision-changes", "changes", messages.get("signoff.changes"), false));
        return Pages.render(status, "reports/sign-off", errors.addTo(Pages.model("title",
                messages.get("signoff.title", content.title()), "staff", staff, "content", content,
                "reportId", id, "digest", review.get().digest(), "decisions", decisions, "choices", choices,
                "comment", comment, "forum", publishing.forumName(staff.role().roleName()),
                "backUrl", "/staff/sign-off")));
    }
}
