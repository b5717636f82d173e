package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The places a person has signed in from before: their client address, and the device cookie a
 * browser is given on signing in. Following OWASP's device-cookie advice, attempts from a known
 * place are not held back by the per-email limit that a stranger can fill from anywhere; only
 * digests of (email, place) are kept.
 */
@Singleton
@Connectable
class KnownPlaces {
    static final String DEVICE_COOKIE = "chorus_device";
    static final Duration REMEMBERED_FOR = Duration.ofDays(90);
    private final JdbcOperations jdbc;

    KnownPlaces(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    boolean known(String email, String clientAddress, @Nullable String device) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM sign_in_known WHERE key_hash IN (?, ?) "
                + "AND last_success > now() - make_interval(secs => ?))", ps -> {
            ps.setString(1, addressKey(email, clientAddress));
            ps.setString(2, device == null || device.length() > 100 ? "" : deviceKey(email, device));
            ps.setDouble(3, REMEMBERED_FOR.toSeconds());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    void remember(String email, String clientAddress, @Nullable String device) {
        record(addressKey(email, clientAddress));
        if (device != null && device.length() <= 100) {
            record(deviceKey(email, device));
        }
    }

    private void record(String key) {
        jdbc.prepareStatement("INSERT INTO sign_in_known (key_hash) VALUES (?) "
                + "ON CONFLICT (key_hash) DO UPDATE SET last_success = now()", ps -> {
            ps.setString(1, key);
            return ps.executeUpdate();
        });
    }

    @Scheduled(fixedDelay = "6h", initialDelay = "30m")
    void forgetOld() {
        jdbc.prepareStatement("DELETE FROM sign_in_known WHERE last_success < now() - make_interval(secs => ?)", ps -> {
            ps.setDouble(1, REMEMBERED_FOR.toSeconds());
            return ps.executeUpdate();
        });
    }

    private static String addressKey(String email, String clientAddress) {
        return Tokens.hash("address|" + email + "|" + clientAddress);
    }

    private static String deviceKey(String email, String device) {
        return Tokens.hash("device|" + email + "|" + device);
    }
}
