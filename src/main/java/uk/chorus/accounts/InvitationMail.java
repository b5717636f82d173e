package uk.chorus.accounts;

import jakarta.inject.Singleton;
import uk.chorus.mail.MailSender;
import uk.chorus.mail.MailTemplates;
import uk.chorus.mail.Outbox;
import uk.chorus.web.Messages;

import java.util.List;
import java.util.Map;

/** The invitation by email, when a mail server is set: rendered from views/mail and sent in the background. */
@Singleton
class InvitationMail {
    private final MailSender mail;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final Messages messages;

    InvitationMail(MailSender mail, Outbox outbox, MailTemplates templates, Messages messages) {
        this.mail = mail;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
    }

    boolean configured() {
        return mail.configured();
    }

    /** Queues the email; false (sending nothing) when no mail server is set. */
    boolean send(String email, Role role, String link, Staff from) {
        if (!mail.configured()) {
            return false;
        }
        String body = templates.render("mail/staff-invitation", Map.of("link", link,
                "role", messages.get(role.labelKey()), "from", from.name(), "days", Invitations.LIFETIME.toDays()));
        outbox.queue(List.of(new Outbox.Message(email, messages.get("accounts.invited.mail.subject"), body,
                "staff-invitation:" + email)));
        return true;
    }
}
