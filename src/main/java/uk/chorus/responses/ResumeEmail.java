package uk.chorus.responses;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import uk.chorus.mail.MailSender;
import uk.chorus.mail.MailTemplates;
import uk.chorus.web.Dates;
import uk.chorus.web.EmailAddresses;
import uk.chorus.web.Messages;
import uk.chorus.web.PublicAddress;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A respondent may send themselves the link to their saved answers. The address is used for that
 * one message, sent straight away, and kept nowhere: not with the answers, not in the outbox,
 * not in a log. A draft sends at most three such messages an hour, so the form cannot be used to
 * send mail to strangers in bulk.
 */
@Singleton
class ResumeEmail {
    private static final int PER_DRAFT_PER_HOUR = 3;
    private final MailSender mail;
    private final PublicAddress address;
    private final MailTemplates templates;
    private final Messages messages;
    private final Cache<String, AtomicInteger> sent = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1))
            .maximumSize(100_000).build();

    ResumeEmail(MailSender mail, PublicAddress address, MailTemplates templates, Messages messages) {
        this.mail = mail;
        this.address = address;
        this.templates = templates;
        this.messages = messages;
    }

    enum Outcome { SENT, NOT_AN_ADDRESS, TOO_MANY, NOT_SENT }

    boolean available() {
        return mail.configured();
    }

    Outcome send(String to, Progress progress, String continuePath) {
        if (!EmailAddresses.valid(to)) {
            return Outcome.NOT_AN_ADDRESS;
        }
        AtomicInteger count = sent.get(Long.toString(progress.draft().id()), key -> new AtomicInteger());
        if (count.incrementAndGet() > PER_DRAFT_PER_HOUR) {
            return Outcome.TOO_MANY;
        }
        String body = templates.render("mail/resume-link", Map.of("survey", progress.survey().title(),
                "link", address.link(continuePath), "code", progress.code(),
                "closes", Dates.longForm(progress.survey().closes())));
        boolean delivered = mail.sendNow(to, messages.get("later.email.subject", progress.survey().title()),
                body);
        return delivered ? Outcome.SENT : Outcome.NOT_SENT;
    }

}
