package uk.chorus.responses;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;

/**
 * Where a preview walk's made-up answers are kept between pages: in PostgreSQL, so any instance
 * behind a load balancer serves the next page, apart from drafts and responses, and forgotten two
 * hours after the walk last moved.
 */
@Singleton
@Connectable
class PreviewWalks {
    private final JdbcOperations jdbc;
    private final AnswerJson json;

    PreviewWalks(JdbcOperations jdbc, AnswerJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Walk(Map<String, Object> answers, int furthestPage) {
    }

    void put(String id, Walk walk) {
        jdbc.prepareStatement("INSERT INTO preview_walks (id, answers, furthest_page) VALUES (?, ?::jsonb, ?) "
                + "ON CONFLICT (id) DO UPDATE SET answers = excluded.answers, furthest_page = excluded.furthest_page, "
                + "touched_at = now()", ps -> {
            ps.setString(1, id);
            ps.setString(2, json.write(walk.answers()));
            ps.setInt(3, walk.furthestPage());
            return ps.executeUpdate();
        });
    }

    Optional<Walk> find(String id) {
        if (id == null || !id.matches("[0-9a-f]{24}")) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("SELECT answers::text, furthest_page FROM preview_walks WHERE id = ? "
                + "AND touched_at > now() - interval '2 hours'", ps -> {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Walk(json.read(rs.getString(1)), rs.getInt(2)))
                        : Optional.<Walk>empty();
            }
        });
    }

    void remove(String id) {
        jdbc.prepareStatement("DELETE FROM preview_walks WHERE id = ?", ps -> {
            ps.setString(1, id);
            return ps.executeUpdate();
        });
    }

    @Scheduled(fixedDelay = "30m", initialDelay = "10m")
    void forgetOld() {
        jdbc.prepareStatement("DELETE FROM preview_walks WHERE touched_at < now() - interval '2 hours'",
                ps -> ps.executeUpdate());
    }
}
