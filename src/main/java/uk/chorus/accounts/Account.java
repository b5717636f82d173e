package uk.chorus.accounts;

/** A person who signs in. */
public record Account(long id, String email, String displayName, Role role, String passwordHash, boolean deactivated) {
}
