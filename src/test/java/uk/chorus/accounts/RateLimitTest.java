package uk.chorus.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in and the public answer endpoints slow down a client that sends too much: 429 with Retry-After. */
@MicronautTest(transactional = false)
class RateLimitTest extends ChorusTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.rate-limits.sign-in-per-minute", "3", "chorus.rate-limits.public-per-minute", "5");
    }

    @Test
    void tooManySignInsAreRefusedWithRetryAfter() {
        StaffClient client = new StaffClient(server.getURI());
        for (int i = 0; i < 3; i++) {
            assertThat(client.signIn("nobody@example.org", "wrong password").status()).isEqualTo(422);
        }
        Browser.Page limited = client.signIn("nobody@example.org", "wrong password");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.text()).contains("Too many attempts");
    }

    @Test
    void tooManyAnswersFromOneAddressAreRefusedWithRetryAfter() {
        Browser browser = browser();
        int limitedAt = -1;
        for (int i = 0; i < 10 && limitedAt < 0; i++) {
            var reply = api().postJson("/api/v1/surveys/family-voice-2026/responses",
                    "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answers\": {}}");
            if (reply.status() == 429) {
                limitedAt = i;
                assertThat(reply.headers().firstValue("Retry-After")).isPresent();
                assertThat(reply.body()).contains("Too many requests");
            }
        }
        assertThat(limitedAt).isBetween(0, 5);
        Browser.Page page = browser.post("/s/family-voice-2026/start");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.heading()).isEqualTo("Too many requests");
        // Reading pages is never limited.
        assertThat(browser.get("/s/family-voice-2026").status()).isEqualTo(200);
    }
}
