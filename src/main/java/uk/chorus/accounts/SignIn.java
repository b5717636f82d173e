package uk.chorus.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.RateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checking a password: counted per address and per email (429 past the limit), and locked for a
 * while after repeated failures from one address, never for ever. The per-email limit stops
 * guessing spread over many addresses, but it does not apply where the person has signed in
 * before ({@link KnownPlaces}), so a stranger cannot keep them out. An unknown email, a deactivated
 * account and a wrong password get the same answers, in the same time.
 *
 * <p>Every sign-in and every wrong password for a real account is audited. Refusals (too many
 * attempts, locked) and failures for emails with no account are written at most once a minute per
 * client address, and an email with no account is never written as typed (only a short digest),
 * so nobody can fill the append-only log with words of their choosing.
 */
@Singleton
class SignIn {
    private final Accounts accounts;
    private final Passwords passwords;
    private final StaffSessions sessions;
    private final SignInFailures failures;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;
    private final KnownPlaces known;
    private final Cache<String, Boolean> auditedThisMinute = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(50_000).build();

    SignIn(Accounts accounts, Passwords passwords, StaffSessions sessions, SignInFailures failures,
           RateLimiter limiter, AuditLog audit, Clock clock, KnownPlaces known) {
        this.known = known;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.failures = failures;
        this.limiter = limiter;
        this.audit = audit;
        this.clock = clock;
    }

    sealed interface Outcome {
        record SignedIn(String token, Account account) implements Outcome {
        }

        record Wrong() implements Outcome {
        }

        record Locked(long minutes) implements Outcome {
        }

        record TooMany(long seconds) implements Outcome {
        }
    }

    /** The caller has already refused an email longer than AuditLog.LONGEST_ACTOR. */
    Outcome attempt(String email, String password, String clientAddress, @Nullable String device, String kind) {
        String normalised = Accounts.normalise(email);
        Account account = accounts.byEmail(normalised).filter(a -> !a.deactivated()).orElse(null);
        String actor = account == null ? UNKNOWN_EMAIL : normalised;
        OptionalLong wait = limiter.take(RateLimiter.Kind.SIGN_IN, "address:" + clientAddress);
        if (wait.isEmpty() && !known.known(normalised, clientAddress, device)) {
            wait = limiter.take(RateLimiter.Kind.SIGN_IN, "email:" + normalised);
        }
        if (wait.isPresent()) {
            auditOncePerMinute("refused:" + clientAddress, actor, "sign-in refused",
                    "too many attempts" + digestOf(account, normalised) + "; more this minute are not written");
            return new Outcome.TooMany(wait.getAsLong());
        }
        Instant now = clock.instant();
        String key = SignInFailures.key(normalised, clientAddress);
        Optional<Instant> locked = failures.lockedUntil(key, now);
        if (locked.isPresent()) {
            auditOncePerMinute("locked:" + clientAddress + ":" + actor, actor, "sign-in refused",
                    "locked after wrong passwords from this address" + digestOf(account, normalised));
            return new Outcome.Locked(Math.max(1, Duration.between(now, locked.get()).toMinutes() + 1));
        }
        boolean right = account == null ? spendTheSameTime(password) : passwords.matches(password, account.passwordHash());
        if (!right) {
            int inARow = failures.record(key, now);
            String detail = (account == null ? "no such active account" : "wrong password")
                    + " (" + inARow + " in a row from this address)" + digestOf(account, normalised);
            if (account == null) {
                auditOncePerMinute("unknown:" + clientAddress, actor, "sign-in failed",
                        detail + "; more this minute are not written");
            } else {
                audit.record(actor, "sign-in failed", "", detail);
            }
            return inARow >= SignInFailures.LOCK_AFTER ? new Outcome.Locked(SignInFailures.LOCK_FOR.toMinutes())
                    : new Outcome.Wrong();
        }
        failures.clear(key);
        known.remember(normalised, clientAddress, device);
        var lifetime = kind.equals("api") ? StaffSessions.API_LIFETIME : StaffSessions.BROWSER_LIFETIME;
        String token = sessions.start(account.id(), kind, lifetime);
        audit.record(normalised, "sign-in", "", kind.equals("api") ? "API token" : "browser");
        return new Outcome.SignedIn(token, account);
    }

    /** Written as "unknown email" in the log: what a stranger typed is theirs to choose, so only a digest is kept. */
    static final String UNKNOWN_EMAIL = "unknown email";

    private static String digestOf(@Nullable Account account, String email) {
        return account == null ? " [typed address " + Tokens.hash(email).substring(0, 8) + "]" : "";
    }

    private void auditOncePerMinute(String key, String actor, String action, String detail) {
        if (auditedThisMinute.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
            audit.record(actor, action, "", detail);
        }
    }

    private boolean spendTheSameTime(String password) {
        passwords.spendTheSameTime(password);
        return false;
    }
}
