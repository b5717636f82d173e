package uk.chorus.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * Sends queued email over SMTP (CHORUS_MAIL_HOST, _PORT, _USERNAME, _PASSWORD, _FROM, _STARTTLS),
 * a few seconds after it is queued, with retries on growing waits. An address the server refuses
 * is marked bounced. With no mail server set, mail stays queued and the log says so once.
 */
@Singleton
// Made at start-up, so the outbox's meters are there to scrape before the first delivery runs.
@io.micronaut.context.annotation.Context
public class MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private final java.util.concurrent.locks.ReentrantLock delivering = new java.util.concurrent.locks.ReentrantLock();
    private final io.micrometer.core.instrument.Counter sent;
    private final io.micrometer.core.instrument.Counter failed;
    private volatile long queued;
    private volatile boolean stopping;
    private static final int BATCH = 50;
    private static final int MOST_ATTEMPTS = 6;
    private final Outbox outbox;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String from;
    private final boolean startTls;
    private volatile boolean warned;

    MailSender(Outbox outbox, @Value("${chorus.mail.host:}") String host, @Value("${chorus.mail.port:25}") int port,
               @Value("${chorus.mail.username:}") String username, @Value("${chorus.mail.password:}") String password,
               @Value("${chorus.mail.from:chorus@localhost}") String from,
               @Value("${chorus.mail.starttls:false}") boolean startTls,
               io.micrometer.core.instrument.MeterRegistry meters) {
        this.outbox = outbox;
        this.sent = io.micrometer.core.instrument.Counter.builder("chorus.mail.sent")
                .description("Emails from the outbox the mail server accepted").register(meters);
        this.failed = io.micrometer.core.instrument.Counter.builder("chorus.mail.failed")
                .description("Attempts to send an email from the outbox that failed (it is retried unless refused)")
                .register(meters);
        io.micrometer.core.instrument.Gauge.builder("chorus.mail.outbox.queued", this, m -> m.queued)
                .description("Emails waiting in the outbox (as of the sender's last look, every few seconds)")
                .register(meters);
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.from = from;
        this.startTls = startTls;
    }

    public boolean configured() {
        return !host.isBlank();
    }

    @Scheduled(fixedDelay = "${chorus.mail.every:5s}", initialDelay = "5s")
    void deliverDue() {
        if (stopping || !delivering.tryLock()) {
            return;
        }
        try {
            queued = outbox.counts().getOrDefault(Outbox.Status.QUEUED, 0L);
            if (!configured()) {
                if (!warned && queued > 0) {
                    LOG.warn("Email is queued but CHORUS_MAIL_HOST is not set: nothing is sent until it is.");
                    warned = true;
                }
                return;
            }
            deliver();
        } catch (RuntimeException e) {
            LOG.error("Sending queued email failed; it will be tried again", e);
        } finally {
            delivering.unlock();
        }
    }

    /**
     * A graceful stop: a delivery under way finishes, and what is due is sent once more, so a
     * message asked for just before the stop does not wait for the next start. (Nothing is lost
     * either way: the outbox is in PostgreSQL.)
     */
    @jakarta.annotation.PreDestroy
    void drain() {
        stopping = true;
        delivering.lock();
        try {
            if (configured()) {
                deliver();
            }
        } catch (RuntimeException e) {
            LOG.warn("Queued email not sent before stopping; it is sent after the next start: {}", e.getMessage());
        } finally {
            delivering.unlock();
        }
    }

    /** Sends what is due now, in one transaction holding those rows; returns how many were tried. */
    @Transactional
    public int deliver() {
        List<Outbox.Due> due = outbox.due(BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        Session session = Session.getInstance(properties());
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(host, port, username.isBlank() ? null : username, password.isBlank() ? null : password);
            for (Outbox.Due message : due) {
                try {
                    MimeMessage mime = new MimeMessage(session);
                    mime.setFrom(new InternetAddress(from));
                    mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
                    mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
                    mime.setText(message.body(), StandardCharsets.UTF_8.name());
                    mime.saveChanges();
                    transport.sendMessage(mime, mime.getAllRecipients());
                    outbox.sent(message.id());
                    sent.increment();
                } catch (SendFailedException e) {
                    failed.increment();
                    outbox.failed(message.id(), message.attempts(), String.valueOf(e.getMessage()), true, MOST_ATTEMPTS);
                } catch (MessagingException e) {
                    failed.increment();
                    outbox.failed(message.id(), message.attempts(), String.valueOf(e.getMessage()),
                            e instanceof jakarta.mail.internet.AddressException, MOST_ATTEMPTS);
                }
            }
        } catch (MessagingException e) {
            // The server could not be reached: every message waits for the next try.
            failed.increment(due.size());
            due.forEach(m -> outbox.failed(m.id(), m.attempts(), "Could not reach the mail server: " + e.getMessage(),
                    false, MOST_ATTEMPTS));
        }
        return due.size();
    }

    /**
     * Sends one message now, without storing it anywhere (for a respondent's own resume link: the
     * address is used once). False when no mail server is set or it refused or could not be reached;
     * nothing about the message is logged.
     */
    public boolean sendNow(String to, String subject, String body) {
        if (!configured()) {
            return false;
        }
        Session session = Session.getInstance(properties());
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(host, port, username.isBlank() ? null : username, password.isBlank() ? null : password);
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(from));
            mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            mime.setSubject(subject, StandardCharsets.UTF_8.name());
            mime.setText(body, StandardCharsets.UTF_8.name());
            mime.saveChanges();
            transport.sendMessage(mime, mime.getAllRecipients());
            return true;
        } catch (MessagingException e) {
            LOG.warn("An email sent straight away could not be sent ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.auth", Boolean.toString(!username.isBlank()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.writetimeout", "20000");
        return properties;
    }
}
