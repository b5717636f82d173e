package uk.chorus.responses;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Drafts in PostgreSQL. Every method is one statement, so each is atomic on its own. */
@Singleton
@Connectable // each method is one autocommitted statement, unless a caller holds a transaction
class Drafts {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = "SELECT d.id, d.resume_code, d.survey_id, d.survey_version_id, "
            + "d.answers::text, d.furthest_page, r.reference FROM drafts d LEFT JOIN responses r ON r.id = d.response_id ";

    private final JdbcOperations jdbc;
    private final AnswerJson json;

    Drafts(JdbcOperations jdbc, AnswerJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Draft create(String surveyId, long versionId) {
        for (int attempt = 0; ; attempt++) {
            String code = Codes.newResumeCode();
            try {
                long id = jdbc.prepareStatement("INSERT INTO drafts (resume_code, survey_id, survey_version_id) "
                        + "VALUES (?, ?, ?) RETURNING id", ps -> {
                    ps.setString(1, code);
                    ps.setString(2, surveyId);
                    ps.setLong(3, versionId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                return new Draft(id, code, surveyId, versionId, Map.of(), 0, null);
            } catch (RuntimeException e) {
                // A clash of 60 random bits is all but impossible; try a fresh code rather than fail.
                if (attempt >= 2 || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
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
        Optional<Draft> locked = jdbc.prepareStatement("SELECT id, resume_code, survey_id, survey_version_id, "
                + "answers::text, furthest_page, response_id FROM drafts WHERE resume_code = ? FOR UPDATE", ps -> {
            ps.setString(1, resumeCode);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long responseId = rs.getLong(7);
                String reference = rs.wasNull() ? null : referenceOf(responseId);
                return Optional.of(new Draft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        json.read(rs.getString(5)), rs.getInt(6), reference));
            }
        });
        return locked;
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
     * pages cannot overwrite each other. Returns false if the draft was already submitted.
     */
    boolean saveAnswers(String resumeCode, Map<String, Object> values, Collection<String> cleared, int pageNumber) {
        int updated = jdbc.prepareStatement("UPDATE drafts SET answers = (answers - CAST(? AS text[])) "
                + "|| CAST(? AS jsonb), furthest_page = GREATEST(furthest_page, ?), updated_at = now() "
                + "WHERE resume_code = ? AND response_id IS NULL", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", cleared.toArray()));
            ps.setString(2, json.write(values));
            ps.setInt(3, pageNumber);
            ps.setString(4, resumeCode);
            return ps.executeUpdate();
        });
        return updated == 1;
    }

    /** Marks the draft as submitted; its answers now live in the response, so they are not kept twice. */
    void markSubmitted(long draftId, long responseId) {
        jdbc.prepareStatement("UPDATE drafts SET response_id = ?, submitted_at = now(), answers = '{}'::jsonb, "
                + "updated_at = now() WHERE id = ?", ps -> {
            ps.setLong(1, responseId);
            ps.setLong(2, draftId);
            return ps.executeUpdate();
        });
    }

    private Draft read(ResultSet rs) throws SQLException {
        return new Draft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), json.read(rs.getString(5)),
                rs.getInt(6), rs.getString(7));
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
