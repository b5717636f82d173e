package uk.chorus.themes;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Api;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The learned tagger through HTTP: it tags what the rules' words miss and says why, leads' decisions
 * teach it (later tags change), and each theme shows how often it and the leads agree.
 */
@MicronautTest(transactional = false)
class LearnedThemesTest extends ChorusTest {
    /** Words about a volunteer scheme no definition and no shipped example connects with personal budgets. */
    private static final String[] KESTREL = {
            "The kestrel volunteers walk with my son along the river every Saturday morning.",
            "Our kestrel volunteer walks by the river with my daughter on Saturday mornings.",
            "A kestrel volunteer takes my boy for a walk along the river each Saturday."};
    private static final String LATER = "Every Saturday a kestrel volunteer walks along the river with my son.";
    /** Indexed before any lead decided: the retrained tagger must reach it without a rebuild. */
    private static final String EARLIER = "On Saturdays the kestrel volunteers take my son walking by the river.";
    private StaffClient lead;
    private String leadToken;
    private final List<String> kestrel = new ArrayList<>();

    private static String family(String words) {
        return "{\"ehcp_status\": \"ehcp\", \"child_age\": \"5-10\", \"primary_need\": \"asd\", "
                + "\"school_phase\": \"primary\", \"needs_met_education\": \"agree\", \"needs_met_health\": \"agree\", "
                + "\"needs_met_care\": \"agree\", \"local_offer_aware\": \"no\", \"transition_recent\": \"no\", "
                + "\"feel_listened_to\": \"agree\", \"recommend_support\": 6, \"annual_review_involved\": \"agree\", "
                + "\"biggest_difference\": \"" + words + "\"}";
    }

    @BeforeAll
    void comments() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        leadToken = StaffFixture.token(server.getURI(), "lead@example.org", StaffFixture.PASSWORD);
        for (String words : KESTREL) {
            kestrel.add("r:" + count("SELECT id FROM responses WHERE reference = '"
                    + StaffFixture.respond(server.getURI(), "family-voice-2026", family(words)) + "'") + ":biggest_difference");
        }
        StaffFixture.respond(server.getURI(), "family-voice-2026", family(EARLIER));
        // Said in families' own words, with none of the definition's: nobody listens.
        StaffFixture.respond(server.getURI(), "family-voice-2026",
                family("I rang the SEND team for months and nobody ever got back to me."));
        waitFor(() -> search("kestrel").contains("each Saturday") && search("kestrel").contains("On Saturdays")
                && search("rang").contains("got back"));
    }

    @Test
    void theLearnedModelTagsWhatTheWordsMissAndSaysWhy() {
        Api.Reply reply = tag("I rang the SEND team for months and nobody ever got back to me.");
        assertThat(reply.status()).isEqualTo(200);
        // No word of the communication definition is there; the tag comes with the example comments it is like.
        assertThat(reply.body()).containsPattern("\\{\"id\":\"communication\",\"matched\":\\[],\"similar\":\\[\"[^\"]+");
        // Stored with the comment at index time, so it counts where themes count.
        assertThat(lead.get("/staff/themes/search?theme=communication").text()).contains("nobody ever got back to me");
        // Rule tags keep their words and no "similar".
        assertThat(tag("We need respite").body()).contains("{\"id\":\"short-breaks\",\"matched\":[\"respite\"]}");
    }

    @Test
    void aLeadsDecisionsTeachTheTaggerAndChangeLaterTags() {
        assertThat(tag(LATER).body()).doesNotContain("personal-budgets");
        assertThat(lead.get("/staff/themes/search?theme=personal-budgets").text()).doesNotContain("On Saturdays the kestrel");
        assertThat(lead.get("/staff/themes/personal-budgets/edit").text())
                .contains("No lead has said yet whether a comment is about this theme");

        for (String id : kestrel) {
            assertThat(lead.post("/staff/themes/comments/" + id + "/themes/personal-budgets", "decision", "confirm")
                    .status()).isEqualTo(303);
        }
        // Trained again in the background: the same words from another family are now tagged, with the
        // leads' comments as the reason.
        waitFor(() -> tag(LATER).body().contains("\"id\":\"personal-budgets\""));
        assertThat(tag(LATER).body()).contains("kestrel volunteer");
        // And a comment indexed later is counted under the theme.
        StaffFixture.respond(server.getURI(), "family-voice-2026", family(LATER));
        waitFor(() -> lead.get("/staff/themes/search?theme=personal-budgets").text().contains("Every Saturday a kestrel"));
        // And the comment indexed before the decisions is retagged in the background, with no rebuild.
        waitFor(() -> lead.get("/staff/themes/search?theme=personal-budgets").text().contains("On Saturdays the kestrel"));

        // The theme shows how often the tagger and the leads agree (the tagger had tagged none of the three).
        String page = lead.get("/staff/themes/personal-budgets/edit").text();
        assertThat(page).contains("Leads have decided about 3 comments for this theme")
                .containsPattern("Of the comments leads put under this theme, the tagger found \\d of 3");
    }

    private Api.Reply tag(String text) {
        return api().post("/api/v1/themes/tag", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}"), leadToken);
    }

    private String search(String words) {
        return lead.get("/staff/themes/search?q=" + words).text();
    }

    private static void waitFor(BooleanSupplier done) {
        await("the learned tagger and the search index").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(done::getAsBoolean);
    }
}
