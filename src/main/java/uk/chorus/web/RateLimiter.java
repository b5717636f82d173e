package uk.chorus.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed one-minute windows of request counts, per kind of request and key (a client address, an
 * email). Kept in each instance's memory on purpose: a limit per instance is safe (N instances
 * allow N times as many), and it costs no database write per request.
 */
@Singleton
public class RateLimiter {
    /** The kinds of request that are counted, each with its own limit (RateLimitConfiguration). */
    public enum Kind {
        SIGN_IN, PAGE, NEW_DRAFT, API, FEEDBACK, PLEDGE
    }

    private final Cache<String, AtomicInteger> windows = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(2))
            .maximumSize(100_000)
            .build();
    private final Clock clock;
    private final RateLimitConfiguration limits;

    RateLimiter(Clock clock, RateLimitConfiguration limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /** Counts one request; empty when allowed, otherwise the seconds to wait before trying again. */
    public OptionalLong take(Kind kind, String key) {
        int limit = limits.perMinute(kind);
        if (limit <= 0) {
            return OptionalLong.empty();
        }
        long now = clock.millis();
        long minute = now / 60_000;
        int count = windows.get(kind + ":" + key + ":" + minute, k -> new AtomicInteger()).incrementAndGet();
        if (count <= limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (minute + 1) * 60 - now / 1000));
    }
}
