package uk.chorus.pledges;

import jakarta.inject.Singleton;
import uk.chorus.mail.MailTemplates;
import uk.chorus.mail.Outbox;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.PublicAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pledge's email, rendered from the templates in views/mail and queued in the outbox in the
 * caller's transaction: an invitation, a reminder, and the one-year-on review request. Each is
 * about one organisation ("pledge-org:{id}"), so its latest status shows beside it.
 */
@Singleton
class PledgeMail {
    static final String ABOUT = "pledge-org:";
    private final Outbox outbox;
    private final SigningLinks links;
    private final PublicAddress address;
    private final MailTemplates templates;
    private final Messages messages;

    PledgeMail(Outbox outbox, SigningLinks links, PublicAddress address,
               MailTemplates templates, Messages messages) {
        this.outbox = outbox;
        this.links = links;
        this.address = address;
        this.templates = templates;
        this.messages = messages;
    }

    enum Kind {
        INVITATION("mail/pledge-invitation", "pledges.mail.invitation.subject", "/pledge/sign/"),
        REMINDER("mail/pledge-reminder", "pledges.mail.reminder.subject", "/pledge/sign/"),
        REVIEW("mail/pledge-review", "pledges.mail.review.subject", "/pledge/review/");

        final String view;
        final String subjectKey;
        final String path;

        Kind(String view, String subjectKey, String path) {
            this.view = view;
            this.subjectKey = subjectKey;
            this.path = path;
        }
    }

    /** Queues one message of a kind to each organisation that has an email address; returns how many. */
    int queue(Kind kind, Campaigns.Campaign campaign, List<Circulation.Organisation> organisations) {
        List<Outbox.Message> messages = new ArrayList<>();
        for (Circulation.Organisation organisation : organisations) {
            if (organisation.contactEmail() == null) {
                continue;
            }
            String link = address.link(kind.path + links.token(organisation.linkId()));
            Map<String, Object> model = Map.of("campaign", campaign, "organisation", organisation, "link", link,
                    "contact", organisation.contactName() == null ? this.messages.get("pledges.mail.colleague")
                            : organisation.contactName(), "review", Dates.longForm(campaign.reviewOn()));
            messages.add(new Outbox.Message(organisation.contactEmail(), this.messages.get(kind.subjectKey,
                    campaign.title()), templates.render(kind.view, model), ABOUT + organisation.id()));
        }
        outbox.queue(messages);
        return messages.size();
    }
}
