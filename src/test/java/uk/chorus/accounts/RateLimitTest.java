package uk.chorus.accounts;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import uk.chorus.dataprotection.RetentionJob;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.TestDatabase;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each public path has its own limit per client address: sign-in, the response API, the pledge's
 * public forms, and new drafts. A whole class of a school sharing one address gets through; a
 * script does not. The service's clock is held still so every request falls in the same one-minute window (a test that
 * straddled a minute would otherwise see its counts reset).
 */
@MicronautTest(transactional = false)
class RateLimitTest extends ChorusTest {
    @jakarta.inject.Inject
    RetentionJob retention;
    @jakarta.inject.Inject
    io.micronaut.context.ApplicationContext context;
    @jakarta.inject.Inject
    uk.chorus.web.RateLimiter limiter;

    @Factory
    static class StillClock {
        @Singleton
        @Replaces(Clock.class)
        @Requires(property = "test.still-clock")
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-23T10:00:30Z"), ZoneId.of("Europe/London"));
        }
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.still-clock", "true", "chorus.trust-proxy", "true",
                "chorus.rate-limits.sign-in-per-minute", "3", "chorus.rate-limits.api-per-minute", "5",
                // The shipped default for new drafts, so both sides of it are tried.
                "chorus.rate-limits.new-drafts-per-minute", "120", "chorus.rate-limits.pages-per-minute", "600",
                "chorus.rate-limits.pledge-per-minute", "3", "chorus.rate-limits.feedback-per-minute", "4");
    }

    @Test
    void tooManySignInsAreRefusedWithRetryAfter() {
        StaffClient client = new StaffClient(server.getURI()).withHeader("X-Forwarded-For", "192.0.2.10");
        for (int i = 0; i < 3; i++) {
            assertThat(client.signIn("nobody@example.org", "wrong password").status()).isEqualTo(422);
        }
        Browser.Page limited = client.signIn("nobody@example.org", "wrong password");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("30");
        assertThat(limited.text()).contains("Too many attempts");
    }

    @Test
    void thePledgesPublicFormsHaveTheirOwnLimit() {
        StaffClient script = new StaffClient(server.getURI()).withHeader("X-Forwarded-For", "192.0.2.30");
        for (int i = 0; i < 3; i++) {
            assertThat(script.post("/pledges/no-such-pledge/join", "organisation", "Spam Ltd").status()).isNotEqualTo(429);
        }
        Browser.Page limited = script.post("/pledge/sign/not-a-token", "name", "Spam");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("30");
        // Reading is never limited, and another address is counted on its own.
        assertThat(script.get("/pledges/no-such-pledge/join").status()).isEqualTo(404);
        assertThat(new StaffClient(server.getURI()).withHeader("X-Forwarded-For", "192.0.2.31")
                .post("/pledges/no-such-pledge/join", "organisation", "Riverside Youth Club").status()).isNotEqualTo(429);
    }

    @Test
    void theApiHasItsOwnLimitAndLeavesSurveyPagesAlone() {
        int limitedAt = -1;
        for (int i = 0; i < 10 && limitedAt < 0; i++) {
            var reply = api().postJson("/api/v1/surveys/family-voice-2026/responses",
                    "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answers\": {}}");
            if (reply.status() == 429) {
                limitedAt = i;
                assertThat(reply.headers().firstValue("Retry-After")).contains("30");
                assertThat(reply.body()).contains("Too many requests");
            } else {
                assertThat(reply.status()).isEqualTo(422);
            }
        }
        assertThat(limitedAt).as("the request refused first (counting from 0)").isEqualTo(5);
        // The same address still answers survey pages: a different limit.
        Browser browser = browser();
        String page1 = browser.get("/s/family-voice-2026/begin").location();
        assertThat(browser.post(page1, "ehcp_status", "ehcp", "child_age", "5-10").status()).isEqualTo(303);
    }

    @Test
    void aSchoolClassStartsTogetherFromOneAddressButAScriptIsStopped() {
        Browser school = browser();
        String address = "198.51.100.77";
        int started = 0;
        int refusedAt = -1;
        for (int pupil = 0; pupil < 125 && refusedAt < 0; pupil++) {
            String page1 = school.get("/s/big-bang-2026/begin").location();
            Browser.Page saved = school.postWithHeaders(page1, Map.of("X-Forwarded-For", address),
                    "age_band", "11-15");
            if (saved.status() == 429) {
                refusedAt = pupil;
                assertThat(saved.headers().firstValue("Retry-After")).isPresent();
                assertThat(saved.heading()).isEqualTo("Too many requests");
            } else {
                assertThat(saved.status()).isEqualTo(303);
                started++;
            }
        }
        // 30 pupils at once is a quarter of the limit; the 121st new draft in a minute is refused.
        assertThat(started).isEqualTo(120);
        assertThat(refusedAt).isEqualTo(120);
        // Reading pages is never limited, and pupils who started carry on.
        assertThat(school.get("/s/big-bang-2026").status()).isEqualTo(200);
        Browser other = browser();
        String elsewhere = other.get("/s/big-bang-2026/begin").location();
        assertThat(other.postWithHeaders(elsewhere, Map.of("X-Forwarded-For", "203.0.113.200"), "age_band", "16-18")
                .status()).as("another address").isEqualTo(303);
    }

    @Test
    void aTrailingSlashOrAnotherSpellingOfTheRouteIsCountedTheSame() {
        // The review: 40 posts to /api/v1/feedback/ in 28 s were stored against a limit of 30.
        int refusedAt = -1;
        String[] spellings = {"/api/v1/feedback/", "/api/v1/feedback", "/api/v1//feedback", "/api/v1/feedback//"};
        for (int i = 0; i < 12 && refusedAt < 0; i++) {
            Api.Reply reply = new Api(server.getURI()).withHeader("X-Forwarded-For", "192.0.2.40")
                    .postJson(spellings[i % spellings.length], "{\"channel\": \"local-offer\", \"comment\": \"x\"}");
            if (reply.status() == 429) {
                refusedAt = i;
            }
        }
        assertThat(refusedAt).as("the request refused first (counting from 0)").isEqualTo(4);

        // And the response API: 320 posts to a trailing-slash path were not counted at all.
        int apiRefusedAt = -1;
        for (int i = 0; i < 10 && apiRefusedAt < 0; i++) {
            String path = i % 2 == 0 ? "/api/v1/surveys/family-voice-2026/responses/"
                    : "/api/v1/surveys/family-voice-2026/responses%2F";
            Api.Reply reply = new Api(server.getURI()).withHeader("X-Forwarded-For", "192.0.2.41")
                    .postJson(path, "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answers\": {}}");
            if (reply.status() == 429) {
                apiRefusedAt = i;
            }
        }
        assertThat(apiRefusedAt).isEqualTo(5);
    }

    @Test
    void theClientAddressIsTheRightmostHopNotWhateverTheClientWroteOnTheLeft() {
        // The review: behind a proxy, a new leftmost X-Forwarded-For value for every request dodged
        // every per-address limit. Our proxy appends the real address on the right.
        StaffClient script = new StaffClient(server.getURI());
        int refusedAt = -1;
        for (int i = 0; i < 6 && refusedAt < 0; i++) {
            Browser.Page page = script.withHeader("X-Forwarded-For", "10.9.9." + i + ", 192.0.2.50")
                    .signIn("rotating@example.org", "wrong password");
            if (page.status() == 429) {
                refusedAt = i;
            }
        }
        assertThat(refusedAt).isEqualTo(3);
    }

    @Test
    void strangersSendingWrongPasswordsFromElsewhereDoNotLockAPersonOut() {
        String home = "192.0.2.60";
        StaffClient person = new StaffClient(server.getURI()).withHeader("X-Forwarded-For", home);
        assertThat(person.signIn(TEST_ADMIN, TEST_ADMIN_PASSWORD).status()).isEqualTo(303);
        // Wrong passwords for the same email from many addresses: more than the per-email limit.
        for (int i = 0; i < 8; i++) {
            new StaffClient(server.getURI()).withHeader("X-Forwarded-For", "203.0.113." + (10 + i))
                    .signIn(TEST_ADMIN, "not the password");
        }
        Browser.Page stranger = new StaffClient(server.getURI()).withHeader("X-Forwarded-For", "203.0.113.99")
                .signIn(TEST_ADMIN, "still not the password");
        assertThat(stranger.status()).as("guessing from a new address is still held back").isEqualTo(429);
        StaffClient again = new StaffClient(server.getURI()).withHeader("X-Forwarded-For", home);
        assertThat(again.signIn(TEST_ADMIN, TEST_ADMIN_PASSWORD).status())
                .as("the person signs in from where they signed in before").isEqualTo(303);
        // From a new address, the browser that signed in before (its device cookie) gets in too.
        Browser.Page travelling = person.withHeader("X-Forwarded-For", "198.51.100.61")
                .signIn(TEST_ADMIN, TEST_ADMIN_PASSWORD);
        assertThat(travelling.status()).isEqualTo(303);
    }

    @Test
    void aFloodOfRefusedSignInsDoesNotGrowTheAuditLogWithTheAttackersWords() {
        // The review: every rate-limited sign-in was written, with a 217-character actor of their choosing.
        String chosen = "x".repeat(205) + "@example.org";
        long before = count("SELECT count(*) FROM audit_log");
        StaffClient attacker = new StaffClient(server.getURI()).withHeader("X-Forwarded-For", "192.0.2.70");
        for (int i = 0; i < 40; i++) {
            attacker.signIn(chosen, "x");
        }
        assertThat(count("SELECT count(*) FROM audit_log") - before).as("rows written for 40 attempts")
                .isLessThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM audit_log WHERE actor LIKE 'xxxx%' OR detail LIKE '%xxxx%'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE actor = 'unknown email' AND action = 'sign-in refused'"))
                .isPositive();
    }

    @Test
    void theAuditLogIsPurgedPastItsRetentionAndOnlyThen() throws Exception {
        try (var connection = TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
            connection.createStatement().execute("INSERT INTO audit_log (at, actor, action, subject) VALUES "
                    + "(now() - interval '800 days', 'old@example.org', 'probe', 'ancient'), "
                    + "(now() - interval '200 days', 'old@example.org', 'probe', 'this year')");
            connection.createStatement().execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
            // Nobody deletes an entry by hand, old or new.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> connection.createStatement()
                    .execute("DELETE FROM audit_log WHERE subject = 'ancient'")).hasMessageContaining("append-only");
            // The purge, even asked to keep only 30 days, removes nothing under a year old.
            connection.setAutoCommit(false);
            connection.createStatement().execute("SELECT set_config('chorus.audit_purge', 'on', true), "
                    + "set_config('chorus.audit_keep_days', '30', true)");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> connection.createStatement()
                    .execute("DELETE FROM audit_log WHERE subject = 'this year' OR action = 'sign-in'"))
                    .hasMessageContaining("append-only");
            connection.rollback();
            connection.setAutoCommit(true);
        }
        retention.runNow();
        assertThat(count("SELECT count(*) FROM audit_log WHERE subject = 'ancient'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE subject = 'this year'")).isEqualTo(1);
        assertThat(queryText("SELECT detail FROM audit_log WHERE action = 'retention deletion' AND subject = 'audit log'"))
                .isEqualTo("1 entries older than 24 months");
    }

    @Test
    void twoInstancesShareOneLimit() {
        // A second instance on the same database: a client spreading requests over both is held to one limit.
        uk.chorus.web.RateLimiter secondInstance = context.createBean(uk.chorus.web.RateLimiter.class);
        var kind = uk.chorus.web.RateLimiter.Kind.SIGN_IN;
        assertThat(limiter.take(kind, "shared:192.0.2.80")).isEmpty();
        assertThat(limiter.take(kind, "shared:192.0.2.80")).isEmpty();
        assertThat(secondInstance.take(kind, "shared:192.0.2.80")).isEmpty();
        limiter.sync();
        secondInstance.sync();
        assertThat(secondInstance.take(kind, "shared:192.0.2.80")).as("the fourth of a limit of 3").isPresent();
        assertThat(secondInstance.take(kind, "shared:192.0.2.81")).as("another client").isEmpty();
        assertThat(count("SELECT count(*) FROM rate_windows WHERE window_key LIKE '%192.0.2%'"))
                .as("only digests are stored").isZero();
    }
}
