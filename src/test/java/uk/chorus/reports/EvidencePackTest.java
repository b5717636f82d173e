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

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The evidence pack: who we heard from comes from the published wave only (answers sent after
 * publishing do not move it), beside the population a lead entered; themes with people counts,
 * [c] below the smallest group; the commitments; as a page and a tagged PDF of the same content.
 */
@MicronautTest(transactional = false)
class EvidencePackTest extends ChorusTest {
    private static final String SURVEY = "results-now";
    private StaffClient lead;
    private StaffClient viewer;
    private StaffClient parents;

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-results";
    }

    @BeforeAll
    void aPublishedWaveFeedbackAndACommitment() {
        for (int i = 0; i < 40; i++) {
            respond(i < 25 ? "ehcp" : "sen-support");
        }
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        viewer = StaffFixture.invite(server.getURI(), admin, "viewer@example.org", "viewer");
        parents = StaffFixture.invite(server.getURI(), admin, "parents@example.org", "parent-forum");
        assertThat(lead.post("/staff/surveys/" + SURVEY + "/population", "pop-support-ehcp", "1,000",
                "pop-support-sen-support", "3000", "pop-support-neither", "1000").status()).isEqualTo(303);
        assertThat(lead.post("/staff/surveys/" + SURVEY + "/publish", "options", "public").status()).isEqualTo(303);
        // Sent after publishing: live counts move, the published figures do not.
        for (int i = 0; i < 5; i++) {
            respond("ehcp");
        }
        for (int i = 0; i < 6; i++) {
            feedback("We waited " + (i + 2) + " months for respite and the short breaks club never had a place.");
        }
        feedback("His wheelchair no longer fits and the equipment service is very slow.");
        assertThat(lead.post("/staff/actions/save", "title", "A second weekend short breaks club", "status", "planned",
                "due", "2027-06-30", "theme", "short-breaks", "service", "Short breaks service").status()).isEqualTo(303);
        await("the comments are counted under their themes").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(lead.get("/staff/reports/evidence").document().select("#told ~ table").text())
                        .contains("Short breaks").contains("Equipment"));
    }

    private void respond(String support) {
        StaffFixture.respond(server.getURI(), SURVEY, "{\"support\": \"" + support + "\", \"area\": \"north\", "
                + "\"yes_q\": \"yes\", \"agree_q\": \"agree\"}");
    }

    private void feedback(String text) {
        Api.Reply reply = api().postJson("/api/v1/feedback", "{\"submissionId\": \"" + UUID.randomUUID() + "\", "
                + "\"channel\": \"service\", \"service\": \"Evidence test service\", \"text\": \"" + text + "\"}");
        assertThat(reply.status()).isEqualTo(201);
    }

    /** The cells of the first table row whose heading starts with {@code label}. */
    private static List<String> row(Document page, String label) {
        return page.select("tr").stream().filter(tr -> tr.select("th").text().startsWith(label)).findFirst()
                .map(tr -> tr.select("td").eachText()).orElse(List.of());
    }

    @Test
    void theEvidencePackReadsPublishedFiguresAndHidesSmallThemeCounts() throws Exception {
        Browser.Page page = lead.get("/staff/reports/evidence");
        assertThat(page.status()).isEqualTo(200);
        Document shown = page.document();
        assertThat(shown.select("#survey-" + SURVEY).text()).isEqualTo("Results test 2026");
        assertThat(shown.text()).contains("Responses: 40.");
        // Population 1,000 of 5,000; 25 of the 40 published answers (the 5 sent since are not counted).
        assertThat(row(shown, "Education, Health and Care plan (EHCP)")).containsExactly("1,000", "20%", "25", "63%");
        assertThat(row(shown, "SEN Support")).containsExactly("3,000", "60%", "15", "38%");
        assertThat(row(shown, "Short breaks")).containsExactly("6", "86%");
        assertThat(row(shown, "Equipment")).containsExactly("[c]", "[c]");
        assertThat(shown.select("#changed ~ section").text()).contains("A second weekend short breaks club")
                .contains("Planned");
        assertThat(shown.text()).contains("No survey was co-designed and agreed in this period.");
        assertThat(HtmlChecker.errors(page.body())).isEmpty();

        // The same content as a tagged PDF.
        String pdfHref = shown.select("a[href^=/staff/reports/evidence/evidence-pack.pdf]").attr("href");
        HttpResponse<byte[]> pdf = HttpClient.newBuilder().cookieHandler(lead.cookies()).build()
                .send(HttpRequest.newBuilder(server.getURI().resolve(pdfHref)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Evidence pack").contains("Results test 2026").contains("A second weekend short breaks club");
        }
    }

    @Test
    void theCommitmentsPageHasAnEasyReadVersion() {
        Browser reader = browser();
        assertThat(reader.get("/commitments").document().select("a[href=/commitments/easy-read]")).hasSize(1);
        Browser.Page easy = reader.get("/commitments/easy-read?theme=short-breaks");
        assertThat(easy.status()).isEqualTo(200);
        assertThat(easy.document().select("h2").eachText()).contains("We said we would: A second weekend short breaks club.");
        assertThat(easy.text()).contains("Who is doing it: Short breaks service.")
                .contains("When it should be done by: 30 June 2027.").contains("Where it is now: Planned.");
        assertThat(easy.document().select("a[href=/commitments?theme=short-breaks]")).hasSize(1);
        assertThat(reader.get("/commitments/easy-read?theme=equipment").text())
                .contains("There are no commitments to show yet.");
        assertThat(HtmlChecker.errors(easy.body())).isEmpty();
    }

    @Test
    void aWrongPeriodIsExplainedAndOnlyLeadsAndViewersReadThePack() {
        Browser.Page backwards = lead.get("/staff/reports/evidence?from=2026-06-01&to=2026-01-01");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.errorSummary()).containsExactly("The last day of the period must be on or after the first");
        Browser.Page notADate = lead.get("/staff/reports/evidence?from=last+spring");
        assertThat(notADate.status()).isEqualTo(422);
        assertThat(notADate.document().select("input#from").attr("value")).isEqualTo("last spring");
        assertThat(viewer.get("/staff/reports/evidence").status()).isEqualTo(200);
        assertThat(parents.get("/staff/reports/evidence").status()).isEqualTo(403);
    }
}
