package uk.chorus.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.Pages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Administrators: the list of accounts, invitations, role changes and lead assignments. */
@Secured(Role.ADMIN_NAME)
@Controller(value = "/staff/accounts", produces = MediaType.TEXT_HTML)
class AccountsController {
    private final Accounts accounts;
    private final Invitations invitations;
    private final SurveyLeads leads;
    private final StaffSessions sessions;
    private final SurveyCatalogue catalogue;
    private final AuditLog audit;
    private final String baseUrl;

    AccountsController(Accounts accounts, Invitations invitations, SurveyLeads leads, StaffSessions sessions,
                       SurveyCatalogue catalogue, AuditLog audit, @Value("${chorus.base-url:}") String baseUrl) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.leads = leads;
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    public record RoleOption(String value, String label) {
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication, @Nullable @QueryValue String error) {
        return render(authentication, HttpStatus.OK, error, null);
    }

    @Post(uri = "/invite", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> invite(HttpRequest<?> request, Authentication authentication, @Nullable @Body byte[] body) {
        var form = StaffForms.read(authentication, body);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        String email = Accounts.normalise(StaffForms.first(form.get(), "email"));
        Optional<Role> role = Role.fromName(StaffForms.first(form.get(), "role"));
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 200) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, "Enter an email address like name@example.org",
                    null);
        }
        if (role.isEmpty()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, "Select a role", null);
        }
        if (accounts.byEmail(email).isPresent()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, email + " already has an account", null);
        }
        Staff admin = Staff.of(authentication);
        String token = invitations.create(email, role.get(), admin.accountId());
        audit.record(admin.email(), "invitation", email, role.get().roleName());
        String origin = baseUrl.isBlank() ? "http://" + request.getHeaders().get("Host") : baseUrl;
        return render(authentication, HttpStatus.OK, null, Map.of("email", email, "role", role.get().label(),
                "link", origin + "/invitations/" + token, "days", Invitations.LIFETIME.toDays()));
    }

    @Post(uri = "/{id}/role", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changeRole(Authentication authentication, long id, @Nullable @Body byte[] body) {
        var form = StaffForms.read(authentication, body);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<Role> role = Role.fromName(StaffForms.first(form.get(), "role"));
        Optional<Account> account = accounts.byId(id);
        if (role.isEmpty() || account.isEmpty()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, "Select a role", null);
        }
        accounts.changeRole(id, role.get());
        // A new role takes effect at once: the person signs in again.
        sessions.endAllFor(id);
        audit.record(Staff.of(authentication).email(), "role changed", account.get().email(),
                account.get().role().roleName() + " to " + role.get().roleName());
        return Pages.seeOther("/staff/accounts");
    }

    @Post(uri = "/leads", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> assignLead(Authentication authentication, @Nullable @Body byte[] body) {
        var form = StaffForms.read(authentication, body);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        String surveyId = StaffForms.first(form.get(), "survey");
        Optional<Account> lead = accounts.byEmail(StaffForms.first(form.get(), "lead"))
                .filter(a -> a.role() == Role.LEAD);
        if (catalogue.find(surveyId).isEmpty() || lead.isEmpty()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, "Select a survey and a co-production lead",
                    null);
        }
        leads.assign(surveyId, lead.get().id());
        audit.record(Staff.of(authentication).email(), "lead assigned", surveyId, lead.get().email());
        return Pages.seeOther("/staff/accounts");
    }

    private MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, String error,
                                          Map<String, Object> invited) {
        // Administrator last, so the role a slip of the hand picks is never the most powerful one.
        List<RoleOption> roles = Arrays.stream(Role.values())
                .sorted(java.util.Comparator.comparing((Role r) -> r == Role.ADMIN).thenComparing(Role::ordinal))
                .map(r -> new RoleOption(r.roleName(), r.label())).toList();
        var model = Pages.model("title", "Accounts", "staff", Staff.of(authentication), "accounts", accounts.all(),
                "roles", roles, "surveys", catalogue.all(), "assignments", leads.all(), "invited", invited,
                "error", error, "errors", error == null ? List.of() : List.of(Map.of("href", "#email", "text", error)));
        return Pages.render(status, "accounts/accounts", model);
    }
}
