package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;
import uk.chorus.mail.MailTemplates;
import uk.chorus.mail.Outbox;
import uk.chorus.web.Messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a lead does with an item after it arrives: sorts Local Offer feedback into content,
 * accessibility or development and writes the response the annual Local Offer report shows;
 * replies to someone who left an address (queued in the mail outbox in the same transaction that
 * deletes the address, so the address outlives the reply by no more than the send), or, for
 * feedback sent through the API by someone who agreed to be contacted, to their contact email
 * (once; contact details stay under the channel's retention as before); and sets a
 * vexatious item aside with the reason. Every change is audited.
 */
@Singleton
public class FeedbackHandling {
    public static final List<String> CATEGORIES = List.of("content", "accessibility", "development");
    private final JdbcOperations jdbc;
    private final ReplyAddresses addresses;
    private final FeedbackRecords records;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final Messages messages;
    private final AuditLog audit;

    FeedbackHandling(JdbcOperations jdbc, ReplyAddresses addresses, FeedbackRecords records, Outbox outbox,
                     MailTemplates templates, Messages messages, AuditLog audit) {
        this.records = records;
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.audit = audit;
    }

    public record Handling(@Nullable String category, @Nullable String response, @Nullable String repliedWith,
                           @Nullable String repliedBy, @Nullable Instant repliedAt, @Nullable String setAsideReason,
                           @Nullable String setAsideBy, @Nullable Instant setAsideAt) {
        static final Handling NONE = new Handling(null, null, null, null, null, null, null, null);

        public boolean setAside() {
            return setAsideAt != null;
        }
    }

    /** A Local Offer item of a year, as the annual report reads it (never an address). */
    public record Entry(long id, String reference, LocalDate date, @Nullable String page, @Nullable Boolean helpful,
                        @Nullable String text, @Nullable String category, @Nullable String response, boolean replied,
                        boolean setAside) {
    }

    @Transactional(readOnly = true)
    public Handling of(long itemId) {
        return jdbc.prepareStatement("SELECT category, response, replied_with, replied_by, replied_at, set_aside_reason, "
                + "set_aside_by, set_aside_at FROM feedback_handling WHERE item_id = ?", ps -> {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Handling(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5), rs.getString(6), rs.getString(7), instant(rs, 8)) : Handling.NONE;
            }
        });
    }

    /** Whether there is an address to reply to and no reply has been sent yet. */
    @Transactional(readOnly = true)
    public boolean awaitsReply(long itemId) {
        return replyTo(itemId).isPresent();
    }

    /** The address left for a reply; else, before any reply, the email of someone who agreed to be contacted. */
    private Optional<String> replyTo(long itemId) {
        Optional<String> left = addresses.of(itemId);
        if (left.isPresent() || of(itemId).repliedAt() != null) {
            return left;
        }
        return records.contactOf(itemId).map(NewFeedback.Contact::email).filter(e -> e != null && !e.isBlank());
    }

    /** Sorts an item and records the response the annual report shows; null clears either. */
    @Transactional
    public void sort(long itemId, @Nullable String category, @Nullable String response, String by) {
        jdbc.prepareStatement("INSERT INTO feedback_handling (item_id, category, response, updated_by) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (item_id) DO UPDATE SET category = excluded.category, response = excluded.response, "
                + "updated_by = excluded.updated_by, updated_at = now()", ps -> {
            ps.setLong(1, itemId);
            ps.setString(2, category);
            ps.setString(3, response);
            ps.setString(4, by);
            return ps.executeUpdate();
        });
        audit.record(by, "feedback sorted", Long.toString(itemId), category == null ? "unsorted" : category);
    }

    /** Sets an item aside as vexatious, with the reason; a null reason brings it back. */
    @Transactional
    public void setAside(long itemId, @Nullable String reason, String by) {
        jdbc.prepareStatement("INSERT INTO feedback_handling (item_id, set_aside_reason, set_aside_by, set_aside_at, "
                + "updated_by) VALUES (?, ?, ?, CASE WHEN ?::text IS NULL THEN NULL ELSE now() END, ?) "
                + "ON CONFLICT (item_id) DO UPDATE SET set_aside_reason = excluded.set_aside_reason, "
                + "set_aside_by = excluded.set_aside_by, set_aside_at = excluded.set_aside_at, "
                + "updated_by = excluded.updated_by, updated_at = now()", ps -> {
            ps.setLong(1, itemId);
            ps.setString(2, reason);
            ps.setString(3, reason == null ? null : by);
            ps.setString(4, reason);
            ps.setString(5, by);
            return ps.executeUpdate();
        });
        audit.record(by, reason == null ? "feedback brought back" : "feedback set aside", Long.toString(itemId), reason);
    }

    /**
     * Queues the reply to the address the person left, records what was said (not to whom) and
     * deletes the address, all in one transaction. False, changing nothing, when there is no
     * address (already replied, or none left).
     */
    @Transactional
    public boolean reply(long itemId, String reference, String words, String by) {
        // The item's row is locked so two leads replying at once send one reply.
        jdbc.prepareStatement("SELECT id FROM feedback_items WHERE id = ? FOR UPDATE", ps -> {
            ps.setLong(1, itemId);
            return ps.executeQuery().next();
        });
        Optional<String> to = replyTo(itemId);
        if (to.isEmpty()) {
            return false;
        }
        String body = templates.render("mail/feedback-reply", Map.of("words", words, "reference", reference));
        outbox.queue(List.of(new Outbox.Message(to.get(), messages.get("feedback.reply.mail.subject", reference), body,
                "feedback-reply:" + reference)));
        jdbc.prepareStatement("INSERT INTO feedback_handling (item_id, replied_with, replied_by, replied_at, updated_by) "
                + "VALUES (?, ?, ?, now(), ?) ON CONFLICT (item_id) DO UPDATE SET replied_with = excluded.replied_with, "
                + "replied_by = excluded.replied_by, replied_at = excluded.replied_at, updated_by = excluded.updated_by, "
                + "updated_at = now()", ps -> {
            ps.setLong(1, itemId);
            ps.setString(2, words);
            ps.setString(3, by);
            ps.setString(4, by);
            return ps.executeUpdate();
        });
        addresses.forget(itemId);
        audit.record(by, "feedback replied to", reference, null);
        return true;
    }

    /** Every Local Offer item received in a period, oldest first, with how it was handled. */
    @Transactional(readOnly = true)
    public List<Entry> localOffer(LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("SELECT i.id, i.reference, i.occurred_on, i.subject, i.helpful, i.text, h.category, "
                + "h.response, h.replied_at IS NOT NULL, h.set_aside_at IS NOT NULL FROM feedback_items i "
                + "LEFT JOIN feedback_handling h ON h.item_id = i.id WHERE i.channel = 'local-offer' "
                + "AND i.occurred_on BETWEEN ? AND ? ORDER BY i.occurred_on, i.id", ps -> {
            ps.setObject(1, from);
            ps.setObject(2, to);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getString(4), (Boolean) rs.getObject(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getBoolean(9), rs.getBoolean(10)));
                }
            }
            return entries;
        });
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
