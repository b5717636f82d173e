package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.web.FormBody;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Map;

/**
 * Accepting an invitation: the person chooses their name and password, and is signed in. The
 * link's secret token is what authorises the form, so it needs no other CSRF token.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/invitations/{token}", produces = MediaType.TEXT_HTML)
class InvitationController {
    private final Invitations invitations;
    private final Accounts accounts;
    private final Passwords passwords;
    private final StaffSessions sessions;
    private final AuditLog audit;

    InvitationController(Invitations invitations, Accounts accounts, Passwords passwords, StaffSessions sessions,
                         AuditLog audit) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Get
    MutableHttpResponse<?> form(String token) {
        return invitations.open(token)
                .<MutableHttpResponse<?>>map(invitation -> render(HttpStatus.OK, token, invitation, "", null))
                .orElseGet(InvitationController::gone);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> accept(HttpRequest<?> request, String token, @Nullable @Body byte[] body) {
        var invitation = invitations.open(token);
        var form = FormBody.parse(body);
        if (invitation.isEmpty()) {
            return gone();
        }
        if (form.isEmpty()) {
            return Pages.badForm();
        }
        String name = StaffForms.first(form.get(), "name").strip();
        String password = StaffForms.first(form.get(), "password");
        String problem = name.isEmpty() || name.length() > 100 ? "Enter your name" : Passwords.problemWith(password);
        if (problem != null) {
            return render(HttpStatus.UNPROCESSABLE_ENTITY, token, invitation.get(), name, problem);
        }
        var used = invitations.use(token);
        if (used.isEmpty()) {
            return gone();
        }
        var id = accounts.create(used.get().email(), name, used.get().role(), passwords.hash(password));
        if (id.isEmpty()) {
            return gone();
        }
        audit.record(used.get().email(), "account created", used.get().email(), "invitation accepted, role "
                + used.get().role().roleName());
        String session = sessions.start(id.get(), "browser", StaffSessions.BROWSER_LIFETIME);
        return Pages.seeOther("/staff")
                .cookie(SignInController.sessionCookie(request, session, StaffSessions.BROWSER_LIFETIME));
    }

    private static MutableHttpResponse<?> gone() {
        return Pages.render(HttpStatus.GONE, "errors/error", Pages.model("title", "This invitation link has expired",
                "body", "Invitation links work once, for " + Invitations.LIFETIME.toDays()
                        + " days. Ask the person who invited you for a new one."));
    }

    private static MutableHttpResponse<?> render(HttpStatus status, String token, Invitations.Invitation invitation,
                                                 String name, String error) {
        return Pages.render(status, "accounts/invitation", Pages.model("title", "Set up your account",
                "action", "/invitations/" + token, "email", invitation.email(), "role", invitation.role().label(),
                "name", name, "error", error,
                "errors", error == null ? List.of() : List.of(Map.of("href", "#name", "text", error))));
    }
}
