package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;
import uk.chorus.feedback.FeedbackHandling;
import uk.chorus.web.Messages;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The annual Local Offer feedback report (a calendar year): how many comments came in, how many
 * found the pages helpful, and, by category (content, accessibility, development), the comments a
 * lead has answered, each beside what was done about it. A comment is shown only once a lead has
 * written a response for it, and then with names, places and contact details redacted by the
 * quote check; the rest are counted. Set-aside comments are left out and counted apart.
 *
 * A year is published by a lead, after previewing it. The public page is built from what is held
 * now, so an erased comment leaves it at once, as it leaves everything else.
 */
@Singleton
class LocalOfferReport {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private final FeedbackHandling handling;
    private final JdbcOperations jdbc;
    private final Gazetteer gazetteer;
    private final Messages messages;
    private final AuditLog audit;
    private final QuoteChecker checker = new QuoteChecker();

    LocalOfferReport(FeedbackHandling handling, JdbcOperations jdbc, Gazetteer gazetteer, Messages messages,
                     AuditLog audit) {
        this.handling = handling;
        this.jdbc = jdbc;
        this.gazetteer = gazetteer;
        this.messages = messages;
        this.audit = audit;
    }

    public record Answered(String month, String comment, String response) {
    }

    public record Category(String code, String name, long comments, long answered, List<Answered> shown) {
    }

    public record Content(int year, long received, long helpful, long notHelpful, long withWords, long setAside,
                          long replied, List<Category> categories) {
    }

    public record Publication(int year, String publishedBy, Instant publishedAt) {
    }

    Content build(int year) {
        List<FeedbackHandling.Entry> entries = handling.localOffer(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        List<QuoteChecker.Entry> places = gazetteer.all();
        Map<String, List<FeedbackHandling.Entry>> byCategory = new TreeMap<>();
        long helpful = 0;
        long notHelpful = 0;
        long withWords = 0;
        long setAside = 0;
        long replied = 0;
        long received = 0;
        for (FeedbackHandling.Entry entry : entries) {
            if (entry.setAside()) {
                setAside++;
                continue;
            }
            received++;
            helpful += Boolean.TRUE.equals(entry.helpful()) ? 1 : 0;
            notHelpful += Boolean.FALSE.equals(entry.helpful()) ? 1 : 0;
            replied += entry.replied() ? 1 : 0;
            if (entry.text() != null) {
                withWords++;
                byCategory.computeIfAbsent(entry.category() == null ? "" : entry.category(), c -> new ArrayList<>())
                        .add(entry);
            }
        }
        List<Category> categories = new ArrayList<>();
        List<String> order = new ArrayList<>(FeedbackHandling.CATEGORIES);
        order.add("");
        for (String code : order) {
            List<FeedbackHandling.Entry> these = byCategory.getOrDefault(code, List.of());
            if (these.isEmpty()) {
                continue;
            }
            List<Answered> shown = new ArrayList<>();
            for (FeedbackHandling.Entry entry : these) {
                if (entry.response() != null) {
                    shown.add(new Answered(MONTH.format(entry.date()), checker.check(entry.text(), places).redacted(),
                            checker.check(entry.response(), places).redacted()));
                }
            }
            categories.add(new Category(code.isEmpty() ? "unsorted" : code,
                    messages.get(code.isEmpty() ? "localoffer.report.unsorted" : "feedback.category." + code),
                    these.size(), shown.size(), shown));
        }
        return new Content(year, received, helpful, notHelpful, withWords, setAside, replied, categories);
    }

    @Transactional
    boolean publish(int year, String by) {
        int added = jdbc.prepareStatement("INSERT INTO local_offer_reports (year, published_by) VALUES (?, ?) "
                + "ON CONFLICT (year) DO NOTHING", ps -> {
            ps.setInt(1, year);
            ps.setString(2, by);
            return ps.executeUpdate();
        });
        if (added > 0) {
            audit.record(by, "local offer report published", Integer.toString(year), null);
        }
        return added > 0;
    }

    @Transactional(readOnly = true)
    List<Publication> published() {
        return jdbc.prepareStatement("SELECT year, published_by, published_at FROM local_offer_reports ORDER BY year DESC",
                ps -> {
                    List<Publication> years = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            years.add(new Publication(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                        }
                    }
                    return years;
                });
    }

    @Nullable
    Publication publication(int year) {
        return published().stream().filter(p -> p.year() == year).findFirst().orElse(null);
    }
}
