package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A person who signs in. */
public record Account(long id, String email, String displayName, Role role, String passwordHash,
                      int failedSignIns, @Nullable Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
