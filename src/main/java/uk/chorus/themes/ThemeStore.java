package uk.chorus.themes;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import uk.chorus.audit.AuditLog;
import uk.chorus.changes.ChangeLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The themes and leads' decisions about them, in PostgreSQL. The seeded framework
 * (themes/framework.yml) is loaded on first start; after that themes are only changed here, each
 * change recorded in the change log so every instance forgets its cached counts.
 */
@Singleton
@Connectable
@Order(10)
public class ThemeStore implements ApplicationEventListener<StartupEvent> {
    private final JdbcOperations jdbc;
    private final ChangeLog changes;
    private final AuditLog audit;

    ThemeStore(JdbcOperations jdbc, ChangeLog changes, AuditLog audit) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.audit = audit;
    }

    public record Theme(String id, String name, String description, String definition, int position,
                        @Nullable String updatedBy, @Nullable Instant updatedAt) {
    }

    /** A decision as the index needs it: the comment, the theme, and which way. */
    public record Decision(String textId, String themeId, boolean confirmed) {
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        seedIfEmpty();
    }

    @Transactional
    void seedIfEmpty() {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('themes seed'))", ps -> {
            ps.executeQuery().close();
            return null;
        });
        long existing = jdbc.prepareStatement("SELECT count(*) FROM themes", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (existing > 0) {
            return;
        }
        int position = 0;
        for (Map<String, Object> theme : framework()) {
            insert(new Theme((String) theme.get("id"), (String) theme.get("name"), (String) theme.get("description"),
                    ((String) theme.get("definition")).strip(), position++, null, null), "theme framework");
        }
        changes.record(new ThemeChanged());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> framework() {
        try (InputStream in = ThemeStore.class.getResourceAsStream("/themes/framework.yml")) {
            return (List<Map<String, Object>>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(readOnly = true)
    public List<Theme> all() {
        return jdbc.prepareStatement("SELECT id, name, description, definition, position, updated_by, updated_at "
                + "FROM themes ORDER BY position, id", ps -> {
            List<Theme> themes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    themes.add(new Theme(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
            return themes;
        });
    }

    public Optional<Theme> find(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Adds a theme (at the end) or changes one; audited, and heard by every instance. */
    @Transactional
    public void save(Theme theme, String by) {
        int updated = jdbc.prepareStatement("UPDATE themes SET name = ?, description = ?, definition = ?, updated_by = ?, "
                + "updated_at = now() WHERE id = ?", ps -> {
            ps.setString(1, theme.name());
            ps.setString(2, theme.description());
            ps.setString(3, theme.definition());
            ps.setString(4, by);
            ps.setString(5, theme.id());
            return ps.executeUpdate();
        });
        if (updated == 0) {
            int position = jdbc.prepareStatement("SELECT coalesce(max(position), -1) + 1 FROM themes", ps -> {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            insert(new Theme(theme.id(), theme.name(), theme.description(), theme.definition(), position, null, null), by);
        }
        audit.record(by, updated == 0 ? "theme added" : "theme changed", theme.id(), theme.definition());
        changes.record(new ThemeChanged());
    }

    private void insert(Theme theme, String by) {
        jdbc.prepareStatement("INSERT INTO themes (id, name, description, definition, position, updated_by) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, theme.id());
            ps.setString(2, theme.name());
            ps.setString(3, theme.description());
            ps.setString(4, theme.definition());
            ps.setInt(5, theme.position());
            ps.setString(6, by);
            return ps.executeUpdate();
        });
    }

    /**
     * Records a lead's decision about one comment's theme: true confirms, false rejects, null takes
     * the decision back (the theme's definition decides again). The comment's index entry follows
     * through the change log.
     */
    @Transactional
    public void decide(String textId, String themeId, @Nullable Boolean confirmed, String by) {
        Long responseId = textId.startsWith("r:") ? Long.valueOf(textId.split(":")[1]) : null;
        Long itemId = textId.startsWith("f:") ? Long.valueOf(textId.substring(2)) : null;
        Long organisationId = textId.startsWith("p:") ? Long.valueOf(textId.split(":")[1]) : null;
        long id = jdbc.prepareStatement("INSERT INTO theme_decisions (text_id, theme_id, confirmed, response_id, item_id, "
                + "decided_by, pledge_organisation_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (text_id, theme_id) DO UPDATE SET "
                + "confirmed = excluded.confirmed, decided_by = excluded.decided_by, decided_at = now() RETURNING id", ps -> {
            ps.setString(1, textId);
            ps.setString(2, themeId);
            ps.setObject(3, confirmed, java.sql.Types.BOOLEAN);
            ps.setObject(4, responseId, java.sql.Types.BIGINT);
            ps.setObject(5, itemId, java.sql.Types.BIGINT);
            ps.setString(6, by);
            ps.setObject(7, organisationId, java.sql.Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        audit.record(by, "theme decision", textId, themeId + ": " + (confirmed == null ? "taken back"
                : confirmed ? "confirmed" : "rejected"));
        changes.record(new ThemeDecided(id));
    }

    /** The comment a decision is about (for the index to refresh it), if it is still held. */
    @Transactional(readOnly = true)
    Optional<String> textOfDecision(long decisionId) {
        return jdbc.prepareStatement("SELECT text_id FROM theme_decisions WHERE id = ?", ps -> {
            ps.setLong(1, decisionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** One comment's decisions: theme id to confirmed (true) or rejected (false). */
    @Transactional(readOnly = true)
    public Map<String, Boolean> decisionsFor(String textId) {
        return jdbc.prepareStatement("SELECT theme_id, confirmed FROM theme_decisions WHERE text_id = ? "
                + "AND confirmed IS NOT NULL", ps -> {
            ps.setString(1, textId);
            Map<String, Boolean> decisions = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    decisions.put(rs.getString(1), rs.getBoolean(2));
                }
            }
            return decisions;
        });
    }

    /** Several comments' decisions at once: comment id to (theme id to confirmed); comments with none are absent. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Boolean>> decisionsFor(java.util.Collection<String> textIds) {
        Map<String, Map<String, Boolean>> decisions = new HashMap<>();
        if (textIds.isEmpty()) {
            return decisions;
        }
        return jdbc.prepareStatement("SELECT text_id, theme_id, confirmed FROM theme_decisions WHERE text_id = ANY (?) "
                + "AND confirmed IS NOT NULL", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", textIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    decisions.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBoolean(3));
                }
            }
            return decisions;
        });
    }

    /** Every decision in force, by comment (for a rebuild). */
    @Transactional(readOnly = true)
    Map<String, Map<String, Boolean>> allDecisions() {
        return jdbc.prepareStatement("SELECT text_id, theme_id, confirmed FROM theme_decisions WHERE confirmed IS NOT NULL",
                ps -> {
                    Map<String, Map<String, Boolean>> decisions = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            decisions.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                    .put(rs.getString(2), rs.getBoolean(3));
                        }
                    }
                    return decisions;
                });
    }

    /** This database's identity, so an index built from another database is not trusted. */
    @Transactional(readOnly = true)
    String installation() {
        return jdbc.prepareStatement("SELECT id::text FROM installation", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
