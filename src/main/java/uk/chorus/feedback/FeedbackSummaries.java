package uk.chorus.feedback;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quarter-by-quarter figures that go to the SEND board beside its performance indicators:
 * items per channel and per service or page, and for each Local Offer page how many found it
 * helpful. Counted in PostgreSQL: they are a few GROUP BYs over one table.
 */
@Singleton
@Connectable
class FeedbackSummaries {
    private final JdbcOperations jdbc;

    FeedbackSummaries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A count per quarter ("2026 Q3") for one row label (a channel code, a service). */
    record Counts(String label, Map<String, Long> byQuarter) {
        long total() {
            return byQuarter.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    record Helpfulness(String page, long yes, long no, long words) {
        double share() {
            return yes + no == 0 ? Double.NaN : yes / (double) (yes + no);
        }
    }

    /** The first day of the quarter {@code back} quarters before the one {@code today} is in. */
    static LocalDate quarterStart(LocalDate today, int back) {
        LocalDate start = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        return start.minusMonths(3L * back);
    }

    static String quarterOf(LocalDate date) {
        return date.getYear() + " Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    List<Counts> byChannel(LocalDate from) {
        return counts("SELECT channel, extract(year FROM occurred_on)::int, extract(quarter FROM occurred_on)::int, "
                + "count(*) FROM feedback_items WHERE occurred_on >= ? GROUP BY 1, 2, 3", from);
    }

    List<Counts> bySubject(LocalDate from) {
        return counts("SELECT subject, extract(year FROM occurred_on)::int, extract(quarter FROM occurred_on)::int, "
                + "count(*) FROM feedback_items WHERE occurred_on >= ? AND subject IS NOT NULL GROUP BY 1, 2, 3", from);
    }

    List<Helpfulness> localOfferPages(LocalDate from) {
        return jdbc.prepareStatement("SELECT coalesce(subject, ''), count(*) FILTER (WHERE helpful), "
                + "count(*) FILTER (WHERE NOT helpful), count(text) FROM feedback_items "
                + "WHERE channel = 'local-offer' AND occurred_on >= ? GROUP BY 1 ORDER BY count(*) DESC, 1", ps -> {
            ps.setDate(1, Date.valueOf(from));
            List<Helpfulness> pages = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pages.add(new Helpfulness(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return pages;
        });
    }

    /** Rows of (label, year, quarter, count), most first. */
    private List<Counts> counts(String sql, LocalDate from) {
        Map<String, Map<String, Long>> counted = jdbc.prepareStatement(sql, ps -> {
            ps.setDate(1, Date.valueOf(from));
            Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getInt(2) + " Q" + rs.getInt(3), rs.getLong(4));
                }
            }
            return rows;
        });
        List<Counts> rows = new ArrayList<>();
        counted.forEach((label, quarters) -> rows.add(new Counts(label, quarters)));
        rows.sort((a, b) -> Long.compare(b.total(), a.total()));
        return rows;
    }
}
