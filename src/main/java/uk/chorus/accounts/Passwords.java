package uk.chorus.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/**
 * Argon2id password hashes (password4j), with OWASP's minimum settings: 19 MiB of memory, two
 * passes, one lane. The hash string carries its settings, so they can be raised later.
 */
@Singleton
public class Passwords {
    static final int MINIMUM_LENGTH = 12;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    // Checked against when the email is unknown, so a wrong email takes as long as a wrong password.
    private final String decoy = hash("not a real password, only used to keep timing even");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String hash) {
        return Password.check(password, hash).with(ARGON2ID);
    }

    void spendTheSameTime(String password) {
        matches(password, decoy);
    }

    /** The message key saying why a new password is not good enough, or null when it is. */
    static String problemWith(String password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return "password.too.short";
        }
        if (password.length() > 200) {
            return "password.too.long";
        }
        return null;
    }
}
