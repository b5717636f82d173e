package uk.chorus.feedback;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Optional;

/**
 * An email address a person left so a lead can reply, kept in its own table, never with their
 * words: read only to send the reply, deleted once it is sent, and with the item at retention.
 */
@Singleton
class ReplyAddresses {
    private final JdbcOperations jdbc;

    ReplyAddresses(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the address for an item; a second press of the same form keeps the first. */
    void leave(long itemId, String email) {
        jdbc.prepareStatement("INSERT INTO feedback_reply_addresses (item_id, email) VALUES (?, ?) "
                + "ON CONFLICT (item_id) DO NOTHING", ps -> {
            ps.setLong(1, itemId);
            ps.setString(2, email);
            return ps.executeUpdate();
        });
    }

    boolean held(long itemId) {
        return of(itemId).isPresent();
    }

    Optional<String> of(long itemId) {
        return jdbc.prepareStatement("SELECT email FROM feedback_reply_addresses WHERE item_id = ?", ps -> {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    void forget(long itemId) {
        jdbc.prepareStatement("DELETE FROM feedback_reply_addresses WHERE item_id = ?", ps -> {
            ps.setLong(1, itemId);
            return ps.executeUpdate();
        });
    }
}
