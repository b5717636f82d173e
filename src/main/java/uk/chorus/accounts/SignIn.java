package uk.chorus.accounts;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Checking a password: counted per address and per email (429 past the limit), and an account
 * is locked for a while after repeated failures, never for ever. Every attempt is audited.
 */
@Singleton
class SignIn {
    static final int LOCK_AFTER_FAILURES = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);

    private final Accounts accounts;
    private final Passwords passwords;
    private final StaffSessions sessions;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;

    SignIn(Accounts accounts, Passwords passwords, StaffSessions sessions, RateLimiter limiter, AuditLog audit,
           Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
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

    Outcome attempt(String email, String password, String clientAddress, String kind) {
        String normalised = Accounts.normalise(email);
        OptionalLong wait = limiter.signIn("address:" + clientAddress);
        if (wait.isEmpty()) {
            wait = limiter.signIn("email:" + normalised);
        }
        if (wait.isPresent()) {
            audit.record(normalised, "sign-in refused", "", "too many attempts");
            return new Outcome.TooMany(wait.getAsLong());
        }
        Account account = accounts.byEmail(normalised).orElse(null);
        if (account == null) {
            passwords.spendTheSameTime(password);
            audit.record(normalised, "sign-in failed", "", "no such account");
            return new Outcome.Wrong();
        }
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            audit.record(normalised, "sign-in refused", "", "account locked");
            return new Outcome.Locked(Math.max(1, Duration.between(now, account.lockedUntil()).toMinutes() + 1));
        }
        accounts.clearExpiredLock(account.id());
        if (!passwords.matches(password, account.passwordHash())) {
            int failures = accounts.recordFailure(account.id(), LOCK_AFTER_FAILURES, now.plus(LOCK_FOR));
            audit.record(normalised, "sign-in failed", "", "wrong password (" + failures + " in a row)");
            return failures >= LOCK_AFTER_FAILURES ? new Outcome.Locked(LOCK_FOR.toMinutes()) : new Outcome.Wrong();
        }
        accounts.recordSuccess(account.id());
        Duration lifetime = kind.equals("api") ? StaffSessions.API_LIFETIME : StaffSessions.BROWSER_LIFETIME;
        String token = sessions.start(account.id(), kind, lifetime);
        audit.record(normalised, "sign-in", "", kind.equals("api") ? "API token" : "browser");
        return new Outcome.SignedIn(token, account);
    }
}
