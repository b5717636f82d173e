package uk.chorus.codesign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.surveys.Question;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a forum says about each question of a design: comments (some proposing new words) and each
 * person's agree / not yet. A mark counts only for the wording it was given on, so changing a
 * question asks everyone again.
 */
@Singleton
public class Discussion {
    private final JdbcOperations jdbc;
    private final JsonMapper json;

    Discussion(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Comment(long id, String questionKey, String author, String body, String wordingThen,
                          @Nullable String proposed, Instant at, @Nullable String resolvedBy,
                          @Nullable String resolution) {
        public boolean open() {
            return resolution == null;
        }
    }

    public record Mark(String questionKey, long accountId, String person, boolean agrees, String wordingHash,
                       Instant at) {
    }

    @Transactional
    public List<Comment> comments(long designId) {
        return jdbc.prepareStatement("SELECT id, question_key, author, body, wording_then, proposed, created_at, "
                + "resolved_by, resolution FROM design_comments WHERE design_id = ? ORDER BY id", ps -> {
            ps.setLong(1, designId);
            List<Comment> comments = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    comments.add(new Comment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                            rs.getString(9)));
                }
            }
            return comments;
        });
    }

    @Transactional
    public long comment(long designId, String questionKey, String author, String body, String wordingThen,
                        @Nullable String proposed) {
        return jdbc.prepareStatement("INSERT INTO design_comments (design_id, question_key, author, body, wording_then, "
                + "proposed) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", ps -> {
            ps.setLong(1, designId);
            ps.setString(2, questionKey);
            ps.setString(3, author);
            ps.setString(4, body);
            ps.setString(5, wordingThen);
            ps.setString(6, proposed);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Marks an open comment dealt with ("done") or its proposed words used ("used"); empty when already closed. */
    @Transactional
    public Optional<Comment> resolve(long designId, long commentId, String by, String resolution) {
        int changed = jdbc.prepareStatement("UPDATE design_comments SET resolved_by = ?, resolved_at = now(), "
                + "resolution = ? WHERE id = ? AND design_id = ? AND resolution IS NULL", ps -> {
            ps.setString(1, by);
            ps.setString(2, resolution);
            ps.setLong(3, commentId);
            ps.setLong(4, designId);
            return ps.executeUpdate();
        });
        if (changed == 0) {
            return Optional.empty();
        }
        return comments(designId).stream().filter(c -> c.id() == commentId).findFirst();
    }

    /** One person's agree / not yet on a question as it is worded now; a second mark replaces the first. */
    @Transactional
    public void mark(long designId, Question question, long accountId, String person, boolean agrees) {
        jdbc.prepareStatement("INSERT INTO design_agreements (design_id, question_key, account_id, person, agrees, "
                + "wording_hash) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (design_id, question_key, account_id) DO UPDATE "
                + "SET person = EXCLUDED.person, agrees = EXCLUDED.agrees, wording_hash = EXCLUDED.wording_hash, "
                + "marked_at = now()", ps -> {
            ps.setLong(1, designId);
            ps.setString(2, question.key());
            ps.setLong(3, accountId);
            ps.setString(4, person);
            ps.setBoolean(5, agrees);
            ps.setString(6, wordingHash(question));
            return ps.executeUpdate();
        });
    }

    @Transactional
    public List<Mark> marks(long designId) {
        return jdbc.prepareStatement("SELECT question_key, account_id, person, agrees, wording_hash, marked_at "
                + "FROM design_agreements WHERE design_id = ? ORDER BY marked_at", ps -> {
            ps.setLong(1, designId);
            List<Mark> marks = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    marks.add(new Mark(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
            return marks;
        });
    }

    /**
     * A new version starts with the marks of the one it was copied from: they still count for every
     * question left as it was, and lapse for any that is reworded.
     */
    @Transactional
    public void carryOver(long fromDesignId, long toDesignId) {
        jdbc.prepareStatement("INSERT INTO design_agreements (design_id, question_key, account_id, person, agrees, "
                + "wording_hash, marked_at) SELECT ?, question_key, account_id, person, agrees, wording_hash, marked_at "
                + "FROM design_agreements WHERE design_id = ?", ps -> {
            ps.setLong(1, toDesignId);
            ps.setLong(2, fromDesignId);
            return ps.executeUpdate();
        });
    }

    /** Everything that makes a question what people agreed to: words, type, answers, branching. */
    public String wordingHash(Question question) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(question)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
