package uk.chorus.changes;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The change log: every {@link Change} is written here in the same transaction as the change
 * itself, with an increasing id, so anything derived from PostgreSQL (the search index, cached or
 * stored aggregates) can catch up from the last id it applied: after a crash, on a second
 * instance, or after a restore. The in-process event is only a nudge that comes sooner.
 *
 * <p>Ids come from the table's sequence, so transactions that record changes run and commit side
 * by side and may commit out of id order. Followers therefore read only up to a horizon below
 * which every id is final: each writer, before taking ids, holds a shared transaction-level
 * advisory lock keyed by the sequence's position at that moment (all its ids are above it), and
 * {@link #horizon()} is the lowest such key still held, or the sequence's position when none is.
 * So a follower that has read up to id N never later meets a smaller id; a change being written
 * holds back only what followers see, never another writer. (Until 2026-12 one exclusive lock
 * held to commit did this, and made every such transaction, and its fsync, wait for the last.)
 */
@Singleton
@Connectable
public class ChangeLog {
    // Writers' lock keys are the sequence position plus this tag, so they never meet the keys of
    // other advisory locks (hashtext(...) values, within 32 bits).
    private static final long WRITER_TAG = 1L << 62;
    // The position of the identity column's sequence: the newest id handed out (0 before any).
    private static final String ALLOCATED = "CASE WHEN is_called THEN last_value ELSE last_value - 1 END";
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<Object> events;

    ChangeLog(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
              ApplicationEventPublisher<Object> events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    /** One row of the log, as a follower reads it. */
    public record Entry(long id, String kind, @Nullable String surveyId, @Nullable Long subjectId, Instant at) {
    }

    /** Records a change in the current transaction; listeners hear of it once the transaction commits. */
    public void record(Change change) {
        recordAll(List.of(change));
    }

    public void recordAll(List<? extends Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("A change must be recorded inside the transaction that "
                        + "made it"));
        // Shared: writers never wait for each other. Taken before any id, so every id this
        // transaction takes is above the key (see horizon()).
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock_shared(? + " + ALLOCATED + ") FROM change_log_id_seq", ps -> {
            ps.setLong(1, WRITER_TAG);
            ps.executeQuery().close();
            return null;
        });
        String[] kinds = new String[changes.size()];
        String[] surveys = new String[changes.size()];
        Long[] subjects = new Long[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            kinds[i] = changes.get(i).kind();
            surveys[i] = changes.get(i).surveyId();
            subjects[i] = changes.get(i).subjectId();
        }
        jdbc.prepareStatement("INSERT INTO change_log (kind, survey_id, subject_id) "
                + "SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[])", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", kinds));
            ps.setArray(2, ps.getConnection().createArrayOf("text", surveys));
            ps.setArray(3, ps.getConnection().createArrayOf("bigint", subjects));
            return ps.executeUpdate();
        });
        List<Change> published = List.copyOf(changes);
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                published.forEach(events::publishEvent);
            }
        });
    }

    /**
     * The newest id below which every id is final: committed (and visible to any statement that
     * starts after this returns) or rolled back. Read the sequence first, then the writers' locks:
     * a writer that locks after the locks were read takes its ids after the sequence was read, so
     * they are above it; one that locked before is in the locks (or has committed).
     */
    public long horizon() {
        long allocated = jdbc.prepareStatement("SELECT " + ALLOCATED + " FROM change_log_id_seq", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        // A bigint advisory key shows in pg_locks as classid (high 32 bits) and objid (low 32 bits).
        Long lowestWriter = jdbc.prepareStatement("SELECT min(((classid::bigint << 32) | objid::bigint) - ?) "
                + "FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND classid::bigint >= ? AND classid::bigint < ?", ps -> {
            ps.setLong(1, WRITER_TAG);
            ps.setLong(2, WRITER_TAG >>> 32);
            ps.setLong(3, (WRITER_TAG >>> 32) * 2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long lowest = rs.getLong(1);
                return rs.wasNull() ? null : lowest;
            }
        });
        return lowestWriter == null ? allocated : Math.min(allocated, lowestWriter);
    }

    /** Entries after the given id (and below the horizon), oldest first, at most {@code limit}. */
    public List<Entry> after(long id, int limit) {
        return after(id, limit, horizon());
    }

    /**
     * The same below a horizon the caller read once for several reads: reading pg_locks takes
     * every lock-table partition for a moment, so a follower reads it once per catch-up.
     */
    public List<Entry> after(long id, int limit, long horizon) {
        return jdbc.prepareStatement("SELECT id, kind, survey_id, subject_id, at FROM change_log WHERE id > ? "
                + "AND id <= ? ORDER BY id LIMIT ?", ps -> {
            ps.setLong(1, id);
            ps.setLong(2, horizon);
            ps.setInt(3, limit);
            return entries(ps);
        });
    }

    private static List<Entry> entries(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long subject = rs.getLong(4);
                // wasNull speaks of the column read last: ask before reading any other.
                Long subjectId = rs.wasNull() ? null : subject;
                entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), subjectId,
                        rs.getTimestamp(5).toInstant()));
            }
        }
        return entries;
    }

    /** What has changed for one survey since a change id: the newest id, and whether all of it was new responses. */
    public record Since(long latestId, boolean onlySubmissions) {
    }

    public Since since(String surveyId, long afterId) {
        long horizon = horizon();
        return jdbc.prepareStatement("SELECT coalesce(max(id), ?), coalesce(bool_and(kind = 'response-submitted'), true) "
                + "FROM change_log WHERE survey_id = ? AND id > ? AND id <= ?", ps -> {
            ps.setLong(1, afterId);
            ps.setString(2, surveyId);
            ps.setLong(3, afterId);
            ps.setLong(4, horizon);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Since(rs.getLong(1), rs.getBoolean(2));
            }
        });
    }

    /** The newest id in the log (below the horizon) about any of these surveys (0 when none). */
    public long latest(java.util.List<String> surveyIds) {
        long horizon = horizon();
        return jdbc.prepareStatement("SELECT coalesce(max(newest), 0) FROM unnest(?::text[]) AS s(survey_id), "
                // One backward index scan per survey, however long the log.
                + "LATERAL (SELECT max(id) AS newest FROM change_log c WHERE c.survey_id = s.survey_id "
                + "AND c.id <= ?) AS n", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", surveyIds.toArray()));
            ps.setLong(2, horizon);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Entries of the given kinds after one id and up to another, oldest first: for a consumer that
     * cares about a few rare kinds and moves its cursor to {@code upTo} (taken from latest()) without
     * reading every other entry on the way.
     */
    public List<Entry> ofKinds(long after, long upTo, java.util.Collection<String> kinds) {
        return jdbc.prepareStatement("SELECT id, kind, survey_id, subject_id, at FROM change_log WHERE id > ? AND id <= ? "
                + "AND kind = ANY (?) ORDER BY id", ps -> {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            ps.setArray(3, ps.getConnection().createArrayOf("text", kinds.toArray()));
            return entries(ps);
        });
    }

    /**
     * How far a consumer kept in PostgreSQL has applied the log, locked until the caller's
     * transaction ends so that instances take turns; a new consumer starts from the newest id, as
     * there is nothing older for it to catch up on.
     */
    public long lockCursor(String consumer) {
        long horizon = horizon();
        jdbc.prepareStatement("INSERT INTO change_cursors (consumer, last_id) "
                + "SELECT ?, coalesce(max(id), 0) FROM change_log WHERE id <= ? ON CONFLICT (consumer) DO NOTHING", ps -> {
            ps.setString(1, consumer);
            ps.setLong(2, horizon);
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("SELECT last_id FROM change_cursors WHERE consumer = ? FOR UPDATE", ps -> {
            ps.setString(1, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Moves a consumer's cursor, in the transaction that applied the entries up to it. */
    public void moveCursor(String consumer, long lastId) {
        jdbc.prepareStatement("UPDATE change_cursors SET last_id = ? WHERE consumer = ?", ps -> {
            ps.setLong(1, lastId);
            ps.setString(2, consumer);
            return ps.executeUpdate();
        });
    }

    /**
     * The newest id below the horizon (0 when none): how far a follower can be current, and where
     * a fresh copy built from current data starts from.
     */
    public long latest() {
        return latest(horizon());
    }

    /** The newest id below a horizon read earlier. */
    public long latest(long horizon) {
        return jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM change_log WHERE id <= ?", ps -> {
            ps.setLong(1, horizon);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The newest id in the log, committed, whatever may still be written below it (0 when empty). */
    public long newest() {
        return jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM change_log", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
