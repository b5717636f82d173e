package uk.chorus.database;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup procedure in the README, done for real: pg_dump of a live database, pg_restore into a
 * fresh one, and every response, draft and survey version found intact there.
 */
@MicronautTest(transactional = false)
class BackupRestoreTest extends ChorusTest {
    private static final String CONTENTS = "SELECT "
            + "(SELECT count(*) FROM responses) || '/' || (SELECT count(*) FROM drafts) || '/' "
            + "|| (SELECT count(*) FROM survey_versions) || '/' "
            + "|| (SELECT md5(string_agg(reference || answers::text, ',' ORDER BY id)) FROM responses) || '/' "
            + "|| (SELECT md5(string_agg(resume_code || answers::text || furthest_page, ',' ORDER BY id)) FROM drafts)"
            + " || '/' || (SELECT md5(string_agg(definition::text, ',' ORDER BY id)) FROM survey_versions)";

    private static String libpq(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^jdbc:", "").replace("postgresql://", "postgresql://" + TestDatabase.USER + "@");
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static String contents(String url) throws Exception {
        try (Connection connection = TestDatabase.connect(url);
             ResultSet rs = connection.createStatement().executeQuery(CONTENTS)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @org.junit.jupiter.api.BeforeAll
    void needsPostgresClientTools() {
        boolean present = onPath("pg_dump") && onPath("pg_restore");
        if (System.getenv("CI") != null) {
            assertThat(present).as("pg_dump and pg_restore on the PATH").isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present,
                "pg_dump and pg_restore (PostgreSQL's client tools) are needed to test backups");
    }

    private static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, name))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aDumpRestoresEveryResponseAndDraftIntoAFreshDatabase() throws Exception {
        Browser browser = browser();
        String page1 = browser.post("/s/big-bang-2026/start").location();
        browser.post(page1, "age_band", "16-18", "ehcp_status", "ehcp");
        String unfinished = page1.split("/")[3];
        assertThat(api().postJson("/api/v1/surveys/family-voice-2026/responses", "{\"submissionId\": \""
                + UUID.randomUUID() + "\", \"answers\": {\"ehcp_status\": \"neither\", \"child_age\": \"5-10\", "
                + "\"primary_need\": \"slcn\", \"school_phase\": \"primary\", \"needs_met_education\": \"agree\", "
                + "\"needs_met_health\": \"agree\", \"needs_met_care\": \"agree\", \"local_offer_aware\": \"no\", "
                + "\"transition_recent\": \"no\", \"feel_listened_to\": \"agree\", \"recommend_support\": 9, "
                + "\"biggest_difference\": \"Speech therapy in school — “sooner”.\"}}").status()).isEqualTo(201);

        Path dump = Files.createTempFile("chorus-backup-", ".dump");
        run(List.of("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, "--dbname=" + libpq(databaseUrl)));
        String restored = TestDatabase.empty();
        run(List.of("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + libpq(restored), dump.toString()));

        assertThat(contents(restored)).isEqualTo(contents(databaseUrl)).startsWith("1/1/2/");
        try (Connection connection = TestDatabase.connect(restored);
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT answers->>'age_band' FROM drafts WHERE resume_code = '" + unfinished + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("16-18");
        }
        // A service started on the restored database builds its own search index from it.
        try (var restoredService = io.micronaut.context.ApplicationContext.run(
                io.micronaut.runtime.server.EmbeddedServer.class, java.util.Map.of(
                        "datasources.default.url", restored, "datasources.default.username", TestDatabase.USER,
                        "datasources.default.password", TestDatabase.PASSWORD, "micronaut.server.port", -1,
                        "chorus.surveys.dir", "surveys",
                        "chorus.data-dir", Files.createTempDirectory("chorus-restored-").toString()))) {
            var follower = restoredService.getApplicationContext().getBean(uk.chorus.themes.IndexFollower.class);
            assertThat(follower.awaitCurrent(20_000)).isTrue();
            var search = restoredService.getApplicationContext().getBean(uk.chorus.themes.CommentSearch.class);
            var found = search.search(new uk.chorus.themes.CommentSearch.Request("sooner", java.util.Map.of(), null, null,
                    null, uk.chorus.themes.CommentSearch.Order.NEWEST, 1, java.util.Set.of()), java.util.Map.of());
            assertThat(found.hits()).extracting(uk.chorus.themes.CommentSearch.Hit::text)
                    .containsExactly("Speech therapy in school — “sooner”.");
        }
        Files.deleteIfExists(dump);
    }
}
