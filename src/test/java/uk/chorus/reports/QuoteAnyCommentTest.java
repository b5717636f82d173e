package uk.chorus.reports;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.browser.HtmlChecker;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Any comment can be quoted: a lead finds one by search (or under a theme), proposes it, picks the
 * report and the theme, and it goes through the same quote check as a suggested quote. Reports
 * accept any comment the lead may read, in their period and sources and counted under the theme;
 * and the staff menu's Reports link opens reports each role can read.
 */
@MicronautTest(transactional = false)
class QuoteAnyCommentTest extends ChorusTest {
    /** Too short to be suggested as typical (under six words), so only a proposal brings it to a report. */
    private static final String SHORT = "Respite? Ring me 07700 900123.";
    private StaffClient lead;
    private StaffClient viewer;
    private String textId;
    private long feedbackReport;
    private long surveyReport;

    @BeforeAll
    void familiesWrote() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        viewer = StaffFixture.invite(server.getURI(), admin, "viewer@example.org", "viewer");
        for (int i = 0; i < 6; i++) {
            feedback("We waited " + (i + 2) + " months for respite and the short breaks club never had a place.");
        }
        feedback(SHORT);
        textId = "f:" + count("SELECT id FROM feedback_items WHERE text LIKE 'Respite?%'");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        feedbackReport = report("Feedback this month", today, "feedback");
        surveyReport = report("Survey only", today, "survey:family-voice-2026");
        await("the short comment is counted under short breaks").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(lead.get("/staff/themes/search?q=respite&theme=short-breaks").document()
                        .select("a[href=/staff/reports/propose?comment=" + textId + "]")).hasSize(1));
    }

    private void feedback(String text) {
        Api.Reply reply = api().postJson("/api/v1/feedback", "{\"submissionId\": \"" + UUID.randomUUID() + "\", "
                + "\"channel\": \"service\", \"service\": \"Quote test service\", \"text\": \"" + text + "\"}");
        assertThat(reply.status()).isEqualTo(201);
    }

    private long report(String title, LocalDate today, String source) {
        Browser.Page created = lead.post("/staff/reports", "title", title, "from", today.minusDays(30).toString(),
                "to", today.toString(), "source", source);
        assertThat(created.status()).isEqualTo(303);
        return Long.parseLong(created.location().substring("/staff/reports/".length()));
    }

    @Test
    void aLeadProposesAnyCommentFromSearchAndItIsCheckedLikeEverySuggestedQuote() {
        String propose = "/staff/reports/propose?comment=" + textId;
        Document chooser = lead.get(propose).document();
        // Only the report whose sources hold the comment is offered, and only the themes it is counted under.
        assertThat(chooser.select("input[name=report]")).singleElement()
                .extracting(e -> e.attr("value")).isEqualTo(Long.toString(feedbackReport));
        assertThat(chooser.select("input[name=theme]").eachAttr("value")).contains("short-breaks");
        assertThat(chooser.text()).contains(SHORT);
        assertThat(HtmlChecker.errors(lead.get(propose).body())).isEmpty();

        Browser.Page noTheme = lead.get(propose + "&report=" + feedbackReport);
        assertThat(noTheme.status()).isEqualTo(422);
        assertThat(noTheme.errorSummary()).containsExactly("Choose a theme this comment is counted under");
        Browser.Page wrongReport = lead.get(propose + "&report=" + surveyReport + "&theme=short-breaks");
        assertThat(wrongReport.status()).isEqualTo(422);
        assertThat(wrongReport.errorSummary()).containsExactly("Choose a report that covers this comment");

        Browser.Page chosen = lead.get(propose + "&report=" + feedbackReport + "&theme=short-breaks");
        assertThat(chosen.status()).isEqualTo(303);
        Document quotes = lead.get(chosen.location()).document();
        String proposed = quotes.select("#proposed").text();
        assertThat(proposed).contains("The comment you proposed").contains("Phone number: “07700 900123”");
        assertThat(quotes.select("#proposed textarea").text()).doesNotContain("07700");

        // The quote check as for any quote: the number is found again unless confirmed, words cannot be added.
        String approve = "/staff/reports/" + feedbackReport + "/themes/short-breaks/quotes";
        String state = databaseState();
        Browser.Page stillThere = lead.post(approve, "textId", textId, "quote", SHORT);
        assertThat(stillThere.status()).isEqualTo(422);
        assertThat(stillThere.errorSummary()).singleElement().asString().contains("07700 900123");
        assertThat(stillThere.document().select("#proposed")).hasSize(1);
        Browser.Page added = lead.post(approve, "textId", textId, "quote", "Respite? Ring me now [phone number].");
        assertThat(added.status()).isEqualTo(422);
        assertThat(databaseState()).isEqualTo(state);

        assertThat(lead.post(approve, "textId", textId, "quote", "Respite? Ring me [phone number].").status()).isEqualTo(303);
        assertThat(queryText("SELECT text_id || ' ' || quote FROM report_quotes WHERE report_id = " + feedbackReport))
                .isEqualTo(textId + " Respite? Ring me [phone number].");
        // A report whose sources do not hold the comment refuses it, however it is posted.
        assertThat(lead.post("/staff/reports/" + surveyReport + "/themes/short-breaks/quotes", "textId", textId,
                "quote", "Respite? Ring me [phone number].").status()).isEqualTo(404);
        assertThat(lead.get("/staff/reports/propose?comment=f:999999").status()).isEqualTo(404);
        assertThat(lead.get("/staff/reports/propose?comment=p:1:own").text())
                .contains("Reports quote only what families and young people wrote.");
        assertThat(viewer.get(propose).status()).isEqualTo(403);
    }

    @Test
    void theReportsLinkOpensReportsEachRoleCanRead() {
        assertThat(lead.get("/staff").document().select("nav a:contains(Reports)").eachAttr("href"))
                .contains("/staff/reports");
        Document viewerMenu = viewer.get("/staff").document();
        assertThat(viewerMenu.select("nav a:contains(Reports)").eachAttr("href")).contains("/reports")
                .doesNotContain("/staff/reports");
        assertThat(viewer.get("/reports").status()).isEqualTo(200);
    }
}
