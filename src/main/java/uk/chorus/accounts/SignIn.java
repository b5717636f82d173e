package uk.chorus.accounts;

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
 * while after repeated failures from one address, never for ever. An unknown email, a deactivated
 * account and a wrong password get the same answers, in the same time. Every attempt is audited.
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

    SignIn(Accounts accounts, Passwords passwords, StaffSessions sessions, SignInFailures failures,
           RateLimiter limiter, AuditLog audit, Clock clock) {
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
    Outcome attempt(String email, String password, String clientAddress, String kind) {
        String normalised = Accounts.normalise(email);
        OptionalLong wait = limiter.take(RateLimiter.Kind.SIGN_IN, "address:" + clientAddress);
        if (wait.isEmpty()) {
            wait = limiter.take(RateLimiter.Kind.SIGN_IN, "email:" + normalised);
        }
        if (wait.isPresent()) {
            audit.record(normalised, "sign-in refused", "", "too many attempts");
            return new Outcome.TooMany(wait.getAsLong());
        }
        Instant now = clock.instant();
        String key = SignInFailures.key(normalised, clientAddress);
        Optional<Instant> locked = failures.lockedUntil(key, now);
        if (locked.isPresent()) {
            audit.record(normalised, "sign-in refused", "", "locked after wrong passwords from this address");
            return new Outcome.Locked(Math.max(1, Duration.between(now, locked.get()).toMinutes() + 1));
        }
        Account account = accounts.byEmail(normalised).filter(a -> !a.deactivated()).orElse(null);
        boolean right = account == null ? spendTheSameTime(password) : passwords.matches(password, account.passwordHash());
        if (!right) {
            int inARow = failures.record(key, now);
            audit.record(normalised, "sign-in failed", "", (account == null ? "no such active account" : "wrong password")
                    + " (" + inARow + " in a row from this address)");
            return inARow >= SignInFailures.LOCK_AFTER ? new Outcome.Locked(SignInFailures.LOCK_FOR.toMinutes())
                    : new Outcome.Wrong();
        }
        failures.clear(key);
        var lifetime = kind.equals("api") ? StaffSessions.API_LIFETIME : StaffSessions.BROWSER_LIFETIME;
        String token = sessions.start(account.id(), kind, lifetime);
        audit.record(normalised, "sign-in", "", kind.equals("api") ? "API token" : "browser");
        return new Outcome.SignedIn(token, account);
    }

    private boolean spendTheSameTime(String password) {
        passwords.spendTheSameTime(password);
        return false;
    }
}
