package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.Dates;
import uk.chorus.web.Pages;
import uk.chorus.web.PublicAddress;

import java.util.Optional;

/**
 * One invitation, for administrators: its status, the link while it may still be shown to the
 * person who made it, and the two things to do with a waiting invitation: withdraw it, or make a
 * new link (emailed when a mail server is set) when the first was lost or ran out.
 */
@Secured(Role.ADMIN_NAME)
@Controller(value = "/staff/accounts/invitations/{id}", produces = MediaType.TEXT_HTML)
class InvitationAdminController {
    private final Invitations invitations;
    private final InvitationMail mail;
    private final AuditLog audit;
    private final PublicAddress address;

    InvitationAdminController(Invitations invitations, InvitationMail mail, AuditLog audit, PublicAddress address) {
        this.invitations = invitations;
        this.mail = mail;
        this.audit = audit;
        this.address = address;
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, long id, @Nullable @QueryValue String emailed,
                                @Nullable @QueryValue String withdrawn) {
        Optional<Invitations.Listed> invitation = invitations.find(id);
        if (invitation.isEmpty()) {
            return Pages.notFound();
        }
        Staff admin = Staff.of(authentication);
        Invitations.Listed found = invitation.get();
        String link = invitations.linkFor(id, admin.accountId()).map(t -> address.link("/invitations/" + t)).orElse(null);
        return Pages.render("accounts/invitation-admin", Pages.model("titleKey", "accounts.invitation.title",
                "staff", admin, "invitation", found, "roleKey", found.role().labelKey(),
                "statusKey", "accounts.invitation.status." + found.status().name().toLowerCase(java.util.Locale.ROOT),
                "sent", Dates.dateTime(found.createdAt()), "until", Dates.dateTime(found.expiresAt()),
                "link", link, "emailed", "yes".equals(emailed), "withdrawn", "yes".equals(withdrawn),
                "renewable", found.status() == Invitations.Status.WAITING || found.status() == Invitations.Status.EXPIRED,
                "days", Invitations.LIFETIME.toDays(), "minutes", Invitations.SHOWN_FOR.toMinutes(),
                "backUrl", "/staff/accounts#invitations"));
    }

    @Post(uri = "/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> withdraw(@StaffForm CsrfOnly form, Authentication authentication, long id) {
        Optional<Invitations.Listed> invitation = invitations.find(id);
        if (invitation.isEmpty()) {
            return Pages.notFound();
        }
        if (invitations.revoke(id)) {
            audit.record(Staff.of(authentication).email(), "invitation withdrawn", invitation.get().email(), "");
        }
        return Pages.seeOther("/staff/accounts/invitations/" + id + "?withdrawn=yes");
    }

    /** A new link; the old one stops working. Emailed when a mail server is set, shown here either way. */
    @Post(uri = "/renew", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> renew(@StaffForm CsrfOnly form, Authentication authentication, long id) {
        Staff admin = Staff.of(authentication);
        Optional<Invitations.Listed> invitation = invitations.find(id);
        Optional<String> token = invitation.isEmpty() ? Optional.empty() : invitations.renew(id, admin.accountId());
        if (token.isEmpty()) {
            return invitation.isEmpty() ? Pages.notFound() : Pages.seeOther("/staff/accounts/invitations/" + id);
        }
        audit.record(admin.email(), "invitation renewed", invitation.get().email(), invitation.get().role().roleName());
        boolean emailed = mail.send(invitation.get().email(), invitation.get().role(),
                address.link("/invitations/" + token.get()), admin);
        return Pages.seeOther("/staff/accounts/invitations/" + id + (emailed ? "?emailed=yes" : ""));
    }
}
