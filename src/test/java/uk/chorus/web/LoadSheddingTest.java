package uk.chorus.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Past the in-flight limit (zero here) every request is answered at once with 503 and Retry-After. */
@MicronautTest(transactional = false)
class LoadSheddingTest extends ChorusTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.max-in-flight", "0");
    }

    @Test
    void aServiceAtItsLimitSaysItIsBusyAndStoresNothing() {
        String before = databaseState();
        Browser.Page page = browser().post("/s/family-voice-2026/start");
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("2");
        assertThat(page.heading()).isEqualTo("Sorry, the service is busy");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        Api.Reply api = api().postJson("/api/v1/surveys/family-voice-2026/responses",
                "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answers\": {}}");
        assertThat(api.status()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).contains("2");
        assertThat(api.body()).contains("The service is busy");
        assertThat(databaseState()).isEqualTo(before);

        // Health checks and styles are never shed, so a load balancer still sees the instance.
        assertThat(api().get("/health").status()).isEqualTo(200);
        assertThat(browser().asset("/assets/chorus/chorus.css").status()).isEqualTo(200);
    }
}
