package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.web.Pages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Administrators read and filter the audit log. */
@Secured(Role.ADMIN_NAME)
@Controller(value = "/staff/audit", produces = MediaType.TEXT_HTML)
class AuditController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));
    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    public record Row(String when, String actor, String action, String subject, String detail) {
    }

    public record ActionOption(String value, boolean selected) {
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication, @Nullable @QueryValue String action,
                                @Nullable @QueryValue String actor) {
        var rows = audit.search(action, actor).stream()
                .map(e -> new Row(WHEN.format(e.at()), e.actor(), e.action(), e.subject(), e.detail()))
                .toList();
        var actions = audit.actions().stream().map(a -> new ActionOption(a, a.equals(action))).toList();
        return Pages.render("accounts/audit", Pages.model("title", "Audit log", "staff", Staff.of(authentication),
                "rows", rows, "actions", actions, "actor", actor == null ? "" : actor));
    }
}
