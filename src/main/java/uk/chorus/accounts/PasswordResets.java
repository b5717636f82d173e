package uk.chorus.accounts;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;
import uk.chorus.mail.MailSender;
import uk.chorus.mail.MailTemplates;
import uk.chorus.mail.Outbox;
import uk.chorus.web.Messages;
import uk.chorus.web.PublicAddress;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Choosing a new password through a one-time link. A person asks from the sign-in page and the
 * link goes to their account's email, never to the page (so knowing an email is not enough); an
 * administrator can make one for someone whose email is not reaching them. Only the token's hash
 * is stored. Choosing the password uses the link up, ends every other link and every session for
 * the account, and is audited.
 */
@Singleton
@Connectable
class PasswordResets {
    /** Long enough to find the email; short because whoever holds the link holds the account. */
    static final Duration EMAILED_LIFETIME = Duration.ofHours(1);
    /** An administrator passes the link on by hand, which takes longer. */
    static final Duration ADMIN_LIFETIME = Duration.ofDays(1);
    private final JdbcOperations jdbc;
    private final Accounts accounts;
    private final Passwords passwords;
    private final StaffSessions sessions;
    private final AuditLog audit;
    private final MailSender mail;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final PublicAddress address;
    private final Messages messages;

    PasswordResets(JdbcOperations jdbc, Accounts accounts, Passwords passwords,
                   StaffSessions sessions, AuditLog audit, MailSender mail, Outbox outbox,
                   MailTemplates templates, PublicAddress address,
                   Messages messages) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.mail = mail;
        this.outbox = outbox;
        this.templates = templates;
        this.address = address;
        this.messages = messages;
    }

    /** Whether a link asked for on the sign-in page can reach anyone. */
    boolean canEmail() {
        return mail.configured();
    }

    /**
     * Emails a link to an active account with this address. Nothing is said about whether there is
     * one: the page answers the same either way, and the audit log records what happened.
     */
    @Transactional
    void emailLink(String email) {
        String normalised = Accounts.normalise(email);
        Optional<Account> account = accounts.byEmail(normalised).filter(a -> !a.deactivated());
        if (account.isEmpty() || !mail.configured()) {
            audit.record(normalised, "password reset refused", "", account.isEmpty() ? "no such active account"
                    : "no mail server");
            return;
        }
        String link = address.link("/password-reset/" + create(account.get().id(), normalised, EMAILED_LIFETIME));
        String body = templates.render("mail/password-reset", Map.of("link", link,
                "minutes", EMAILED_LIFETIME.toMinutes()));
        outbox.queue(List.of(new Outbox.Message(account.get().email(), messages.get("password.reset.mail.subject"),
                body, "password-reset:" + account.get().id())));
        audit.record(normalised, "password reset requested", normalised, "link emailed");
    }

    /** A link an administrator passes on by hand (emailed too when a mail server is set). */
    @Transactional
    String linkFor(Staff admin, Account account) {
        String link = address.link("/password-reset/" + create(account.id(), admin.email(), ADMIN_LIFETIME));
        audit.record(admin.email(), "password reset link made", account.email(), "");
        return link;
    }

    /** The account a link is for, while it is unused, unexpired and the account active. */
    Optional<Account> open(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("SELECT r.account_id FROM password_resets r JOIN accounts a ON a.id = r.account_id "
                + "WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > now() AND a.deactivated_at IS NULL",
                ps -> {
                    ps.setString(1, Tokens.hash(token));
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                    }
                }).flatMap(accounts::byId);
    }

    /**
     * Sets the new password and uses the link up (one statement, so a link works once even when
     * pressed twice); ends every other link and session for the account. Returns a new browser
     * session, or empty when the link was already used or has expired.
     */
    @Transactional
    Optional<String> choose(String token, String password) {
        Optional<Account> account = open(token);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        int used = jdbc.prepareStatement("UPDATE password_resets SET used_at = now() WHERE token_hash = ? "
                + "AND used_at IS NULL AND expires_at > now()", ps -> {
            ps.setString(1, Tokens.hash(token));
            return ps.executeUpdate();
        });
        if (used == 0) {
            return Optional.empty();
        }
        jdbc.prepareStatement("UPDATE password_resets SET used_at = now() WHERE account_id = ? AND used_at IS NULL", ps -> {
            ps.setLong(1, account.get().id());
            return ps.executeUpdate();
        });
        accounts.changePassword(account.get().id(), passwords.hash(password));
        sessions.endAllFor(account.get().id());
        audit.record(account.get().email(), "password reset", account.get().email(), "new password chosen");
        return Optional.of(sessions.start(account.get().id(), "browser", StaffSessions.BROWSER_LIFETIME));
    }

    private String create(long accountId, String madeBy, Duration lifetime) {
        String token = Tokens.newToken();
        jdbc.prepareStatement("INSERT INTO password_resets (token_hash, account_id, made_by, expires_at) "
                + "VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, Tokens.hash(token));
            ps.setLong(2, accountId);
            ps.setString(3, madeBy);
            ps.setTimestamp(4, Timestamp.from(Instant.now().plus(lifetime)));
            return ps.executeUpdate();
        });
        return token;
    }
}
