package uk.chorus.accounts;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
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
                "chorus.rate-limits.pledge-per-minute", "3");
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
}
