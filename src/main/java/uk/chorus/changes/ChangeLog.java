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
 * <p>Ids are handed out under a transaction-level advisory lock held until commit, so they become
 * visible in id order: a follower that has read up to id N can never later meet a smaller id
 * committed by a slower transaction. The price is that transactions which record a change commit
 * one at a time; callers therefore record their change as the last write of the transaction.
 */
@Singleton
@Connectable
public class ChangeLog {
    // Any fixed number: the lock exists only to order change-log ids by commit.
    private static final long ORDERING_LOCK = 0x4348_4F52_5553L;
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
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?)", ps -> {
            ps.setLong(1, ORDERING_LOCK);
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

    /** Entries after the given id, oldest first, at most {@code limit}. */
    public List<Entry> after(long id, int limit) {
        return jdbc.prepareStatement("SELECT id, kind, survey_id, subject_id, at FROM change_log WHERE id > ? "
                + "ORDER BY id LIMIT ?", ps -> {
            ps.setLong(1, id);
            ps.setInt(2, limit);
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
        return jdbc.prepareStatement("SELECT coalesce(max(id), ?), coalesce(bool_and(kind = 'response-submitted'), true) "
                + "FROM change_log WHERE survey_id = ? AND id > ?", ps -> {
            ps.setLong(1, afterId);
            ps.setString(2, surveyId);
            ps.setLong(3, afterId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Since(rs.getLong(1), rs.getBoolean(2));
            }
        });
    }

    /** The newest id in the log about any of these surveys (0 when none). */
    public long latest(java.util.List<String> surveyIds) {
        return jdbc.prepareStatement("SELECT coalesce(max(newest), 0) FROM unnest(?::text[]) AS s(survey_id), "
                // One backward index scan per survey, however long the log.
                + "LATERAL (SELECT max(id) AS newest FROM change_log c WHERE c.survey_id = s.survey_id) AS n", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", surveyIds.toArray()));
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
        jdbc.prepareStatement("INSERT INTO change_cursors (consumer, last_id) "
                + "SELECT ?, coalesce(max(id), 0) FROM change_log ON CONFLICT (consumer) DO NOTHING", ps -> {
            ps.setString(1, consumer);
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

    /** The newest id in the log (0 when empty): where a fresh copy built from current data starts from. */
    public long latest() {
        return jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM change_log", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
