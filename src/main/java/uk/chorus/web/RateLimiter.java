package uk.chorus.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed one-minute windows of request counts, per kind of request and key (a client address, an
 * email), shared by every instance. Each request is counted in memory, so a request never waits
 * for the database; about once a second each instance writes its own counts to PostgreSQL and reads
 * the other instances' back (rate_windows). A client spreading requests over N instances is
 * therefore held to the limit within about a second, rather than getting N times the limit.
 * Only digests of the keys are written, never an address or an email.
 */
@Singleton
public class RateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    /** The kinds of request that are counted, each with its own limit (RateLimitConfiguration). */
    public enum Kind {
        SIGN_IN, PAGE, NEW_DRAFT, API, FEEDBACK, PLEDGE
    }

    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(2))
            .maximumSize(100_000)
            .build();
    private final Clock clock;
    private final RateLimitConfiguration limits;
    private final JdbcOperations jdbc;
    private final String instance = UUID.randomUUID().toString();

    public RateLimiter(Clock clock, RateLimitConfiguration limits, JdbcOperations jdbc) {
        this.clock = clock;
        this.limits = limits;
        this.jdbc = jdbc;
    }

    /** One key's window: what this instance counted, and what the others had counted at the last sync. */
    private static final class Window {
        final String digest;
        final long minute;
        final AtomicInteger mine = new AtomicInteger();
        final AtomicBoolean unsynced = new AtomicBoolean();
        volatile int others;

        Window(String digest, long minute) {
            this.digest = digest;
            this.minute = minute;
        }
    }

    /** Counts one request; empty when allowed, otherwise the seconds to wait before trying again. */
    public OptionalLong take(Kind kind, String key) {
        int limit = limits.perMinute(kind);
        if (limit <= 0) {
            return OptionalLong.empty();
        }
        long now = clock.millis();
        long minute = now / 60_000;
        String name = kind + ":" + key + ":" + minute;
        Window window = windows.get(name, k -> new Window(digest(k), minute));
        int count = window.mine.incrementAndGet() + window.others;
        window.unsynced.set(true);
        if (count <= limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (minute + 1) * 60 - now / 1000));
    }

    /** Writes this instance's counts and reads the other instances' back. */
    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    @Connectable
    public void sync() {
        long minute = clock.millis() / 60_000;
        List<Window> current = new ArrayList<>();
        for (Map.Entry<String, Window> entry : windows.asMap().entrySet()) {
            if (entry.getValue().minute >= minute - 1) {
                current.add(entry.getValue());
            }
        }
        if (current.isEmpty()) {
            return;
        }
        try {
            write(current.stream().filter(w -> w.unsynced.getAndSet(false)).toList());
            readOthers(current);
        } catch (RuntimeException e) {
            // The limits still hold per instance; the next sync tries again.
            current.forEach(w -> w.unsynced.set(true));
            LOG.warn("Rate-limit counts could not be shared with other instances: {}", e.getMessage());
        }
    }

    /** Forgets windows that ended minutes ago. */
    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    @Connectable
    void forgetOld() {
        try {
            long minute = clock.millis() / 60_000;
            jdbc.prepareStatement("DELETE FROM rate_windows WHERE minute < ?", ps -> {
                ps.setLong(1, minute - 2);
                return ps.executeUpdate();
            });
        } catch (RuntimeException e) {
            LOG.warn("Old rate-limit counts could not be deleted: {}", e.getMessage());
        }
    }

    private void write(List<Window> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO rate_windows (window_key, instance_id, minute, hits) "
                + "SELECT k, ?, m, h FROM unnest(?::text[], ?::bigint[], ?::int[]) AS t(k, m, h) "
                + "ON CONFLICT (window_key, instance_id) DO UPDATE SET hits = EXCLUDED.hits", ps -> {
            ps.setString(1, instance);
            ps.setArray(2, ps.getConnection().createArrayOf("text",
                    changed.stream().map(w -> w.digest).toArray()));
            ps.setArray(3, ps.getConnection().createArrayOf("bigint",
                    changed.stream().map(w -> w.minute).toArray()));
            ps.setArray(4, ps.getConnection().createArrayOf("integer",
                    changed.stream().map(w -> w.mine.get()).toArray()));
            return ps.executeUpdate();
        });
    }

    private void readOthers(List<Window> current) {
        Map<String, Window> byDigest = new java.util.HashMap<>();
        current.forEach(w -> byDigest.put(w.digest, w));
        jdbc.prepareStatement("SELECT window_key, sum(hits) FROM rate_windows WHERE window_key = ANY(?) "
                + "AND instance_id <> ? GROUP BY window_key", ps -> {
            Array keys = ps.getConnection().createArrayOf("text", byDigest.keySet().toArray());
            ps.setArray(1, keys);
            ps.setString(2, instance);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Window window = byDigest.get(rs.getString(1));
                    if (window != null) {
                        window.others = rs.getInt(2);
                    }
                }
            }
            return null;
        });
    }

    private static String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
