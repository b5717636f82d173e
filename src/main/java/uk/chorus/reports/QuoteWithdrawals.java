package uk.chorus.reports;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.chorus.audit.AuditLog;
import uk.chorus.changes.ChangeLog;
import uk.chorus.feedback.FeedbackErased;
import uk.chorus.responses.RawAnswersExpired;
import uk.chorus.responses.ResponseErased;
import uk.chorus.responses.ResponseRecords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Takes a quote out of every published version when the response or feedback it came from is
 * erased, on request or at the end of its retention. Published versions are otherwise never changed, but a family's erased words must not stay
 * on a public page. It follows the change log from a cursor kept in PostgreSQL and moved in the
 * same transaction as the versions it rewrites, so a crash between the erasure and this step is
 * caught up on the next run, and two instances take turns. Each version counts what was taken out,
 * so its page says so rather than change silently.
 */
@Singleton
public class QuoteWithdrawals {
    private static final Logger LOG = LoggerFactory.getLogger(QuoteWithdrawals.class);
    static final String CURSOR = "published-quotes";
    private static final Set<String> FOLLOWED = Set.of(ResponseErased.KIND, FeedbackErased.KIND, RawAnswersExpired.KIND);
    private final ChangeLog changes;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final AuditLog audit;
    private final ResponseRecords responses;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "quote-withdrawals");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    QuoteWithdrawals(ChangeLog changes, JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                     JsonMapper json, AuditLog audit, ResponseRecords responses) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.audit = audit;
        this.responses = responses;
    }

    /** A published quote traced to an erased response or item. */
    private record Traced(long reportId, int version, String themeId, String digest) {
    }

    // Heard just after the erasing transaction commits on this instance, so the page is clean within moments.
    @EventListener
    void onResponseErased(ResponseErased erased) {
        nudge();
    }

    @EventListener
    void onFeedbackErased(FeedbackErased erased) {
        nudge();
    }

    @EventListener
    void onRawAnswersExpired(RawAnswersExpired expired) {
        nudge();
    }

    @EventListener
    void onStartup(ServerStartupEvent started) {
        nudge();
    }

    // Erasures made on other instances, or missed by a crash.
    @Scheduled(fixedDelay = "30s", initialDelay = "30s")
    void poll() {
        nudge();
    }

    /**
     * Asks for a catch-up on this feature's own thread (never inside the erasing request's
     * transaction); several asks while one is waiting make one run.
     */
    void nudge() {
        if (queued.compareAndSet(false, true)) {
            worker.submit(() -> {
                queued.set(false);
                try {
                    catchUp();
                } catch (RuntimeException e) {
                    // The erasure itself has committed; the cursor did not move, so the next run tries again.
                    LOG.warn("Published quotes not yet checked against erasures: {}", e.getMessage());
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Applies every erasure after the cursor in one transaction, reading only the erasure entries of
     * the log (most entries are new responses); returns how many quotes were taken out.
     */
    public synchronized int catchUp() {
        return transactions.executeWrite(status -> {
            long from = changes.lockCursor(CURSOR);
            long upTo = changes.latest();
            if (upTo <= from) {
                return 0;
            }
            List<Long> goneResponses = new ArrayList<>();
            List<Long> goneItems = new ArrayList<>();
            boolean expired = false;
            for (ChangeLog.Entry entry : changes.ofKinds(from, upTo, FOLLOWED)) {
                if (entry.kind().equals(RawAnswersExpired.KIND)) {
                    expired = true;
                } else if (entry.subjectId() != null) {
                    (entry.kind().equals(ResponseErased.KIND) ? goneResponses : goneItems).add(entry.subjectId());
                }
            }
            if (expired) {
                // A survey's raw answers went at the end of its retention, unnamed: ask which quoted responses are gone.
                goneResponses.addAll(responses.gone(tracedResponses()));
            }
            int withdrawn = goneResponses.isEmpty() && goneItems.isEmpty() ? 0
                    : withdraw(traced(goneResponses, goneItems));
            changes.moveCursor(CURSOR, upTo);
            return withdrawn;
        });
    }

    private List<Long> tracedResponses() {
        return jdbc.prepareStatement("SELECT DISTINCT response_id FROM report_version_quotes WHERE response_id IS NOT NULL",
                ps -> {
                    List<Long> ids = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                    return ids;
                });
    }

    /** Removes and returns the traces of quotes from these responses and items. */
    private List<Traced> traced(List<Long> responses, List<Long> items) {
        return jdbc.prepareStatement("DELETE FROM report_version_quotes WHERE response_id = ANY (?) OR item_id = ANY (?) "
                + "RETURNING report_id, version, theme_id, quote_digest", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", responses.toArray()));
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", items.toArray()));
            List<Traced> traced = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    traced.add(new Traced(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
                }
            }
            return traced;
        });
    }

    private int withdraw(List<Traced> traced) {
        Map<String, List<Traced>> byVersion = new LinkedHashMap<>();
        traced.forEach(t -> byVersion.computeIfAbsent(t.reportId() + "/" + t.version(), k -> new ArrayList<>()).add(t));
        int withdrawn = 0;
        for (List<Traced> quotes : byVersion.values()) {
            long reportId = quotes.get(0).reportId();
            int version = quotes.get(0).version();
            ReportContent content = read(reportId, version);
            int before = quoteCount(content);
            ReportContent kept = without(content, quotes);
            int removed = before - quoteCount(kept);
            if (removed == 0) {
                continue;
            }
            rewrite(reportId, version, kept, removed);
            audit.record("system", "quote withdrawn", Long.toString(reportId),
                    "version " + version + ": " + removed + " quote(s) whose words were erased");
            withdrawn += removed;
        }
        return withdrawn;
    }

    /** The content without the traced quotes (each matched by theme and the digest of its words). */
    static ReportContent without(ReportContent content, List<Traced> quotes) {
        Set<String> gone = quotes.stream().map(t -> t.themeId() + "\n" + t.digest()).collect(Collectors.toSet());
        List<ReportContent.ThemeSection> themes = content.themes().stream().map(theme -> {
            List<ReportContent.QuoteEntry> kept = theme.quotes().stream()
                    .filter(q -> !gone.contains(theme.themeId() + "\n" + digest(q.text())))
                    .toList();
            return new ReportContent.ThemeSection(theme.rank(), theme.themeId(), theme.name(), theme.youSaid(),
                    theme.people(), theme.peopleText(), theme.shareText(), kept, theme.actions(), theme.measures());
        }).toList();
        return new ReportContent(content.slug(), content.title(), content.period(), content.sources(), content.people(),
                content.peopleText(), content.smallestGroup(), themes, content.notActedOn(), content.agreedBy());
    }

    private static int quoteCount(ReportContent content) {
        return content.themes().stream().mapToInt(t -> t.quotes().size()).sum();
    }

    /** SHA-256 of the words as UTF-8, in lower-case hex: the same as PostgreSQL's sha256 in the trace. */
    static String digest(String words) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(words.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private ReportContent read(long reportId, int version) {
        String stored = jdbc.prepareStatement("SELECT content::text FROM report_versions WHERE report_id = ? AND version = ? "
                + "FOR UPDATE", ps -> {
            ps.setLong(1, reportId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        try {
            return json.readValue(stored, ReportContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rewrite(long reportId, int version, ReportContent kept, int removed) {
        String content;
        try {
            content = json.writeValueAsString(kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.prepareStatement("UPDATE report_versions SET content = ?::jsonb, quotes_withdrawn = quotes_withdrawn + ? "
                + "WHERE report_id = ? AND version = ?", ps -> {
            ps.setString(1, content);
            ps.setInt(2, removed);
            ps.setLong(3, reportId);
            ps.setInt(4, version);
            return ps.executeUpdate();
        });
    }
}
