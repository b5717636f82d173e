package uk.chorus.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.FormBody;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.RequestBody;

/**
 * Accepting an invitation: the person chooses their name and password, and is signed in. The
 * link's secret token is what authorises the form, so it needs no other CSRF token.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/invitations/{token}", produces = MediaType.TEXT_HTML)
class InvitationController {
    private static final int LONGEST_NAME = 100;
    private final Invitations invitations;
    private final Accounts accounts;
    private final Passwords passwords;
    private final StaffSessions sessions;
    private final AuditLog audit;
    private final Messages messages;

    InvitationController(Invitations invitations, Accounts accounts, Passwords passwords, StaffSessions sessions,
                         AuditLog audit, Messages messages) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.messages = messages;
    }

    @Get
    MutableHttpResponse<?> form(String token) {
        return invitations.open(token)
                .<MutableHttpResponse<?>>map(invitation -> render(HttpStatus.OK, token, invitation, "", FormErrors.none()))
                .orElseGet(InvitationController::gone);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> accept(HttpRequest<byte[]> request, String token) {
        var invitation = invitations.open(token);
        var form = FormBody.parse(RequestBody.bytes(request));
        if (invitation.isEmpty()) {
            return gone();
        }
        if (form.isEmpty()) {
            return Pages.badForm();
        }
        String name = StaffForms.first(form.get(), "name").strip();
        String password = StaffForms.first(form.get(), "password");
        FormErrors errors = FormErrors.none();
        if (name.isEmpty() || name.length() > LONGEST_NAME) {
            errors.add("name", messages.get("invitation.name.missing", LONGEST_NAME));
        }
        String problem = Passwords.problemWith(password);
        if (problem != null) {
            errors.add("password", messages.get(problem, Passwords.MINIMUM_LENGTH));
        }
        if (errors.any()) {
            return render(HttpStatus.UNPROCESSABLE_ENTITY, token, invitation.get(), name, errors);
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
                .cookie(SessionCookies.session(request, session, StaffSessions.BROWSER_LIFETIME));
    }

    private static MutableHttpResponse<?> gone() {
        return Pages.render(HttpStatus.GONE, "errors/error", Pages.model("titleKey", "invitation.gone.title",
                "bodyKey", "invitation.gone.body"));
    }

    private static MutableHttpResponse<?> render(HttpStatus status, String token, Invitations.Invitation invitation,
                                                 String name, FormErrors errors) {
        return Pages.render(status, "accounts/invitation", errors.addTo(Pages.model("titleKey", "invitation.title",
                "action", "/invitations/" + token, "email", invitation.email(), "roleKey", invitation.role().labelKey(),
                "name", name)));
    }
}
