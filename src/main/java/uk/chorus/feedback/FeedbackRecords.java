package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.changes.ChangeLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every feedback item, stored and read in one place. An item sent with a submission id is stored
 * once however often it is sent; each stored, erased or expired item is recorded in the change
 * log in the same transaction, so the search index follows. Contact details live in their own
 * table and are read only on purpose (contactOf), never with the words.
 */
@Singleton
@Connectable
public class FeedbackRecords {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "i.id, i.reference, i.channel, i.subject, i.occurred_on, i.helpful, i.text, "
            + "i.about::text, i.entered_by, i.reviewed_at, i.reviewed_by, i.received_at, "
            + "EXISTS (SELECT 1 FROM feedback_contacts c WHERE c.item_id = i.id)";
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final ChangeLog changes;

    FeedbackRecords(JdbcOperations jdbc, JsonMapper json, ChangeLog changes) {
        this.jdbc = jdbc;
        this.json = json;
        this.changes = changes;
    }

    /** A stored item; {@code created} false when its submission id had been stored before. */
    public record Stored(long id, String reference, boolean created) {
    }

    public record Item(long id, String reference, Channel channel, @Nullable String subject, LocalDate occurredOn,
                       @Nullable Boolean helpful, @Nullable String text, Map<String, String> about,
                       @Nullable String enteredBy, @Nullable Instant reviewedAt, @Nullable String reviewedBy,
                       Instant receivedAt, boolean hasContact) {
    }

    /** What the inbox asks for; every part optional. {@code reviewed} null for both. */
    public record Filter(@Nullable Channel channel, @Nullable String subject, @Nullable LocalDate from,
                         @Nullable LocalDate to, @Nullable Boolean reviewed, @Nullable List<Long> ids) {
        public static final Filter EVERYTHING = new Filter(null, null, null, null, null, null);
    }

    @Transactional
    public Stored store(NewFeedback item) {
        Stored stored = insert(item);
        if (stored.created()) {
            changes.record(new FeedbackReceived(stored.id()));
        }
        return stored;
    }

    /** Several items at once (a meeting's notes, a CSV file): all stored, or none. */
    @Transactional
    public List<Stored> storeAll(List<NewFeedback> items) {
        List<Stored> stored = new ArrayList<>();
        for (NewFeedback item : items) {
            stored.add(insert(item));
        }
        changes.recordAll(stored.stream().filter(Stored::created).map(s -> new FeedbackReceived(s.id())).toList());
        return stored;
    }

    /** Stores an item and returns its id; for features that add to an item in the same transaction. */
    Stored insert(NewFeedback item) {
        String reference = newReference();
        Long id = jdbc.prepareStatement("INSERT INTO feedback_items (reference, submission_id, channel, subject, "
                + "occurred_on, helpful, text, about, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) "
                + "ON CONFLICT (submission_id) DO NOTHING RETURNING id", ps -> {
            ps.setString(1, reference);
            ps.setObject(2, item.submissionId());
            ps.setString(3, item.channel().code());
            ps.setString(4, item.subject());
            ps.setDate(5, Date.valueOf(item.occurredOn()));
            if (item.helpful() == null) {
                ps.setNull(6, Types.BOOLEAN);
            } else {
                ps.setBoolean(6, item.helpful());
            }
            ps.setString(7, item.text());
            ps.setString(8, write(item.about()));
            ps.setString(9, item.enteredBy());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        });
        if (id == null) {
            return jdbc.prepareStatement("SELECT id, reference FROM feedback_items WHERE submission_id = ?", ps -> {
                ps.setObject(1, item.submissionId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Stored(rs.getLong(1), rs.getString(2), false);
                }
            });
        }
        if (item.contact() != null) {
            jdbc.prepareStatement("INSERT INTO feedback_contacts (item_id, name, email, phone) VALUES (?, ?, ?, ?)", ps -> {
                ps.setLong(1, id);
                ps.setString(2, blankToNull(item.contact().name()));
                ps.setString(3, blankToNull(item.contact().email()));
                ps.setString(4, blankToNull(item.contact().phone()));
                return ps.executeUpdate();
            });
        }
        return new Stored(id, reference, true);
    }

    @Transactional(readOnly = true)
    public Optional<Item> byReference(String reference) {
        return one("SELECT " + COLUMNS + " FROM feedback_items i WHERE i.reference = ?", reference);
    }

