package uk.chorus.responses;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * The resume codes "Start now" has handed out. A draft can only begin under one of them, so
 * nobody can make up a well-formed code, hand it out as a link and later read what the family
 * typed under it. Only digests are kept, and only until a week after issue (page 1 saved by then
 * or never).
 */
@Singleton
@Connectable
class IssuedCodes {
    static final Duration KEPT_FOR = Duration.ofDays(7);
    private final JdbcOperations jdbc;

    IssuedCodes(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void issue(String code, String surveyId) {
        jdbc.prepareStatement("INSERT INTO issued_codes (code_digest, survey_id) VALUES (?, ?) "
                + "ON CONFLICT (code_digest) DO NOTHING", ps -> {
            ps.setBytes(1, digest(code));
            ps.setString(2, surveyId);
            return ps.executeUpdate();
        });
    }

    /** Whether the service issued this code for this survey within the last week. */
    boolean issued(String code, String surveyId) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM issued_codes WHERE code_digest = ? "
                + "AND survey_id = ? AND issued_at > now() - make_interval(secs => ?))", ps -> {
            ps.setBytes(1, digest(code));
            ps.setString(2, surveyId);
            ps.setDouble(3, KEPT_FOR.toSeconds());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    int forgetOlderThan(Duration age) {
        return jdbc.prepareStatement("DELETE FROM issued_codes WHERE issued_at < now() - make_interval(secs => ?)",
                ps -> {
                    ps.setDouble(1, age.toSeconds());
                    return ps.executeUpdate();
                });
    }

    private static byte[] digest(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
