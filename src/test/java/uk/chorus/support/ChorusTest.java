package uk.chorus.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Base for integration tests: the whole service on a random port, on its own fresh database,
 * serving the shipped surveys unless a test class names another folder.
 * Subclasses carry {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ChorusTest implements TestPropertyProvider {
    /** Every test service starts with this administrator (tests may name their own instead). */
    public static final String TEST_ADMIN = "test-admin@example.org";
    public static final String TEST_ADMIN_PASSWORD = "test admin passphrase";

    protected final String databaseUrl = TestDatabase.fresh();
    /** Each test class has its own search index, as each database is its own. */
    protected final java.nio.file.Path dataDir = tempDirectory();

    @Inject
    protected EmbeddedServer server;

    /** The folder of survey files this test serves; the shipped ones by default. */
    protected String surveysDir() {
        return "surveys";
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", databaseUrl);
        properties.put("datasources.default.username", TestDatabase.USER);
        properties.put("datasources.default.password", TestDatabase.PASSWORD);
        properties.put("chorus.surveys.dir", surveysDir());
        properties.put("chorus.data-dir", dataDir.toString());
        properties.put("micronaut.server.port", "-1");
        // Every test talks from 127.0.0.1; rate limits have their own test.
        properties.put("chorus.rate-limits.pages-per-minute", "0");
        properties.put("chorus.rate-limits.new-drafts-per-minute", "0");
        properties.put("chorus.rate-limits.api-per-minute", "0");
        properties.put("chorus.rate-limits.feedback-per-minute", "0");
        properties.put("chorus.rate-limits.sign-in-per-minute", "0");
        properties.put("chorus.admin.email", TEST_ADMIN);
        properties.put("chorus.admin.password", TEST_ADMIN_PASSWORD);
        // Surveys open to families only once they have a person to contact.
        properties.put("chorus.site.contact-email", "send.coproduction@example.org");
        // A publish request waits for its disclosure check however loaded the machine is; the
        // progress page has its own test (PublishingChecksTest).
        properties.put("chorus.results.publish-patience", "120s");
        properties.putAll(extraProperties());
        return properties;
    }

    private static java.nio.file.Path tempDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("chorus-test-data-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected Browser browser() {
        return new Browser(server.getURI());
    }

    protected Api api() {
        return new Api(server.getURI());
    }

    /** A bearer token for the test administrator. */
    protected String adminToken() {
        return api().token(TEST_ADMIN, TEST_ADMIN_PASSWORD);
    }

    protected long count(String sql) {
        try (Connection connection = TestDatabase.connect(databaseUrl);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected String queryText(String sql) {
        try (Connection connection = TestDatabase.connect(databaseUrl);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint of every stored row, to prove a refused request wrote nothing. */
    protected String databaseState() {
        return queryText("SELECT (SELECT count(*) FROM responses) || '/' || (SELECT count(*) FROM drafts) || '/' || "
                + "(SELECT coalesce(md5(string_agg(answers::text, ',' ORDER BY id)), '') FROM drafts) || '/' || "
                + "(SELECT coalesce(md5(string_agg(answers::text, ',' ORDER BY id)), '') FROM responses)");
    }
}
