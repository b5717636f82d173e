package uk.chorus.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed one-minute windows of request counts, per key (a client address, an email). Kept in each
 * instance's memory on purpose: a limit per instance is safe (N instances allow N times as many),
 * and it costs no database write per request.
 */
@Singleton
public class RateLimiter {
    private final Cache<String, AtomicInteger> windows = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(2))
            .maximumSize(100_000)
            .build();
    private final Clock clock;
    private final int signInPerMinute;
    private final int publicPerMinute;

    RateLimiter(Clock clock,
                @Value("${chorus.rate-limits.sign-in-per-minute:10}") int signInPerMinute,
                @Value("${chorus.rate-limits.public-per-minute:600}") int publicPerMinute) {
        this.clock = clock;
        this.signInPerMinute = signInPerMinute;
        this.publicPerMinute = publicPerMinute;
    }

    /** Empty when allowed; otherwise the seconds to wait before trying again. */
    public OptionalLong signIn(String key) {
        return take("sign-in:" + key, signInPerMinute);
    }

    public OptionalLong publicRequest(String client) {
        return take("public:" + client, publicPerMinute);
    }

    private OptionalLong take(String key, int limit) {
        if (limit <= 0) {
            return OptionalLong.empty();
        }
        long now = clock.millis();
        long minute = now / 60_000;
        int count = windows.get(key + ":" + minute, k -> new AtomicInteger()).incrementAndGet();
        if (count <= limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (minute + 1) * 60 - now / 1000));
    }
}
