package uk.chorus.responses;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Drafts in PostgreSQL. Every method is one statement, so each is atomic on its own. */
@Singleton
@Connectable // each method is one autocommitted statement, unless a caller holds a transaction
class Drafts {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = "SELECT d.id, d.resume_code, d.survey_id, d.survey_version_id, "
            + "d.answers::text, d.furthest_page, r.reference, d.rejected_page, d.rejected_form::text "
            + "FROM drafts d LEFT JOIN responses r ON r.id = d.response_id ";

    private final JdbcOperations jdbc;
    private final AnswerJson json;

    Drafts(JdbcOperations jdbc, AnswerJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores a new draft under the code its respondent has been shown since page 1. Returns false
     * when a draft with that code already exists (a retried or doubled first save): the caller
     * then saves into that one.
     */
    boolean create(String code, String surveyId, long versionId) {
        return jdbc.prepareStatement("INSERT INTO drafts (resume_code, survey_id, survey_version_id) "
                + "VALUES (?, ?, ?) ON CONFLICT (resume_code) DO NOTHING", ps -> {
            ps.setString(1, code);
            ps.setString(2, surveyId);
            ps.setLong(3, versionId);
            return ps.executeUpdate() == 1;
        });
    }

    Optional<Draft> find(String resumeCode) {
        return jdbc.prepareStatement(SELECT + "WHERE d.resume_code = ?", ps -> {
            ps.setString(1, resumeCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /**
     * Locks the draft until the surrounding transaction ends, so one submit runs at a time. The
     * draft is read alone and its response looked up afterwards: a join read under the lock would
     * miss a response committed while this request waited for it.
     */
    Optional<Draft> lock(String resumeCode) {
        return jdbc.prepareStatement("SELECT id, resume_code, survey_id, survey_version_id, "
                + "answers::text, furthest_page, response_id FROM drafts WHERE resume_code = ? FOR UPDATE", ps -> {
            ps.setString(1, resumeCode);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long responseId = rs.getLong(7);
                String reference = rs.wasNull() ? null : referenceOf(responseId);
                return Optional.of(new Draft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        json.read(rs.getString(5)), rs.getInt(6), reference, null));
            }
        });
    }

    private String referenceOf(long responseId) {
        return jdbc.prepareStatement("SELECT reference FROM responses WHERE id = ?", ps -> {
            ps.setLong(1, responseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    /**
     * Merges one page's answers into the draft in a single statement, so two tabs saving different
     * pages cannot overwrite each other, and forgets any page kept with errors. Returns false if
     * the draft was already submitted.
     */
    boolean saveAnswers(String resumeCode, Map<String, Object> values, Collection<String> cleared, int pageNumber) {
        int updated = jdbc.prepareStatement("UPDATE drafts SET answers = (answers - CAST(? AS text[])) "
                + "|| CAST(? AS jsonb), furthest_page = GREATEST(furthest_page, ?), updated_at = now(), "
                + "rejected_page = NULL, rejected_form = NULL WHERE resume_code = ? AND response_id IS NULL", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", cleared.toArray()));
            ps.setString(2, json.write(values));
            ps.setInt(3, pageNumber);
            ps.setString(4, resumeCode);
            return ps.executeUpdate();
        });
        return updated == 1;
    }

    /**
     * Keeps what was typed on a page that needs fixing, so a GET can show it again with its errors.
     * Characters PostgreSQL's jsonb cannot hold (NUL, half a UTF-16 pair) are what got the page
     * refused in the first place; they are dropped from the kept copy, never from anything saved.
     */
    boolean keepRejected(String resumeCode, int pageNumber, Map<String, List<String>> form) {
        Map<String, List<String>> storable = new java.util.LinkedHashMap<>();
        form.forEach((field, values) -> storable.put(storable(field), values.stream().map(Drafts::storable).toList()));
        return jdbc.prepareStatement("UPDATE drafts SET rejected_page = ?, rejected_form = CAST(? AS jsonb), "
                + "updated_at = now() WHERE resume_code = ? AND response_id IS NULL", ps -> {
            ps.setInt(1, pageNumber);
            ps.setString(2, json.write(storable));
            ps.setString(3, resumeCode);
            return ps.executeUpdate() == 1;
        });
    }

    /** Marks the draft as submitted; its answers now live in the response, so they are not kept twice. */
    void markSubmitted(long draftId, long responseId) {
        jdbc.prepareStatement("UPDATE drafts SET response_id = ?, submitted_at = now(), answers = '{}'::jsonb, "
                + "rejected_page = NULL, rejected_form = NULL, updated_at = now() WHERE id = ?", ps -> {
            ps.setLong(1, responseId);
            ps.setLong(2, draftId);
            return ps.executeUpdate();
        });
    }

    /** Deletes unsubmitted drafts that hold no answers and have not changed for a while; says which. */
    List<DraftErased> deleteEmptyOlderThan(Duration age) {
        return jdbc.prepareStatement("DELETE FROM drafts WHERE response_id IS NULL AND answers = '{}'::jsonb "
                + "AND updated_at < now() - make_interval(secs => ?) RETURNING id, survey_id", ps -> {
            ps.setDouble(1, age.toSeconds());
            List<DraftErased> gone = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    gone.add(new DraftErased(rs.getLong(1), rs.getString(2)));
                }
            }
            return gone;
        });
    }

    private Draft read(ResultSet rs) throws SQLException {
        int rejectedPage = rs.getInt(8);
        Draft.Rejected rejected = rs.wasNull() ? null
                : new Draft.Rejected(rejectedPage, json.readForm(rs.getString(9)));
        return new Draft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), json.read(rs.getString(5)),
                rs.getInt(6), rs.getString(7), rejected);
    }

    private static String storable(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else if (c != 0 && !Character.isSurrogate(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
