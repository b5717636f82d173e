package uk.chorus.surveys;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audience each survey's answers are guarded as, which decides who may read them, and the
 * forum whose members read and change its designs. Both are set when a survey is first served and
 * are not the wording's to change: a file reloaded, loaded from the co-design page or published
 * from a design can make the audience stricter (a survey that was ever for young people stays so)
 * but never looser, and cannot move the survey to another forum. Changing either otherwise is an
 * administrator's act, with a reason, audited.
 */
@Singleton
public class SurveyAudiences {
    static final String SERVICE = "the service";
    private final JdbcOperations jdbc;
    private final AuditLog audit;

    SurveyAudiences(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One survey's guard: its audience, who set it, why and when. */
    public record Kept(String surveyId, Audience audience, @Nullable String forum, String setBy, String reason,
                       Instant setAt) {
        public boolean youngPeople() {
            return audience == Audience.YOUNG_PEOPLE;
        }
    }

    /**
     * The audience a survey's answers are guarded as: the kept one, or, for a survey never served
     * (so with no answers to read), its own.
     */
    @Connectable
    public Audience guarding(String surveyId, Audience ownAudience) {
        return kept(surveyId).map(Kept::audience).orElse(ownAudience);
    }

    /** The forum whose members may read and change a survey's designs: the kept one once it has been served. */
    @Connectable
    public @Nullable String forumOf(String surveyId, @Nullable String ownForum) {
        Optional<Kept> kept = kept(surveyId);
        return kept.isPresent() ? kept.get().forum() : ownForum;
    }

    @Connectable
    public Optional<Kept> kept(String surveyId) {
        return jdbc.prepareStatement("SELECT survey_id, audience, forum, set_by, reason, set_at FROM survey_access "
                + "WHERE survey_id = ?", ps -> {
            ps.setString(1, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    @Connectable
    public List<Kept> all() {
        return jdbc.prepareStatement("SELECT survey_id, audience, forum, set_by, reason, set_at FROM survey_access "
                + "ORDER BY survey_id", ps -> {
            List<Kept> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(read(rs));
                }
            }
            return list;
        });
    }

    /** An administrator's decision, audited with its reason; the only way a guard is loosened. */
    @Transactional
    public void change(String surveyId, Audience audience, @Nullable String forum, String administrator, String reason) {
        Optional<Kept> before = kept(surveyId);
        jdbc.prepareStatement("INSERT INTO survey_access (survey_id, audience, forum, set_by, reason) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (survey_id) DO UPDATE SET audience = EXCLUDED.audience, "
                + "forum = EXCLUDED.forum, set_by = EXCLUDED.set_by, reason = EXCLUDED.reason, set_at = now()", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, audience.fileName());
            ps.setString(3, forum);
            ps.setString(4, administrator);
            ps.setString(5, reason);
            return ps.executeUpdate();
        });
        String forumBefore = before.map(Kept::forum).orElse(null);
        audit.record(administrator, "who reads answers changed", surveyId,
                before.map(k -> k.audience().fileName()).orElse("none") + " -> " + audience.fileName()
                        + (java.util.Objects.equals(forumBefore, forum) ? ""
                        : ", forum " + (forumBefore == null ? "none" : forumBefore) + " -> " + (forum == null ? "none" : forum))
                        + ": " + reason);
    }

    /**
     * Called in the transaction that stores a version: the first version sets the guard; a later
     * one for young people tightens it. Nothing a definition says loosens it.
     */
    void served(SurveyDefinition definition) {
        Optional<Kept> kept = kept(definition.id());
        if (kept.isEmpty()) {
            jdbc.prepareStatement("INSERT INTO survey_access (survey_id, audience, forum, set_by, reason) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (survey_id) DO NOTHING", ps -> {
                ps.setString(1, definition.id());
                ps.setString(2, definition.audience().fileName());
                ps.setString(3, definition.forum());
                ps.setString(4, SERVICE);
                ps.setString(5, "the audience and forum of the survey's first version");
                return ps.executeUpdate();
            });
            return;
        }
        if (!java.util.Objects.equals(definition.forum(), kept.get().forum())) {
            audit.record(SERVICE, "forum change not applied", definition.id(), "a version for "
                    + (definition.forum() == null ? "no forum" : definition.forum()) + " was stored; its designs stay "
                    + (kept.get().forum() == null ? "with no forum" : "with " + kept.get().forum())
                    + " until an administrator changes it");
        }
        if (definition.audience() == Audience.YOUNG_PEOPLE && !kept.get().youngPeople()) {
            jdbc.prepareStatement("UPDATE survey_access SET audience = ?, set_by = ?, reason = ?, set_at = now() "
                    + "WHERE survey_id = ?", ps -> {
                ps.setString(1, Audience.YOUNG_PEOPLE.fileName());
                ps.setString(2, SERVICE);
                ps.setString(3, "a new version is for young people");
                ps.setString(4, definition.id());
                return ps.executeUpdate();
            });
            audit.record(SERVICE, "who reads answers changed", definition.id(),
                    kept.get().audience().fileName() + " -> young-people: a new version is for young people");
        } else if (definition.audience() != kept.get().audience()) {
            audit.record(SERVICE, "audience change not applied to who reads answers", definition.id(),
                    "a version for " + definition.audience().fileName() + " was stored; answers stay guarded as "
                            + kept.get().audience().fileName() + " until an administrator changes it");
        }
    }

    private static Kept read(ResultSet rs) throws java.sql.SQLException {
        return new Kept(rs.getString(1), Audience.fromFileName(rs.getString(2)).orElse(Audience.YOUNG_PEOPLE),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant());
    }
}
