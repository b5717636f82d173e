package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.BreakPoints;
import uk.chorus.web.Pages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Administrators read and filter the audit log, newest first, a page at a time. */
@Secured(Role.ADMIN_NAME)
@Controller(value = "/staff/audit", produces = MediaType.TEXT_HTML)
class AuditController {
    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));
    private final AuditLog audit;
    private final uk.chorus.web.Messages messages;

    AuditController(AuditLog audit, uk.chorus.web.Messages messages) {
        this.audit = audit;
        this.messages = messages;
    }

    /** Who and what it was about, in the pieces a line may break between (see BreakPoints). */
    public record Row(String when, List<String> actor, String action, List<String> subject, String detail) {
    }

    public record ActionOption(String value, String label, boolean selected) {
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication, @Nullable @QueryValue String action,
                                @Nullable @QueryValue String actor, @Nullable @QueryValue Long before) {
        AuditLog.Page page = audit.search(action, actor, before, PAGE_SIZE);
        var rows = page.entries().stream()
                .map(e -> new Row(WHEN.format(e.at()), BreakPoints.of(e.actor()), e.action(), BreakPoints.of(e.subject()),
                        e.detail()))
                .toList();
        var actions = new java.util.ArrayList<ActionOption>();
        actions.add(new ActionOption("", messages.get("audit.filter.everything"), action == null || action.isEmpty()));
        audit.actions().forEach(a -> actions.add(new ActionOption(a, a, a.equals(action))));
        String older = page.older() == null ? null : UriBuilder.of("/staff/audit")
                .queryParam("action", action == null ? "" : action)
                .queryParam("actor", actor == null ? "" : actor)
                .queryParam("before", page.older()).toString();
        return Pages.render("accounts/audit", Pages.model("titleKey", "audit.title", "staff", Staff.of(authentication),
                "rows", rows, "actions", actions, "actor", actor == null ? "" : actor, "olderUrl", older,
                "paged", before != null));
    }
}