    @Transactional(readOnly = true)
    public Optional<Item> byId(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM feedback_items i WHERE i.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.<Item>empty();
            }
        });
    }

    /** Newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Item> search(Filter filter, int limit) {
        return page(filter, false, 0, limit);
    }

    /** The inbox's filters, as one WHERE clause whose 12 parameters {@link #bind} fills. */
    private static final String WHERE = "WHERE (?::text IS NULL OR i.channel = ?) "
            + "AND (?::text IS NULL OR strpos(lower(coalesce(i.subject, '')), lower(?)) > 0) "
            + "AND (?::date IS NULL OR i.occurred_on >= ?) AND (?::date IS NULL OR i.occurred_on <= ?) "
            + "AND (?::boolean IS NULL OR (i.reviewed_at IS NOT NULL) = ?) "
            + "AND (?::bigint[] IS NULL OR i.id = ANY (?)) ";

    /**
     * One page of what the filter holds, newest first; with {@code unreviewedFirst}, everything not
     * yet reviewed comes before anything reviewed, so the work still to do is on the first pages.
     */
    @Transactional(readOnly = true)
    public List<Item> page(Filter filter, boolean unreviewedFirst, int offset, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM feedback_items i " + WHERE
                + "ORDER BY " + (unreviewedFirst ? "(i.reviewed_at IS NULL) DESC, " : "")
                + "i.occurred_on DESC, i.id DESC OFFSET ? LIMIT ?", ps -> {
            bind(ps, filter);
            ps.setInt(13, offset);
            ps.setInt(14, limit);
            List<Item> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs));
                }
            }
            return items;
        });
    }

    /** How many items the filter holds. */
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        return jdbc.prepareStatement("SELECT count(*) FROM feedback_items i " + WHERE, ps -> {
            bind(ps, filter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * What the filter holds by channel (ignoring its own channel) and by reviewed or not (ignoring
     * its own choice there), so each choice in the inbox can say how many it would show.
     */
    @Transactional(readOnly = true)
    public Counts counts(Filter filter) {
        Filter everyChannel = new Filter(null, filter.subject(), filter.from(), filter.to(), filter.reviewed(), filter.ids());
        Map<String, Long> byChannel = grouped("i.channel", everyChannel);
        Filter either = new Filter(filter.channel(), filter.subject(), filter.from(), filter.to(), null, filter.ids());
        Map<String, Long> byState = grouped("CASE WHEN i.reviewed_at IS NULL THEN 'no' ELSE 'yes' END", either);
        return new Counts(byChannel, byState.getOrDefault("no", 0L), byState.getOrDefault("yes", 0L));
    }

    /** Counts by channel code, and of items not reviewed and reviewed. */
    public record Counts(Map<String, Long> byChannel, long unreviewed, long reviewed) {
    }

    private Map<String, Long> grouped(String by, Filter filter) {
        return jdbc.prepareStatement("SELECT " + by + ", count(*) FROM feedback_items i " + WHERE + "GROUP BY 1", ps -> {
            bind(ps, filter);
            Map<String, Long> counts = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private static void bind(PreparedStatement ps, Filter filter) throws SQLException {
        String channel = filter.channel() == null ? null : filter.channel().code();
        ps.setString(1, channel);
        ps.setString(2, channel);
        ps.setString(3, filter.subject());
        ps.setString(4, filter.subject());
        setDate(ps, 5, filter.from());
        setDate(ps, 6, filter.from());
        setDate(ps, 7, filter.to());
        setDate(ps, 8, filter.to());
        setBoolean(ps, 9, filter.reviewed());
        setBoolean(ps, 10, filter.reviewed());
        java.sql.Array ids = filter.ids() == null ? null
                : ps.getConnection().createArrayOf("bigint", filter.ids().toArray());
        ps.setArray(11, ids);
        ps.setArray(12, ids);
    }

    @Transactional(readOnly = true)
    public long total() {
        return jdbc.prepareStatement("SELECT count(*) FROM feedback_items", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Every item oldest first, streamed (for rebuilding a search index). */
    @Transactional(readOnly = true)
    public void forEach(Consumer<Item> consumer) {
        jdbc.prepareStatement("SELECT " + COLUMNS + " FROM feedback_items i ORDER BY i.id", ps -> {
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(item(rs));
                }
            }
            return null;
        });
    }

    /** The subjects (services and pages) feedback has been about, for the inbox's choices. */
    @Transactional(readOnly = true)
    public List<String> subjects() {
        return jdbc.prepareStatement("SELECT DISTINCT subject FROM feedback_items WHERE subject IS NOT NULL "
                + "ORDER BY subject LIMIT 500", ps -> {
            List<String> subjects = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    subjects.add(rs.getString(1));
                }
            }
            return subjects;
        });
    }

    /** Contact details, for a lead who opens the item on purpose. */
    @Transactional(readOnly = true)
    public Optional<NewFeedback.Contact> contactOf(long itemId) {
        return jdbc.prepareStatement("SELECT name, email, phone FROM feedback_contacts WHERE item_id = ?", ps -> {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new NewFeedback.Contact(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.<NewFeedback.Contact>empty();
            }
        });
    }

    @Transactional
    public int markReviewed(List<String> references, String by) {
        return jdbc.prepareStatement("UPDATE feedback_items SET reviewed_at = now(), reviewed_by = ? "
                + "WHERE reference = ANY (?) AND reviewed_at IS NULL", ps -> {
            ps.setString(1, by);
            ps.setArray(2, ps.getConnection().createArrayOf("text", references.toArray()));
            return ps.executeUpdate();
        });
    }

    /** Erases an item with its contact details and any visit it records; false when it was not there. */
    @Transactional
    public boolean erase(long itemId) {
        int gone = jdbc.prepareStatement("DELETE FROM feedback_items WHERE id = ?", ps -> {
            ps.setLong(1, itemId);
            return ps.executeUpdate();
        });
        if (gone > 0) {
            changes.record(new FeedbackErased(itemId));
        }
        return gone > 0;
    }

    /** Deletes a channel's items from before a date (the end of its retention); returns how many. */
    @Transactional
    public int expire(Channel channel, LocalDate before) {
        List<Long> gone = jdbc.prepareStatement("DELETE FROM feedback_items WHERE channel = ? AND occurred_on < ? "
                + "RETURNING id", ps -> {
            ps.setString(1, channel.code());
            ps.setDate(2, Date.valueOf(before));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        changes.recordAll(gone.stream().map(FeedbackErased::new).toList());
        return gone.size();
    }

    private Optional<Item> one(String sql, String value) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.<Item>empty();
            }
        });
    }

    private Item item(ResultSet rs) throws SQLException {
        Timestamp reviewed = rs.getTimestamp(10);
        Object helpful = rs.getObject(6);
        return new Item(rs.getLong(1), rs.getString(2), Channel.fromCode(rs.getString(3)).orElseThrow(), rs.getString(4),
                rs.getDate(5).toLocalDate(), helpful == null ? null : (Boolean) helpful, rs.getString(7),
                read(rs.getString(8)), rs.getString(9), reviewed == null ? null : reviewed.toInstant(), rs.getString(11),
                rs.getTimestamp(12).toInstant(), rs.getBoolean(13));
    }

    private static void setDate(PreparedStatement ps, int index, @Nullable LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(date));
        }
    }

    private static void setBoolean(PreparedStatement ps, int index, @Nullable Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BOOLEAN);
        } else {
            ps.setBoolean(index, value);
        }
    }

    private String write(Map<String, String> about) {
        try {
            return json.writeValueAsString(about);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> read(String about) {
        try {
            return json.readValue(about, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "FB-" and eight characters that cannot be confused (no I, L, O, U). */
    static String newReference() {
        StringBuilder code = new StringBuilder("FB-");
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(bytes[i] & 0x1F));
        }
        return code.toString();
    }

    /** The ids of the items with these references (those that exist), by reference. */
    @Transactional(readOnly = true)
    public Map<String, Long> idsByReference(List<String> references) {
        Map<String, Long> ids = new java.util.LinkedHashMap<>();
        if (references.isEmpty()) {
            return ids;
        }
        jdbc.prepareStatement("SELECT reference, id FROM feedback_items WHERE reference = ANY (?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", references.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
            return null;
        });
        return ids;
    }

    /** The references of items by id (those that still exist). */
    @Transactional(readOnly = true)
    public Map<Long, String> referencesOf(List<Long> ids) {
        Map<Long, String> references = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return references;
        }
        jdbc.prepareStatement("SELECT id, reference FROM feedback_items WHERE id = ANY (?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    references.put(rs.getLong(1), rs.getString(2));
                }
            }
            return null;
        });
        return references;
    }
}
