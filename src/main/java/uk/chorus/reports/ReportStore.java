package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports as leads build them (period, sources, their words for each theme, approved quotes) and
 * the fixed versions they publish. A published version is written once and never changed; a
 * correction is the next version.
 */
@Singleton
public class ReportStore {
    private final JdbcOperations jdbc;
    private final AuditLog audit;

    ReportStore(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Report(long id, String slug, String title, LocalDate from, LocalDate to, List<String> sources,
                         String createdBy) {
    }

    public record Quote(long id, String themeId, String textId, String quote, @Nullable String attribution,
                        String approvedBy) {
    }

    /** @param quotesWithdrawn quotes taken out since publishing because their writer's words were erased */
    public record Version(long reportId, int version, String content, @Nullable String correction, String publishedBy,
                          Instant publishedAt, int quotesWithdrawn) {
    }

    @Transactional
    public Optional<Long> create(String slug, String title, LocalDate from, LocalDate to, List<String> sources, String by) {
        Long id = jdbc.prepareStatement("INSERT INTO reports (slug, title, period_from, period_to, sources, created_by) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING RETURNING id", ps -> {
            ps.setString(1, slug);
            ps.setString(2, title);
            ps.setDate(3, Date.valueOf(from));
            ps.setDate(4, Date.valueOf(to));
            ps.setArray(5, ps.getConnection().createArrayOf("text", sources.toArray()));
            ps.setString(6, by);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        });
        if (id != null) {
            audit.record(by, "report created", slug, null);
        }
        return Optional.ofNullable(id);
    }

    @Transactional(readOnly = true)
    public List<Report> all() {
        return reports(null, null);
    }

    @Transactional(readOnly = true)
    public Optional<Report> find(long id) {
        return reports(id, null).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Report> bySlug(String slug) {
        return reports(null, slug).stream().findFirst();
    }

    /** The lead's own words for each theme, where written. */
    @Transactional(readOnly = true)
    public Map<String, String> youSaid(long reportId) {
        Map<String, String> words = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT theme_id, you_said FROM report_themes WHERE report_id = ?", ps -> {
            ps.setLong(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    words.put(rs.getString(1), rs.getString(2));
                }
            }
            return null;
        });
        return words;
    }

    @Transactional
    public void saveYouSaid(long reportId, String themeId, String words, String by) {
        jdbc.prepareStatement("INSERT INTO report_themes (report_id, theme_id, you_said) VALUES (?, ?, ?) "
                + "ON CONFLICT (report_id, theme_id) DO UPDATE SET you_said = excluded.you_said", ps -> {
            ps.setLong(1, reportId);
            ps.setString(2, themeId);
            ps.setString(3, words);
            return ps.executeUpdate();
        });
        audit.record(by, "report words edited", Long.toString(reportId), themeId);
    }

    /**
     * Saves everything the builder's one form holds, all or nothing: each theme's words (empty
     * words put the theme back to its first draft), the quotes taken out and the suggested quotes
     * kept. Audited as one edit.
     */
    @Transactional
    public void saveAll(long reportId, Map<String, String> words, List<Long> removedQuotes,
                        List<ReportBuilder.Suggested> keptQuotes, String by) {
        for (Map.Entry<String, String> theme : words.entrySet()) {
            if (theme.getValue().isEmpty()) {
                jdbc.prepareStatement("DELETE FROM report_themes WHERE report_id = ? AND theme_id = ?", ps -> {
                    ps.setLong(1, reportId);
                    ps.setString(2, theme.getKey());
                    return ps.executeUpdate();
                });
            } else {
                jdbc.prepareStatement("INSERT INTO report_themes (report_id, theme_id, you_said) VALUES (?, ?, ?) "
                        + "ON CONFLICT (report_id, theme_id) DO UPDATE SET you_said = excluded.you_said", ps -> {
                    ps.setLong(1, reportId);
                    ps.setString(2, theme.getKey());
                    ps.setString(3, theme.getValue());
                    return ps.executeUpdate();
                });
            }
        }
        for (long quoteId : removedQuotes) {
            removeQuote(reportId, quoteId, by);
        }
        for (ReportBuilder.Suggested quote : keptQuotes) {
            approveQuote(reportId, quote.themeId(), quote.textId(), quote.text(), quote.source(), by);
        }
        audit.record(by, "report saved", Long.toString(reportId), words.size() + " themes");
    }

    /** A draft as sent to the forums to agree, and the content it holds, as it would be published. */
    public record Review(long reportId, String digest, String content, String sentBy, Instant sentAt) {
    }

    /** One forum member's decision on a draft. */
    public record Decision(String forum, boolean agreed, @Nullable String comment, String byName, String byEmail,
                           Instant at) {
    }

    /** Sends a draft to the forums; sending the same content again changes nothing. */
    @Transactional
    public void sendForReview(long reportId, String digest, String content, String by) {
        int sent = jdbc.prepareStatement("INSERT INTO report_reviews (report_id, digest, content, sent_by) "
                + "VALUES (?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING", ps -> {
            ps.setLong(1, reportId);
            ps.setString(2, digest);
            ps.setString(3, content);
            ps.setString(4, by);
            return ps.executeUpdate();
        });
        if (sent > 0) {
            audit.record(by, "report sent to forums", Long.toString(reportId), digest.substring(0, 12));
        }
    }

    /** The draft most recently sent to the forums, if any. */
    @Transactional(readOnly = true)
    public Optional<Review> latestReview(long reportId) {
        return reviews(reportId, null).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Review> review(long reportId, String digest) {
        return reviews(reportId, digest).stream().findFirst();
    }

    /** Each report's newest draft sent to the forums, newest first. */
    @Transactional(readOnly = true)
    public List<Review> latestReviews() {
        List<Review> reviews = jdbc.prepareStatement("SELECT DISTINCT ON (report_id) report_id, digest, content::text, "
                + "sent_by, sent_at FROM report_reviews ORDER BY report_id, sent_at DESC", ps -> review(ps.executeQuery()));
        reviews.sort((a, b) -> b.sentAt().compareTo(a.sentAt()));
        return reviews;
    }

    private List<Review> reviews(long reportId, @Nullable String digest) {
        return jdbc.prepareStatement("SELECT report_id, digest, content::text, sent_by, sent_at FROM report_reviews "
                + "WHERE report_id = ? AND (?::text IS NULL OR digest = ?) ORDER BY sent_at DESC", ps -> {
            ps.setLong(1, reportId);
            ps.setString(2, digest);
            ps.setString(3, digest);
            return review(ps.executeQuery());
        });
    }

    private static List<Review> review(ResultSet rs) throws SQLException {
        List<Review> reviews = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                reviews.add(new Review(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
            }
        }
        return reviews;
    }

    /** Records a forum member's decision on a draft sent to the forums (audited). */
    @Transactional
    public void decide(long reportId, String digest, String forum, boolean agreed, @Nullable String comment,
                       String byName, String byEmail) {
        jdbc.prepareStatement("INSERT INTO report_sign_offs (report_id, digest, forum, decision, comment, by_name, "
                + "by_email) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, reportId);
            ps.setString(2, digest);
            ps.setString(3, forum);
            ps.setString(4, agreed ? "agreed" : "changes");
            ps.setString(5, comment);
            ps.setString(6, byName);
            ps.setString(7, byEmail);
            return ps.executeUpdate();
        });
        audit.record(byEmail, agreed ? "report agreed" : "report changes asked", Long.toString(reportId), forum);
    }

    /** Every decision on a draft, oldest first. */
    @Transactional(readOnly = true)
    public List<Decision> decisions(long reportId, String digest) {
        return jdbc.prepareStatement("SELECT forum, decision, comment, by_name, by_email, decided_at FROM report_sign_offs "
                + "WHERE report_id = ? AND digest = ? ORDER BY decided_at, id", ps -> {
            ps.setLong(1, reportId);
            ps.setString(2, digest);
            List<Decision> decisions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    decisions.add(new Decision(rs.getString(1), rs.getString(2).equals("agreed"), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
            return decisions;
        });
    }

    @Transactional(readOnly = true)
    public List<Quote> quotes(long reportId) {
        return jdbc.prepareStatement("SELECT id, theme_id, text_id, quote, attribution, approved_by FROM report_quotes "
                + "WHERE report_id = ? ORDER BY id", ps -> {
            ps.setLong(1, reportId);
            List<Quote> quotes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    quotes.add(new Quote(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return quotes;
        });
    }

    /**
     * Adds a quote as a named lead approved it (audited); false when that comment is already quoted
     * in this report. The comment's row is named so erasing it erases the quote; a comment erased
     * already makes this throw, and nothing is written.
     */
    @Transactional
    public boolean approveQuote(long reportId, String themeId, String textId, String quote, @Nullable String attribution,
                                String by) {
        Long responseId = null;
        Long itemId = null;
        String[] parts = textId.split(":");
        try {
            if (parts[0].equals("r") && parts.length == 3) {
                responseId = Long.parseLong(parts[1]);
            } else if (parts[0].equals("f") && parts.length == 2) {
                itemId = Long.parseLong(parts[1]);
            } else {
                return false;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        Long response = responseId;
        Long item = itemId;
        // The comment's row is named: if it was erased a moment ago the foreign key refuses the quote.
        int added = jdbc.prepareStatement("INSERT INTO report_quotes (report_id, theme_id, text_id, response_id, item_id, "
                + "quote, attribution, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (report_id, text_id) DO NOTHING", ps -> {
            ps.setLong(1, reportId);
            ps.setString(2, themeId);
            ps.setString(3, textId);
            ps.setObject(4, response);
            ps.setObject(5, item);
            ps.setString(6, quote);
            ps.setString(7, attribution);
            ps.setString(8, by);
            return ps.executeUpdate();
        });
        if (added > 0) {
            audit.record(by, "quote approved", Long.toString(reportId), themeId + " " + textId);
        }
        return added > 0;
    }

    @Transactional
    public void removeQuote(long reportId, long quoteId, String by) {
        int removed = jdbc.prepareStatement("DELETE FROM report_quotes WHERE report_id = ? AND id = ?", ps -> {
            ps.setLong(1, reportId);
            ps.setLong(2, quoteId);
            return ps.executeUpdate();
        });
        if (removed > 0) {
            audit.record(by, "quote removed", Long.toString(reportId), Long.toString(quoteId));
        }
    }

    /** Writes the next version of a report's published content; returns its number. */
    @Transactional
    public int publish(long reportId, String content, @Nullable String correction, String by) {
        // The report's row is locked so two leads publishing at once make two versions, not one number twice.
        jdbc.prepareStatement("SELECT id FROM reports WHERE id = ? FOR UPDATE", ps -> {
            ps.setLong(1, reportId);
            return ps.executeQuery().next();
        });
        int version = jdbc.prepareStatement("INSERT INTO report_versions (report_id, version, content, correction, "
                + "published_by) SELECT ?, coalesce(max(version), 0) + 1, ?::jsonb, ?, ? FROM report_versions "
                + "WHERE report_id = ? RETURNING version", ps -> {
            ps.setLong(1, reportId);
            ps.setString(2, content);
            ps.setString(3, correction);
            ps.setString(4, by);
            ps.setLong(5, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        // Where each quote in this version came from, so an erasure can take it out again later.
        jdbc.prepareStatement("INSERT INTO report_version_quotes (report_id, version, theme_id, quote_digest, "
                + "response_id, item_id) SELECT v.report_id, v.version, q.theme_id, "
                + "encode(sha256(convert_to(q.quote, 'UTF8')), 'hex'), q.response_id, q.item_id "
                + "FROM report_versions v JOIN report_quotes q ON q.report_id = v.report_id "
                + "WHERE v.report_id = ? AND v.version = ? AND v.content @> jsonb_build_object('themes', "
                + "jsonb_build_array(jsonb_build_object('themeId', q.theme_id, 'quotes', "
                + "jsonb_build_array(jsonb_build_object('text', q.quote)))))", ps -> {
            ps.setLong(1, reportId);
            ps.setInt(2, version);
            return ps.executeUpdate();
        });
        audit.record(by, "report published", Long.toString(reportId), "version " + version);
        return version;
    }

    /** Every published version of a report, newest first. */
    @Transactional(readOnly = true)
    public List<Version> versions(long reportId) {
        return jdbc.prepareStatement("SELECT report_id, version, content::text, correction, published_by, published_at, "
                + "quotes_withdrawn FROM report_versions WHERE report_id = ? ORDER BY version DESC", ps -> {
            ps.setLong(1, reportId);
            List<Version> versions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(version(rs));
                }
            }
            return versions;
        });
    }

    /** The newest version of every published report, newest first. */
    @Transactional(readOnly = true)
    public List<Version> published() {
        return jdbc.prepareStatement("SELECT DISTINCT ON (report_id) report_id, version, content::text, correction, "
                + "published_by, published_at, quotes_withdrawn FROM report_versions ORDER BY report_id, version DESC", ps -> {
            List<Version> versions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(version(rs));
                }
            }
            versions.sort((a, b) -> b.publishedAt().compareTo(a.publishedAt()));
            return versions;
        });
    }

    private static Version version(ResultSet rs) throws SQLException {
        return new Version(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getInt(7));
    }

    private List<Report> reports(@Nullable Long id, @Nullable String slug) {
        return jdbc.prepareStatement("SELECT id, slug, title, period_from, period_to, sources, created_by FROM reports "
                + "WHERE (?::bigint IS NULL OR id = ?) AND (?::text IS NULL OR slug = ?) ORDER BY created_at DESC, id DESC",
                ps -> {
                    ps.setObject(1, id);
                    ps.setObject(2, id);
                    ps.setString(3, slug);
                    ps.setString(4, slug);
                    List<Report> reports = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            reports.add(new Report(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
                                    List.of((String[]) rs.getArray(6).getArray()), rs.getString(7)));
                        }
                    }
                    return reports;
                });
    }
}
