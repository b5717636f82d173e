package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.audit.AuditLog;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.Paging;
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
    static final int PAGE_SIZE = 50;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private final Accounts accounts;
    private final Invitations invitations;
    private final InvitationMail mail;
    private final SurveyLeads leads;
    private final AccountAdministration administration;
    private final SurveyCatalogue catalogue;
    private final AuditLog audit;
    private final PublicAddress address;
    private final Messages messages;

    AccountsController(Accounts accounts, Invitations invitations, SurveyLeads leads,
                       AccountAdministration administration, SurveyCatalogue catalogue, AuditLog audit,
                       PublicAddress address, Messages messages, InvitationMail mail) {
        this.mail = mail;
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

    /** An invitation in the list: its status as a tag, and when it was made or runs out. */
    public record ShownInvitation(long id, String email, String roleKey, String statusKey, String tagColour,
                                  String sent, String until, boolean waiting) {
    }

    private ShownInvitation shown(Invitations.Listed invitation) {
        return new ShownInvitation(invitation.id(), invitation.email(), invitation.role().labelKey(),
                "accounts.invitation.status." + invitation.status().name().toLowerCase(java.util.Locale.ROOT),
                switch (invitation.status()) {
                    case WAITING -> "blue";
                    case ACCEPTED -> "green";
                    case EXPIRED -> "grey";
                    case WITHDRAWN -> "red";
                }, uk.chorus.web.Dates.dateTime(invitation.createdAt()), uk.chorus.web.Dates.dateTime(invitation.expiresAt()),
                invitation.waiting());
    }

    /** Everyone, 50 a page, narrowed by role (each choice counting its people) or by part of a name or email. */
    @Get
    MutableHttpResponse<?> list(Authentication authentication, @Nullable @QueryValue String show,
                                @Nullable @QueryValue String who, @Nullable @QueryValue Integer page) {
        return render(authentication, HttpStatus.OK, FormErrors.none(), "", "", new Listing(show, who, page));
    }

    /** Which accounts the list shows: a role's name or "deactivated" (or everyone), and typed text. */
    record Listing(@Nullable String show, @Nullable String who, @Nullable Integer page) {
        static final Listing FIRST = new Listing(null, null, null);

        boolean includes(Account account) {
            String typed = who == null ? "" : who.strip().toLowerCase(java.util.Locale.ROOT);
            boolean shown = show == null || show.isEmpty() ? true
                    : "deactivated".equals(show) ? account.deactivated()
                    : !account.deactivated() && account.role().roleName().equals(show);
            return shown && (typed.isEmpty() || account.email().contains(typed)
                    || account.displayName().toLowerCase(java.util.Locale.ROOT).contains(typed));
        }

        String href(int page) {
            return UriBuilder.of("/staff/accounts").queryParam("show", show == null ? "" : show)
                    .queryParam("who", who == null ? "" : who.strip()).queryParam("page", page).toString() + "#everyone";
        }
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
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, errors, email, roleName, Listing.FIRST);
        }
        Staff admin = Staff.of(authentication);
        // Made, then shown by redirect: a refresh of the page that shows the link makes nothing new.
        Invitations.Created created = invitations.create(email, role.get(), admin.accountId());
        audit.record(admin.email(), "invitation", email, role.get().roleName());
        boolean emailed = mail.send(email, role.get(), address.link("/invitations/" + created.token()), admin);
        return Pages.seeOther("/staff/accounts/invitations/" + created.id() + (emailed ? "?emailed=yes" : ""));
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
                    FormErrors.of("lead", messages.get("accounts.leads.invalid")), "", "", Listing.FIRST);
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
                                          String email, String roleName, Listing listing) {
        // Administrator last, so the role a slip of the hand picks is never the most powerful one.
        List<Choice> roles = Arrays.stream(Role.values())
                .sorted(Comparator.comparing((Role r) -> r == Role.ADMIN).thenComparing(Role::ordinal))
                .map(r -> new Choice(r.roleName(), messages.get(r.labelKey()), r.roleName().equals(roleName)))
                .toList();
        List<Choice> surveys = catalogue.all().stream()
                .map(s -> new Choice(s.id(), s.definition().title(), false)).toList();
        List<Account> everyone = accounts.all();
        List<Account> shown = everyone.stream().filter(listing::includes).toList();
        Paging paging = Paging.of(listing.page(), shown.size(), PAGE_SIZE);
        List<Choice> shows = new java.util.ArrayList<>(List.of(new Choice("",
                messages.get("accounts.show.everyone", everyone.size()), listing.show() == null || listing.show().isEmpty())));
        Arrays.stream(Role.values()).forEach(r -> shows.add(new Choice(r.roleName(), messages.get("accounts.show.count",
                messages.get(r.labelKey()), everyone.stream().filter(a -> !a.deactivated() && a.role() == r).count()),
                r.roleName().equals(listing.show()))));
        shows.add(new Choice("deactivated", messages.get("accounts.show.count", messages.get("accounts.status.deactivated"),
                everyone.stream().filter(Account::deactivated).count()), "deactivated".equals(listing.show())));
        var model = errors.addTo(Pages.model("titleKey", "accounts.title", "staff", Staff.of(authentication),
                "accounts", shown.subList(paging.offset(), (int) paging.to()), "shows", shows,
                "who", listing.who() == null ? "" : listing.who().strip(),
                "showing", shown.isEmpty() ? null : messages.get("paging.showing", paging.from(), paging.to(), paging.total()),
                "paging", paging.links(listing::href, messages.get("accounts.pages")), "roles", roles, "surveys", surveys, "assignments", leads.all(),
                "invitations", invitations.recent().stream().map(this::shown).toList(), "email", email));
        return Pages.render(status, "accounts/accounts", model);
    }
}
