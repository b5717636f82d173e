package uk.chorus.pledges;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing links: an organisation's public id and an HMAC-SHA256 of it under a key kept in the
 * database (made once, shared by every instance). Unguessable without the key, the same in an
 * invitation and every reminder, and never stored.
 */
@Singleton
class SigningLinks {
    private final JdbcOperations jdbc;
    private volatile byte[] key;

    SigningLinks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @io.micronaut.transaction.annotation.Transactional
    public String token(UUID linkId) {
        return linkId.toString().replace("-", "") + "." + mac(linkId);
    }

    /** The organisation's public id a token names, when the token is genuine. */
    @io.micronaut.transaction.annotation.Transactional
    public Optional<UUID> verify(String token) {
        if (token == null || !token.matches("[0-9a-f]{32}\\.[A-Za-z0-9_-]{22,64}")) {
            return Optional.empty();
        }
        String hex = token.substring(0, 32);
        UUID linkId = new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        boolean genuine = MessageDigest.isEqual(mac(linkId).getBytes(StandardCharsets.US_ASCII),
                token.substring(33).getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(linkId) : Optional.empty();
    }

    private String mac(UUID linkId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(linkId.toString().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // Whichever instance writes first decides; every instance then reads the same key.
        jdbc.prepareStatement("INSERT INTO pledge_keys (id, key) VALUES (1, ?) ON CONFLICT DO NOTHING", ps -> {
            ps.setBytes(1, fresh);
            return ps.executeUpdate();
        });
        key = jdbc.prepareStatement("SELECT key FROM pledge_keys WHERE id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        });
        return key;
    }
}
