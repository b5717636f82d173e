package uk.chorus.accounts;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.chorus.audit.AuditLog;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.FormErrors;
import uk.chorus.web.FormFailure;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.PublicAddress;

import java.util.Optional;

/** Administrators: everyone with an account, invitations, and which leads may read which young people's survey. */
@Secured(Role.ADMIN_NAME)
@Controller(value = "/staff/accounts", produces = MediaType.TEXT_HTML)
class AccountsController {
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private final Accounts accounts;
    private final Invitations invitations;
    private final InvitationMail mail;
    private final AccountAdministration administration;
    private final SurveyCatalogue catalogue;
    private final AuditLog audit;
    private final PublicAddress address;
    private final Messages messages;
    private final AccountsPage page;

    AccountsController(Accounts accounts, Invitations invitations, AccountAdministration administration,
                       SurveyCatalogue catalogue, AuditLog audit, PublicAddress address, Messages messages,
                       InvitationMail mail, AccountsPage page) {
        this.mail = mail;
        this.accounts = accounts;
        this.invitations = invitations;
        this.administration = administration;
        this.catalogue = catalogue;
        this.audit = audit;
        this.address = address;
        this.messages = messages;
        this.page = page;
    }

    /** Everyone, 50 a page, narrowed by role (each choice counting its people) or by part of a name or email. */
    @Get
    MutableHttpResponse<?> list(Authentication authentication, @Nullable @QueryValue String show,
                                @Nullable @QueryValue String who, @Nullable @QueryValue Integer page) {
        return this.page.render(authentication, HttpStatus.OK, FormErrors.none(), "", "",
                new AccountsPage.Listing(show, who, page));
    }

    @Introspected
    record InviteForm(
            @Size(max = AuditLog.LONGEST_ACTOR, message = "{accounts.invite.email.invalid}")
            @Pattern(regexp = EMAIL, message = "{accounts.invite.email.invalid}") String email,
            @Pattern(regexp = Role.ANY_NAME, message = "{accounts.invite.role.missing}") String role) {
        /** Addresses are kept stripped and lower-cased, as accounts hold them. */
        InviteForm {
            email = Accounts.normalise(email);
        }
    }

    @Post(uri = "/invite", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> invite(@Valid @StaffForm InviteForm form, Authentication authentication) {
        String email = form.email();
        Role role = Role.fromName(form.role()).orElseThrow();
        if (accounts.byEmail(email).isPresent()) {
            return page.render(authentication, HttpStatus.UNPROCESSABLE_ENTITY,
                    FormErrors.of("email", messages.get("accounts.invite.email.taken", email)), email, form.role(),
                    AccountsPage.Listing.FIRST);
        }
        Staff admin = Staff.of(authentication);
        // Made, then shown by redirect: a refresh of the page that shows the link makes nothing new.
        Invitations.Created created = invitations.create(email, role, admin.accountId());
        audit.record(admin.email(), "invitation", email, role.roleName());
        boolean emailed = mail.send(email, role, address.link("/invitations/" + created.token()), admin);
        return Pages.seeOther("/staff/accounts/invitations/" + created.id() + (emailed ? "?emailed=yes" : ""));
    }

    @Introspected
    record LeadForm(@NotBlank(message = "{accounts.leads.invalid}") String survey,
                    @NotBlank(message = "{accounts.leads.invalid}") String lead) {
    }

    @Post(uri = "/leads", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> assignLead(@Valid @StaffForm LeadForm form, Authentication authentication) {
        Optional<Account> lead = accounts.byEmail(form.lead()).filter(a -> a.role() == Role.LEAD && !a.deactivated());
        if (catalogue.find(form.survey()).isEmpty() || lead.isEmpty()) {
            return page.render(authentication, HttpStatus.UNPROCESSABLE_ENTITY,
                    FormErrors.of("lead", messages.get("accounts.leads.invalid")), "", "", AccountsPage.Listing.FIRST);
        }
        administration.assignLead(Staff.of(authentication), form.survey(), lead.get());
        return Pages.seeOther("/staff/accounts");
    }

    /** The lead and survey to part, as the list of assignments posts them. */
    @Introspected
    record LeadRemoval(String survey, String account) {
    }

    @Post(uri = "/leads/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeLead(@StaffForm LeadRemoval form, Authentication authentication) {
        long accountId;
        try {
            accountId = Long.parseLong(form.account());
        } catch (NumberFormatException e) {
            return Pages.notFound();
        }
        administration.removeLead(Staff.of(authentication), form.survey(), accountId);
        return Pages.seeOther("/staff/accounts");
    }

    /** The Accounts page again with the errors, keeping what was typed into the invitation form. */
    @Error(exception = ConstraintViolationException.class)
    MutableHttpResponse<?> invalid(HttpRequest<?> request, Authentication authentication, ConstraintViolationException e) {
        FormFailure failure = FormFailure.of(request, e, messages);
        // Lead assignment's one message belongs beside the lead's email, as it always was.
        FormErrors errors = failure.form() instanceof LeadForm
                ? FormErrors.of("lead", messages.get("accounts.leads.invalid")) : failure.errors();
        String email = failure.form() instanceof InviteForm invite ? invite.email() : "";
        String role = failure.form() instanceof InviteForm invite ? invite.role() : "";
        return page.render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, errors, email, role, AccountsPage.Listing.FIRST);
    }
}
