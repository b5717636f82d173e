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
import uk.chorus.themes.ThemeSummaries;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last steps before a report is public: a preview that is exactly the published page (the
 * same template, the same content), sending that draft to the forums when the area requires
 * their agreement, and publishing it. Publishing names the digest of what was previewed, so a
 * report that changed since is shown again rather than published unseen.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/reports/{id}", produces = MediaType.TEXT_HTML)
class ReportPublishController {
    private final ReportStore store;
    private final ReportPublishing publishing;
    private final ThemeSummaries summaries;
    private final Messages messages;

    ReportPublishController(ReportStore store, ReportPublishing publishing, ThemeSummaries summaries,
                            Messages messages) {
        this.store = store;
        this.publishing = publishing;
        this.summaries = summaries;
        this.messages = messages;
    }

    @Get("/preview")
    MutableHttpResponse<?> preview(Authentication authentication, long id) {
        Optional<ReportStore.Report> report = store.find(id);
        return report.isEmpty() ? Pages.notFound() : preview(authentication, report.get(), HttpStatus.OK, null);
    }

    /** Sends the draft previewed to the forums that must agree it. */
    @Post(uri = "/reviews", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> send(HttpRequest<byte[]> request, Authentication authentication, long id) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<ReportStore.Report> report = store.find(id);
        if (report.isEmpty() || publishing.required().isEmpty()) {
            return Pages.notFound();
        }
        Staff staff = Staff.of(authentication);
        ReportPublishing.Draft draft = publishing.draft(report.get(), staff);
        if (!draft.digest().equals(StaffForms.first(form.get(), "digest"))) {
            return preview(authentication, report.get(), HttpStatus.CONFLICT, "reports.preview.changed");
        }
        store.sendForReview(id, draft.digest(), draft.json(), staff.email());
        return Pages.seeOther("/staff/reports/" + id + "/preview");
    }

    @Post(uri = "/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publish(HttpRequest<byte[]> request, Authentication authentication, long id) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<ReportStore.Report> report = store.find(id);
        if (report.isEmpty()) {
            return Pages.notFound();
        }
        String correction = StaffForms.first(form.get(), "correction").strip();
        boolean first = store.versions(id).isEmpty();
        if (!first && (correction.isEmpty() || correction.length() > 1000)) {
            return Pages.error(HttpStatus.UNPROCESSABLE_ENTITY, "reports.publish.error.title",
                    "reports.publish.error.correction");
        }
        // Checked again as it is published, whatever wrote the quote: only a comment's own words go out.
        List<String> unfaithful = store.quotes(id).stream().filter(q -> summaries.text(q.textId())
                .map(source -> !QuoteSource.check(source, q.quote()).faithful()).orElse(true))
                .map(q -> "“" + q.quote() + "”").toList();
        if (!unfaithful.isEmpty()) {
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "errors/error", Pages.model(
                    "titleKey", "reports.publish.error.quotes.title",
                    "body", messages.get("reports.publish.error.quotes", String.join(", ", unfaithful))));
        }
        return switch (publishing.publish(report.get(), StaffForms.first(form.get(), "digest"),
                first ? null : correction, Staff.of(authentication))) {
            case PUBLISHED -> Pages.seeOther("/reports/" + report.get().slug());
            case CHANGED -> preview(authentication, report.get(), HttpStatus.CONFLICT, "reports.preview.changed");
            case NOT_AGREED -> preview(authentication, report.get(), HttpStatus.CONFLICT, "reports.preview.not.agreed");
        };
    }

    /**
     * The page as it will be published. With sign-off, what is shown is the draft last sent to the
     * forums when nothing has changed since, so the lead sees where each forum stands on it.
     */
    private MutableHttpResponse<?> preview(Authentication authentication, ReportStore.Report report, HttpStatus status,
                                           String problemKey) {
        Staff staff = Staff.of(authentication);
        ReportPublishing.Draft now = publishing.draft(report, staff);
        boolean signOff = !publishing.required().isEmpty();
        Optional<ReportStore.Review> sent = signOff ? store.latestReview(report.id()) : Optional.empty();
        boolean sentIsCurrent = sent.isPresent() && sent.get().digest().equals(now.digest());
        List<ReportPublishing.ForumStand> stands = sent.map(r -> publishing.stands(report.id(), r.digest()))
                .orElse(List.of());
        boolean agreed = signOff && sent.isPresent() && stands.stream().allMatch(ReportPublishing.ForumStand::agreed);
        // Once every forum has agreed a draft, that draft is what publishes, even if counts have moved since.
        ReportPublishing.Draft shown = agreed ? publishing.draft(publishing.read(sent.get().content())) : now;
        String digest = agreed ? sent.get().digest() : now.digest();
        Map<String, Object> model = Pages.model("title", messages.get("reports.preview.title", report.title()),
                "staff", staff, "tab", "reports", "report", report, "content", shown.content(), "digest", digest,
                "previewing", true, "firstVersion", store.versions(report.id()).isEmpty(), "signOff", signOff,
                "sent", sent.isPresent(), "sentIsCurrent", sentIsCurrent, "agreed", agreed,
                "canPublish", !signOff || agreed, "forums", String.join(" and ",
                        publishing.required().stream().map(publishing::forumName).toList()),
                "stands", stands.stream().map(s -> Map.of("name", s.name(), "agreed", s.agreed(), "changes",
                        s.changesAsked(), "who", s.latest().map(d -> d.byName() + ", "
                                + Dates.longForm(d.at())).orElse(""), "comment",
                        s.latest().map(d -> d.comment() == null ? "" : d.comment()).orElse(""))).toList(),
                "backUrl", "/staff/reports/" + report.id());
        if (problemKey != null) {
            model.put("problem", messages.get(problemKey));
        }
        return Pages.render(status, "reports/preview", model);
    }
}
