package uk.chorus.reports;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The area's schools, organisations, places and names that quotes are checked for: the shipped
 * list ({@code reports/gazetteer.txt}) and what leads add, which is kept in PostgreSQL so every
 * instance checks against the same words.
 */
@Singleton
public class Gazetteer {
    private static final List<QuoteChecker.Entry> SHIPPED = load();
    private final JdbcOperations jdbc;
    private final AuditLog audit;

    Gazetteer(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Added(long id, QuoteChecker.Kind kind, String name, String addedBy) {
    }

    public static List<QuoteChecker.Entry> shipped() {
        return SHIPPED;
    }

    /** Everything quotes are checked against: shipped and added. */
    @Transactional(readOnly = true)
    public List<QuoteChecker.Entry> all() {
        List<QuoteChecker.Entry> all = new ArrayList<>(SHIPPED);
        added().forEach(a -> all.add(new QuoteChecker.Entry(a.kind(), a.name())));
        return all;
    }

    @Transactional(readOnly = true)
    public List<Added> added() {
        return jdbc.prepareStatement("SELECT id, kind, name, added_by FROM gazetteer ORDER BY kind, lower(name)", ps -> {
            List<Added> added = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    added.add(new Added(rs.getLong(1), kind(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getString(4)));
                }
            }
            return added;
        });
    }

    /** Adds an entry; false when it is already there. */
    @Transactional
    public boolean add(QuoteChecker.Kind kind, String name, String by) {
        int added = jdbc.prepareStatement("INSERT INTO gazetteer (kind, name, added_by) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", ps -> {
            ps.setString(1, kind.code());
            ps.setString(2, name);
            ps.setString(3, by);
            return ps.executeUpdate();
        });
        if (added > 0) {
            audit.record(by, "gazetteer entry added", kind.code(), null);
        }
        return added > 0;
    }

    @Transactional
    public void remove(long id, String by) {
        int removed = jdbc.prepareStatement("DELETE FROM gazetteer WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
        if (removed > 0) {
            audit.record(by, "gazetteer entry removed", Long.toString(id), null);
        }
    }

    /** The kinds a lead can add: the ones the checker looks up by name. */
    static Optional<QuoteChecker.Kind> kind(String code) {
        return switch (code == null ? "" : code) {
            case "school" -> Optional.of(QuoteChecker.Kind.SCHOOL);
            case "organisation" -> Optional.of(QuoteChecker.Kind.ORGANISATION);
            case "place" -> Optional.of(QuoteChecker.Kind.PLACE);
            case "name" -> Optional.of(QuoteChecker.Kind.NAME);
            default -> Optional.empty();
        };
    }

    private static List<QuoteChecker.Entry> load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream("/reports/gazetteer.txt")) {
            List<QuoteChecker.Entry> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.strip().split("\\|", 2);
                if (line.startsWith("#") || parts.length < 2) {
                    continue;
                }
                kind(parts[0].strip().toLowerCase(Locale.ROOT))
                        .ifPresent(kind -> entries.add(new QuoteChecker.Entry(kind, parts[1].strip())));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
