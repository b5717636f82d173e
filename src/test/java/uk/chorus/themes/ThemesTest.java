package uk.chorus.themes;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search and themes through the staff pages and the API, on comments sent the way families send
 * them: synonyms, marked matches, filters with counts, a lead's decision that survives a rebuild,
 * erasure leaving the index, permissions on a young people's survey, the theme editor's preview,
 * what is new, and the tagging API.
 */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ThemesTest extends ChorusTest {
    private StaffClient lead;
    private StaffClient otherLead;
    private String leadToken;
    private String respite;
    private String youngPerson;

    private static String family(String words, String ehcp) {
        return "{\"ehcp_status\": \"" + ehcp + "\", \"child_age\": \"5-10\", \"primary_need\": \"asd\", "
                + "\"school_phase\": \"primary\", \"needs_met_education\": \"agree\", \"needs_met_health\": \"agree\", "
                + "\"needs_met_care\": \"agree\", \"local_offer_aware\": \"no\", \"transition_recent\": \"no\", "
                + "\"feel_listened_to\": \"agree\", \"recommend_support\": 6, "
                + (ehcp.equals("ehcp") ? "\"annual_review_involved\": \"agree\", " : "")
                + "\"biggest_difference\": \"" + words + "\"}";
    }

    @BeforeAll
    void commentsAndPeople() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        otherLead = StaffFixture.invite(server.getURI(), admin, "other@example.org", "lead");
        assertThat(admin.post("/staff/accounts/leads", "survey", "big-bang-2026", "lead", "lead@example.org").status())
                .isEqualTo(303);
        leadToken = StaffFixture.token(server.getURI(), "lead@example.org", StaffFixture.PASSWORD);
        respite = StaffFixture.respond(server.getURI(), "family-voice-2026",
                family("We have had no respite for two years and I am exhausted.", "ehcp"));
        StaffFixture.respond(server.getURI(), "family-voice-2026",
                family("The education health and care plan took a year to finalise.", "sen-support"));
        StaffFixture.respond(server.getURI(), "family-voice-2026",
                family("Waiting lists for speech therapy are far too long.", "sen-support"));
        for (int i = 0; i < 6; i++) {
            StaffFixture.respond(server.getURI(), "family-voice-2026",
                    family("The trampoline club " + i + " closed and nothing replaced it.", "neither"));
        }
        youngPerson = StaffFixture.respond(server.getURI(), "big-bang-2026", StaffFixture.BIG_BANG_ANSWERS
                .replace("Later buses.", "The respite club is the best bit of my week."));
        waitFor(() -> search("buses|week|trampoline|respite|finalise|speech").contains("best bit of my week"));
    }

    /** The search page's text for some words, as the lead sees it. */
    private String search(String words) {
        return lead.get("/staff/themes/search?q=" + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8))
                .text();
    }

    /** The first comment waits for the embedding model to load, which a busy machine takes tens of seconds over. */
    private static void waitFor(BooleanSupplier done) {
        await("the search index to show the change").atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(done::getAsBoolean);
    }

    @Test
    void synonymsFindEveryWayOfSayingItAndTheMatchesAreMarked() {
        Document ehcp = lead.get("/staff/themes/search?q=EHCP").document();
        assertThat(ehcp.select(".chorus-comment p.chorus-prose").eachText())
                .containsExactly("The education health and care plan took a year to finalise.");
        assertThat(ehcp.select(".chorus-comment mark").eachText()).contains("education health and care plan");
        Document shortBreaks = lead.get("/staff/themes/search?q=%22short+breaks%22").document();
        assertThat(shortBreaks.select(".chorus-comment p.chorus-prose").eachText())
                .contains("We have had no respite for two years and I am exhausted.");
        assertThat(shortBreaks.select(".chorus-comment mark").eachText()).contains("respite");
        // Stems: "waits" finds "Waiting".
        assertThat(search("waits")).contains("Waiting lists for speech therapy");
    }

    @Test
    void filtersCountEveryValueAndNarrowTheComments() {
        Document page = lead.get("/staff/themes/search?q=respite").document();
        assertThat(facet(page, "Support (EHCP or SEN Support)")).contains("Education, Health and Care plan (EHCP) (1)");
        assertThat(facet(page, "Survey")).contains("Family Voice survey 2026 (1)", "Big Bang survey 2026 (1)");
        Document filtered = lead.get("/staff/themes/search?q=respite&survey=big-bang-2026").document();
        assertThat(filtered.select(".chorus-comment p.chorus-prose").eachText())
                .containsExactly("The respite club is the best bit of my week.");
        assertThat(filtered.text()).contains("Remove \"Big Bang survey 2026\"");
        // Themes are counted under the same search.
        assertThat(facet(page, "Themes (comments)")).contains("Short breaks and respite (2)");
    }

    @Test
    void youngPeoplesWordsAreOnlyForTheLeadsAssignedToThem() {
        assertThat(search("respite")).contains("best bit of my week");
        String other = otherLead.get("/staff/themes/search?q=respite").text();
        assertThat(other).doesNotContain("best bit of my week").contains("no respite for two years")
                .contains("Young people's surveys you are not assigned to are left out.");
        String id = "r:" + responseId(youngPerson) + ":one_change";
        assertThat(otherLead.get("/staff/themes/comments/" + id).status()).isEqualTo(404);
        assertThat(lead.get("/staff/themes/comments/" + id).status()).isEqualTo(200);
        assertThat(new Api(server.getURI()).get("/api/v1/search?q=respite").status()).isEqualTo(401);
        String otherToken = StaffFixture.token(server.getURI(), "other@example.org", StaffFixture.PASSWORD);
        assertThat(api().get("/api/v1/search?q=respite", otherToken).body()).doesNotContain("best bit of my week");
        assertThat(api().get("/api/v1/search?q=respite", leadToken).body()).contains("best bit of my week");
    }

    @Test
    void aLeadsDecisionWinsAndSurvivesARebuild() {
        String id = "r:" + responseId(respite) + ":biggest_difference";
        Document comment = lead.get("/staff/themes/comments/" + id).document();
        Element card = card(comment, "Short breaks and respite");
        assertThat(card.text()).contains("Matched by: respite");
        Browser.Page rejected = lead.post("/staff/themes/comments/" + id + "/themes/short-breaks", "decision", "reject");
        assertThat(rejected.status()).isEqualTo(303);
        waitFor(() -> !themeComments("short-breaks").contains("no respite for two years"));
        Browser.Page confirmed = lead.post("/staff/themes/comments/" + id + "/themes/communication", "decision", "confirm");
        assertThat(confirmed.status()).isEqualTo(303);
        waitFor(() -> themeComments("communication").contains("no respite for two years"));
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'theme decision'")).isEqualTo(2);

        assertThat(lead.post("/staff/themes/index/rebuild").status()).isEqualTo(303);
        waitFor(() -> !lead.get("/staff/themes/index").text().contains("still running")
                && lead.get("/staff/themes/index").text().contains("finished"));
        assertThat(themeComments("short-breaks")).doesNotContain("no respite for two years")
                .contains("best bit of my week");
        assertThat(themeComments("communication")).contains("no respite for two years");
        // Taken back: the definition decides again.
        lead.post("/staff/themes/comments/" + id + "/themes/short-breaks", "decision", "clear");
        waitFor(() -> themeComments("short-breaks").contains("no respite for two years"));
    }

    @Test
    void erasingAResponseTakesItsWordsOutOfTheIndexAndItsCounts() {
        String reference = StaffFixture.respond(server.getURI(), "family-voice-2026",
                family("Please erase my words about the hydrotherapy pool.", "ehcp"));
        waitFor(() -> search("hydrotherapy").contains("hydrotherapy pool"));
        Browser.Page erased = lead.post("/staff/requests/erase", "code", reference, "action", "erase", "reason",
                "Asked to be forgotten");
        assertThat(erased.location()).isEqualTo("/staff/requests?done=erased");
        waitFor(() -> !search("hydrotherapy").contains("hydrotherapy pool"));
        assertThat(search("hydrotherapy")).contains("0 comments");
    }

    @Test
    // Last: the theme it adds covers the trampoline comments that "what is new" flags as uncovered.
    @org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 1)
    void theEditorPreviewsADefinitionAndANewThemeIsCountedAtOnce() {
        Browser.Page preview = lead.post("/staff/themes/save", "adding", "yes", "id", "play-clubs", "name", "Play clubs",
                "description", "Clubs and places to play.", "definition", "trampoline | \"play club\"", "preview", "yes");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text()).contains("6 comments from 6 people");
        assertThat(preview.document().select(".chorus-comment mark").eachText()).contains("trampoline");
        assertThat(count("SELECT count(*) FROM themes WHERE id = 'play-clubs'")).isZero();

        Browser.Page bad = lead.post("/staff/themes/save", "adding", "yes", "id", "Not An Id!", "name", "",
                "description", "x", "definition", "trampoline");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorSummary()).hasSize(2);

        assertThat(lead.post("/staff/themes/save", "adding", "yes", "id", "play-clubs", "name", "Play clubs",
                "description", "Clubs and places to play.", "definition", "trampoline | \"play club\"").status())
                .isEqualTo(303);
        Document dashboard = lead.get("/staff/themes").document();
        Element row = dashboard.select("tbody tr:has(th a:contains(Play clubs))").first();
        assertThat(row.select("td").eachText().subList(0, 2)).containsExactly("6", "6");
        assertThat(api().get("/api/v1/themes", leadToken).body()).contains("\"id\":\"play-clubs\"")
                .contains("\"people\":6");
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void whatIsNewShowsWhatNoThemeCoversFromEnoughPeople() {
        // The six families who said "neither" sent the same words (numbers aside): one campaign, flagged.
        Document page = lead.get("/staff/themes/whats-new?set=wave:2026&group=ehcp:neither").document();
        Element trampoline = page.select(".chorus-emerging:has(h3:contains(trampoline))").first();
        assertThat(trampoline).as(page.select(".chorus-emerging h3").eachText().toString()).isNotNull();
        assertThat(trampoline.text()).contains("Includes a campaign: the same words from 6 people, counted once.");
        // Said by one family only: never shown.
        assertThat(page.text()).doesNotContain("finalise");
    }

    @Test
    void theTaggingApiSaysWhichThemesTextWouldGetAndWhy() {
        Api.Reply reply = api().post("/api/v1/themes/tag", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\": \"We need respite and the CAMHS wait is awful\"}"),
                leadToken);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("{\"id\":\"short-breaks\",\"matched\":[\"respite\"]}")
                .contains("{\"id\":\"mental-health\",\"matched\":[\"camhs\"]}");
        assertThat(api().post("/api/v1/themes/tag", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"words\": 1}"), leadToken).status()).isEqualTo(400);
        assertThat(new Api(server.getURI()).post("/api/v1/themes/tag", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\": \"respite\"}")).status()).isEqualTo(401);
    }

    private String themeComments(String theme) {
        return lead.get("/staff/themes/search?theme=" + theme).text();
    }

    private static List<String> facet(Document page, String name) {
        Element heading = page.select("h2.govuk-heading-s:containsOwn(" + name + ")").first();
        assertThat(heading).as("filter " + name).isNotNull();
        return heading.nextElementSiblings().select("ul").first().select("li").eachText();
    }

    private static Element card(Document page, String theme) {
        return page.select(".govuk-summary-card:has(h3:containsOwn(" + theme + "))").first();
    }

    private long responseId(String reference) {
        return count("SELECT id FROM responses WHERE reference = '" + reference + "'");
    }
}
