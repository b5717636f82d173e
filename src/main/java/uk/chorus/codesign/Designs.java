package uk.chorus.codesign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.surveys.SurveyDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The design versions of every survey and their moves through the workflow. Edits are applied to
 * the stored definition under a row lock, so two members editing different questions at the same
 * moment both keep their change; a live or closed version is never changed.
 */
@Singleton
public class Designs {
    private static final String COLUMNS = "id, survey_id, version, status, definition::text, created_by, created_at, "
            + "updated_at, published_version_id";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    Designs(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record StatusChange(DesignStatus from, DesignStatus to, String by, @Nullable String reason, Instant at) {
    }

    @Transactional
    public Optional<Design> find(String surveyId, int version) {
        return one("SELECT " + COLUMNS + " FROM design_versions WHERE survey_id = ? AND version = ?", surveyId, version);
    }

    @Transactional
    public Optional<Design> newest(String surveyId) {
        return one("SELECT " + COLUMNS + " FROM design_versions WHERE survey_id = ? ORDER BY version DESC LIMIT 1",
                surveyId, null);
    }

    /** Every version of a survey, oldest first. */
    @Transactional
    public List<Design> versions(String surveyId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM design_versions WHERE survey_id = ? ORDER BY version",
                ps -> {
                    ps.setString(1, surveyId);
                    return all(ps.executeQuery());
                });
    }

    /** The newest version of every designed survey, most recently changed first. */
    @Transactional
    public List<Design> newestOfEach() {
        return jdbc.prepareStatement("SELECT * FROM (SELECT DISTINCT ON (survey_id) " + COLUMNS
                + " FROM design_versions ORDER BY survey_id, version DESC) newest ORDER BY updated_at DESC", ps -> all(ps.executeQuery()));
    }

    /** Stores a survey's first design version; empty when the survey already has one. */
    @Transactional
    public Optional<Design> create(SurveyDefinition definition, DesignStatus status, String by) {
        lock(definition.id());
        if (newest(definition.id()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(insert(definition, 1, status, by));
    }

    /** A new draft version copied from an earlier one (a live survey's questions stay frozen). */
    @Transactional
    public Design newVersion(Design from, String by) {
        lock(from.surveyId());
        int next = newest(from.surveyId()).map(Design::version).orElse(0) + 1;
        return insert(from.definition(), next, DesignStatus.DRAFT, by);
    }

    /**
     * Applies an edit to the stored definition of an editable version; empty when the version is
     * no longer editable (it went live meanwhile). An agreed version edited goes back to review.
     */
    @Transactional
    public Optional<Design> edit(long designId, String by, UnaryOperator<SurveyDefinition> change) {
        Optional<Design> current = one("SELECT " + COLUMNS + " FROM design_versions WHERE id = ? FOR UPDATE",
                designId, null);
        if (current.isEmpty() || !current.get().status().editable()) {
            return Optional.empty();
        }
        SurveyDefinition changed = change.apply(current.get().definition());
        if (changed.equals(current.get().definition())) {
            return current;
        }
        DesignStatus status = current.get().status() == DesignStatus.AGREED ? DesignStatus.IN_REVIEW
                : current.get().status();
        jdbc.prepareStatement("UPDATE design_versions SET definition = CAST(? AS jsonb), status = ?, updated_at = now() "
                + "WHERE id = ?", ps -> {
            ps.setString(1, toJson(changed));
            ps.setString(2, status.code());
            ps.setLong(3, designId);
            return ps.executeUpdate();
        });
        if (status != current.get().status()) {
            recordChange(designId, current.get().status(), status, by, "changed after it was agreed");
        }
        return one("SELECT " + COLUMNS + " FROM design_versions WHERE id = ?", designId, null);
    }

    /** Moves a version from one status to another; false when it was no longer in the expected one. */
    @Transactional
    public boolean move(Design design, DesignStatus to, String by, @Nullable String reason,
                        @Nullable Long publishedVersionId) {
        int changed = jdbc.prepareStatement("UPDATE design_versions SET status = ?, updated_at = now(), "
                + "published_version_id = coalesce(?, published_version_id) WHERE id = ? AND status = ?", ps -> {
            ps.setString(1, to.code());
            if (publishedVersionId == null) {
                ps.setNull(2, java.sql.Types.BIGINT);
            } else {
                ps.setLong(2, publishedVersionId);
            }
            ps.setLong(3, design.id());
            ps.setString(4, design.status().code());
            return ps.executeUpdate();
        });
        if (changed == 0) {
            return false;
        }
        recordChange(design.id(), design.status(), to, by, reason);
        return true;
    }

    /** Closes whichever earlier version of the survey is live, when a newer one goes live. */
    @Transactional
    public void closeEarlierLive(String surveyId, int newVersion, String by) {
        for (Design earlier : versions(surveyId)) {
            if (earlier.version() != newVersion && earlier.status() == DesignStatus.LIVE) {
                move(earlier, DesignStatus.CLOSED, by, "replaced by version " + newVersion, null);
            }
        }
    }

    @Transactional
    public List<StatusChange> history(long designId) {
        return jdbc.prepareStatement("SELECT from_status, to_status, changed_by, reason, changed_at "
                + "FROM design_status_changes WHERE design_id = ? ORDER BY id", ps -> {
            ps.setLong(1, designId);
            List<StatusChange> changes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new StatusChange(DesignStatus.fromCode(rs.getString(1)).orElseThrow(),
                            DesignStatus.fromCode(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
            return changes;
        });
    }

    private void recordChange(long designId, DesignStatus from, DesignStatus to, String by, @Nullable String reason) {
        jdbc.prepareStatement("INSERT INTO design_status_changes (design_id, from_status, to_status, changed_by, reason) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, designId);
            ps.setString(2, from.code());
            ps.setString(3, to.code());
            ps.setString(4, by);
            ps.setString(5, reason);
            return ps.executeUpdate();
        });
    }

    private Design insert(SurveyDefinition definition, int version, DesignStatus status, String by) {
        long id = jdbc.prepareStatement("INSERT INTO design_versions (survey_id, version, status, definition, created_by) "
                + "VALUES (?, ?, ?, CAST(? AS jsonb), ?) RETURNING id", ps -> {
            ps.setString(1, definition.id());
            ps.setInt(2, version);
            ps.setString(3, status.code());
            ps.setString(4, toJson(definition));
            ps.setString(5, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return one("SELECT " + COLUMNS + " FROM design_versions WHERE id = ?", id, null).orElseThrow();
    }

    /** One survey's versions are numbered one at a time, whichever instance asks. */
    private void lock(String surveyId) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))", ps -> {
            ps.setString(1, "design:" + surveyId);
            ps.executeQuery().close();
            return null;
        });
    }

    private Optional<Design> one(String sql, Object first, @Nullable Object second) {
        return jdbc.prepareStatement(sql, ps -> {
            if (first instanceof Long id) {
                ps.setLong(1, id);
            } else {
                ps.setString(1, (String) first);
            }
            if (second != null) {
                ps.setInt(2, (Integer) second);
            }
            List<Design> found = all(ps.executeQuery());
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    private List<Design> all(ResultSet rs) throws SQLException {
        List<Design> designs = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                long published = rs.getLong(9);
                designs.add(new Design(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        DesignStatus.fromCode(rs.getString(4)).orElseThrow(), fromJson(rs.getString(5)),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                        rs.wasNull() ? null : published));
            }
        }
        return designs;
    }

    private String toJson(SurveyDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SurveyDefinition fromJson(String document) {
        try {
            return json.readValue(document, SurveyDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored design cannot be read", e);
        }
    }
}
