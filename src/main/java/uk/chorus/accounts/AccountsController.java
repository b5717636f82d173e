package uk.chorus.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.audit.AuditLog;
import uk.chorus.mail.Outbox;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.PublicAddress;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Administrators: everyone with an account, invitations, and which leads may read which young people's survey. */
@Secured(Role.ADMIN_NAME)
@Controller(value = "/staff/accounts", produces = MediaType.TEXT_HTML)
class AccountsController {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private final Accounts accounts;
    private final Invitations invitations;
    private final uk.chorus.mail.MailSender mail;
    private final Outbox outbox;
    private final uk.chorus.mail.MailTemplates templates;
    private final SurveyLeads leads;
    private final AccountAdministration administration;
    private final SurveyCatalogue catalogue;
    private final AuditLog audit;
    private final PublicAddress address;
    private final Messages messages;

    AccountsController(Accounts accounts, Invitations invitations, SurveyLeads leads,
                       AccountAdministration administration, SurveyCatalogue catalogue, AuditLog audit,
                       PublicAddress address, Messages messages,
                       uk.chorus.mail.MailSender mail, Outbox outbox,
                       uk.chorus.mail.MailTemplates templates) {
        this.mail = mail;
        this.outbox = outbox;
        this.templates = templates;
        this.accounts = accounts;
        this.invitations = invitations;
        this.leads = leads;
        this.administration = administration;
        this.catalogue = catalogue;
        this.audit = audit;
        this.address = address;
        this.messages = messages;
    }

    public record Choice(String value, String label, boolean selected) {
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        return render(authentication, HttpStatus.OK, FormErrors.none(), null, "", "");
    }

    @Post(uri = "/invite", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> invite(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        String email = Accounts.normalise(StaffForms.first(form.get(), "email"));
        String roleName = StaffForms.first(form.get(), "role");
        Optional<Role> role = Role.fromName(roleName);
        FormErrors errors = FormErrors.none();
        if (email.length() > AuditLog.LONGEST_ACTOR || !EMAIL.matcher(email).matches()) {
            errors.add("email", messages.get("accounts.invite.email.invalid"));
        } else if (accounts.byEmail(email).isPresent()) {
            errors.add("email", messages.get("accounts.invite.email.taken", email));
        }
        if (role.isEmpty()) {
            errors.add("role", messages.get("accounts.invite.role.missing"));
        }
        if (errors.any()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, errors, null, email, roleName);
        }
        Staff admin = Staff.of(authentication);
        String token = invitations.create(email, role.get(), admin.accountId());
        audit.record(admin.email(), "invitation", email, role.get().roleName());
        String link = address.link("/invitations/" + token);
        boolean emailed = mail.configured();
        if (emailed) {
            mailInvitation(email, role.get(), link, admin);
        }
        return render(authentication, HttpStatus.OK, FormErrors.none(), Map.of("email", email,
                "roleKey", role.get().labelKey(), "link", link, "emailed", emailed,
                "days", Invitations.LIFETIME.toDays()), "", "");
    }

    /** The invitation by email too, when a mail server is set: rendered from views/mail and sent in the background. */
    private void mailInvitation(String email, Role role, String link, Staff admin) {
        String body = templates.render("mail/staff-invitation", Map.of("link", link,
                "role", messages.get(role.labelKey()), "from", admin.name(), "days", Invitations.LIFETIME.toDays()));
        outbox.queue(List.of(new Outbox.Message(email, messages.get("accounts.invited.mail.subject"), body,
                "staff-invitation:" + email)));
    }

    @Post(uri = "/leads", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> assignLead(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        String surveyId = StaffForms.first(form.get(), "survey");
        Optional<Account> lead = accounts.byEmail(StaffForms.first(form.get(), "lead"))
                .filter(a -> a.role() == Role.LEAD && !a.deactivated());
        if (catalogue.find(surveyId).isEmpty() || lead.isEmpty()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY,
                    FormErrors.of("lead", messages.get("accounts.leads.invalid")), null, "", "");
        }
        administration.assignLead(Staff.of(authentication), surveyId, lead.get());
        return Pages.seeOther("/staff/accounts");
    }

    @Post(uri = "/leads/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeLead(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        long accountId;
        try {
            accountId = Long.parseLong(StaffForms.first(form.get(), "account"));
        } catch (NumberFormatException e) {
            return Pages.notFound();
        }
        administration.removeLead(Staff.of(authentication), StaffForms.first(form.get(), "survey"), accountId);
        return Pages.seeOther("/staff/accounts");
    }

    private MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, FormErrors errors,
                                          Map<String, Object> invited, String email, String roleName) {
        // Administrator last, so the role a slip of the hand picks is never the most powerful one.
        List<Choice> roles = Arrays.stream(Role.values())
                .sorted(Comparator.comparing((Role r) -> r == Role.ADMIN).thenComparing(Role::ordinal))
                .map(r -> new Choice(r.roleName(), messages.get(r.labelKey()), r.roleName().equals(roleName)))
                .toList();
        List<Choice> surveys = catalogue.all().stream()
                .map(s -> new Choice(s.id(), s.definition().title(), false)).toList();
        var model = errors.addTo(Pages.model("titleKey", "accounts.title", "staff", Staff.of(authentication),
                "accounts", accounts.all(), "roles", roles, "surveys", surveys, "assignments", leads.all(),
                "invited", invited, "email", email));
        return Pages.render(status, "accounts/accounts", model);
    }
}
