package uk.chorus.reports;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.chorus.browser.HtmlChecker;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A "you said, we did" report built from known feedback: 12 people about short breaks, 6 about
 * therapy (one naming a child, a school and a phone number), 2 about wheelchairs (fewer than the
 * smallest group of 5). Ranking, counts and shares, suppression, an action with a measure that
 * improved, redacted and approved quotes, publishing a fixed version, a correction, and every
 * published form (page, text, CSV, JSON, PDF).
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsTest extends ChorusTest {
    private static final String PLANTED = "My son Oliver Bennett waited a year for speech and language therapy at "
            + "Oakfield Primary, ring me on 07700 900461 if you want the details of his therapy.";
    private StaffClient lead;
    private StaffClient viewer;
    private long reportId;

    @BeforeAll
    void knownFeedback() throws Exception {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        viewer = StaffFixture.invite(server.getURI(), admin, "viewer@example.org", "viewer");
        for (int i = 0; i < 12; i++) {
            feedback("We have waited " + (i + 2) + " months for respite and the short breaks club is always full.");
        }
        for (int i = 0; i < 5; i++) {
            feedback("The speech and language therapist only came " + (i + 1) + " times this year, far too little therapy.");
        }
        feedback(PLANTED);
        feedback("His wheelchair no longer fits and the equipment service is very slow.");
        feedback("We asked for a wheelchair assessment in spring and still nothing.");
        long measure = lead.post("/staff/measures", "name", "Exclusions per 100 pupils with an EHCP", "question", "",
                "unit", "", "direction", "lower", "target", "12").status();
        assertThat(measure).isEqualTo(303);
        long measureId = count("SELECT max(id) FROM measures");
        assertThat(lead.post("/staff/measures/" + measureId + "/values", "period", "2024-25", "ends", "2025-07-31",
                "value", "19.15").status()).isEqualTo(303);
        assertThat(lead.post("/staff/measures/" + measureId + "/values", "period", "2025-26", "ends", "2026-07-31",
                "value", "10.42").status()).isEqualTo(303);
        assertThat(lead.post("/staff/actions/save", "title", "Opened a second short breaks club on Saturdays",
                "status", "done", "started", "2025-06-01", "theme", "short-breaks", "measure", Long.toString(measureId), "service",
                "Short breaks service").status()).isEqualTo(303);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        Browser.Page created = lead.post("/staff/reports", "title", "Test report", "from", today.minusDays(30).toString(),
                "to", today.toString(), "source", "feedback");
        assertThat(created.status()).isEqualTo(303);
        reportId = Long.parseLong(created.location().substring("/staff/reports/".length()));
        // The index follows the feedback through the change log: wait until all 20 people are counted.
        await("all 20 people counted").atMost(java.time.Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(lead.get("/staff/reports/" + reportId).text()).contains("20 people wrote"));
    }

    private void feedback(String text) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.getURI().resolve("/api/v1/feedback")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"submissionId\": \"" + UUID.randomUUID() + "\", "
                        + "\"channel\": \"service\", \"service\": \"Report test service\", \"text\": \"" + text + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(201);
    }

    @Test
    @Order(1)
    void themesAreRankedByPeopleWithSmallGroupsSuppressedAndUnactedThemesSaidSo() {
        Document page = lead.get("/staff/reports/" + reportId).document();
        assertThat(page.text()).contains("20 people wrote something in this period");
        List<List<String>> rows = page.select("table:has(caption:contains(Themes by how many)) tbody tr").stream()
                .map(row -> row.select("td").eachText()).toList();
        assertThat(rows.get(0)).containsExactly("1", "Short breaks and respite", "12", "60%", "Yes");
        assertThat(rows.get(1)).containsExactly("2", "Therapies", "6", "30%", "Not yet acted on");
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly(row.get(0),
                "Equipment, wheelchairs and adaptations", "[c]", "[c]", "Not yet acted on"));
        assertThat(page.select("#theme-short-breaks").text()).contains("Opened a second short breaks club on Saturdays")
                .contains("Exclusions per 100 pupils with an EHCP: 19.15 → 10.42 (−8.73). Better (target met)");
        assertThat(viewer.get("/staff/reports").status()).isEqualTo(403);
        assertThat(HtmlChecker.errors(lead.get("/staff/reports/" + reportId).body())).isEmpty();
    }

    @Test
    @Order(2)
    void suggestedQuotesAreRedactedAndOnlyAnApprovedSafeQuoteIsKept() {
        Document quotes = lead.get("/staff/reports/" + reportId + "/themes/therapies/quotes").document();
        assertThat(HtmlChecker.errors(lead.get("/staff/reports/" + reportId + "/themes/therapies/quotes").body())).isEmpty();
        var planted = quotes.select("section:contains(Oakfield)").first();
        assertThat(planted).isNotNull();
        String redacted = planted.select("textarea[name=quote]").text();
        assertThat(redacted).isEqualTo("My son [name] waited a year for speech and language therapy at [school], ring me "
                + "on [phone number] if you want the details of his therapy.");
        assertThat(planted.select("li").eachText()).contains("Name: “Oliver Bennett”", "School: “Oakfield Primary”",
                "Phone number: “07700 900461”");
        // Fewer than 5 people under the theme share any group, and the source is all it may be attributed to.
        assertThat(planted.select("input[name=attribution]").eachAttr("value")).containsExactly("", "source");
        String textId = planted.select("input[name=textId]").attr("value");

        Browser.Page refused = lead.post("/staff/reports/" + reportId + "/themes/therapies/quotes", "textId", textId,
                "quote", PLANTED, "attribution", "source");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorSummary()).singleElement().asString().contains("07700 900461").contains("Oliver Bennett");
        assertThat(count("SELECT count(*) FROM report_quotes")).isZero();

        Browser.Page approved = lead.post("/staff/reports/" + reportId + "/themes/therapies/quotes", "textId", textId,
                "quote", redacted, "attribution", "source");
        assertThat(approved.status()).isEqualTo(303);
        assertThat(queryText("SELECT quote || ' / ' || attribution || ' / ' || approved_by FROM report_quotes"))
                .isEqualTo(redacted + " / Service feedback / lead@example.org");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'quote approved' AND actor = 'lead@example.org'"))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void aPublishedVersionNeverChangesAndACorrectionIsANewVersion() throws Exception {
        assertThat(browser().get("/reports/test-report").status()).isEqualTo(404);
        assertThat(lead.post("/staff/reports/" + reportId + "/themes/short-breaks", "words",
                "You told us the short breaks club was always full.").status()).isEqualTo(303);
        Browser.Page published = publish();
        assertThat(published.location()).isEqualTo("/reports/test-report");

        Browser reader = browser();
        Browser.Page page = reader.get("/reports/test-report");
        assertThat(page.status()).isEqualTo(200);
        Document shown = page.document();
        assertThat(shown.select("#theme-short-breaks").text()).contains("12 people (60% of those who wrote to us)")
                .contains("You told us the short breaks club was always full.").contains("Better");
        assertThat(shown.select("#theme-therapies").text()).contains("Not yet acted on")
                .contains("at [school], ring me on [phone number]").doesNotContain("Oliver").doesNotContain("07700");
        assertThat(shown.select("#theme-equipment").text()).contains("[c] people ([c] of those who wrote to us)");
        assertThat(HtmlChecker.errors(page.body())).isEmpty();

        // Later edits change the draft, never what was published.
        lead.post("/staff/reports/" + reportId + "/themes/short-breaks", "words", "Corrected words.");
        assertThat(reader.get("/reports/test-report").text()).contains("always full").doesNotContain("Corrected words.");
        assertThat(publish().status()).isEqualTo(422);
        assertThat(publish("correction", "Clearer words for short breaks.").status()).isEqualTo(303);
        assertThat(reader.get("/reports/test-report").text()).contains("Corrected words.")
                .contains("This version corrects: Clearer words for short breaks.");
        Browser.Page first = reader.get("/reports/test-report/versions/1");
        assertThat(first.text()).contains("This is version 1, which has been replaced.").contains("always full");
        assertThat(count("SELECT count(*) FROM report_versions")).isEqualTo(2);

        assertThat(reader.get("/reports").text()).contains("Test report");
        assertThat(api().get("/api/v1/reports").body()).contains("\"id\":\"test-report\"").contains("\"version\":2");
        String json = api().get("/api/v1/reports/test-report").body();
        assertThat(json).contains("\"themeId\":\"short-breaks\"").contains("\"people\":12")
                .contains("\"peopleText\":\"[c]\"").doesNotContain("Oliver");
        assertThat(api().get("/api/v1/reports/no-such-report").status()).isEqualTo(404);
        String csv = reader.asset("/reports/test-report/figures.csv").body();
        assertThat(csv.lines().toList()).contains(
                "1,short-breaks,Short breaks and respite,12,60%,1,Exclusions per 100 pupils with an EHCP,19.15,10.42,−8.73,Better (target met)");
        assertThat(csv).contains("Equipment, wheelchairs and adaptations\",[c],[c]");
        assertThat(reader.asset("/reports/test-report/easy-read.txt").body()).contains("You said (12 people, 60%):")
                .contains("Not yet acted on");
        Browser.Page pdf = reader.asset("/reports/test-report/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        theMachineCheckablePartsOfPdfUaHold(pdfBytes("/reports/test-report/report.pdf"));
    }

    /** Publishes what the preview shows, as the lead's publish button does. */
    private Browser.Page publish(String... fields) {
        String digest = lead.get("/staff/reports/" + reportId + "/preview").document().select("input[name=digest]")
                .attr("value");
        String[] all = java.util.Arrays.copyOf(fields, fields.length + 2);
        all[fields.length] = "digest";
        all[fields.length + 1] = digest;
        return lead.post("/staff/reports/" + reportId + "/publish", all);
    }

    private byte[] pdfBytes(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /**
     * What PDF/UA asks that a machine can check without a person (veraPDF's structural checkpoints):
     * tagged, marked, a language, the title shown rather than the file name, the PDF/UA
     * identifier in its metadata, every font embedded, and the words there as real text.
     */
    private static void theMachineCheckablePartsOfPdfUaHold(byte[] bytes) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            var catalog = pdf.getDocumentCatalog();
            assertThat(catalog.getStructureTreeRoot()).as("tagged").isNotNull();
            assertThat(catalog.getStructureTreeRoot().getKids()).isNotEmpty();
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("en-GB");
            assertThat(catalog.getViewerPreferences()).isNotNull();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Test report");
            assertThat(catalog.getMetadata()).as("XMP metadata").isNotNull();
            String xmp = new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("pdfuaid").containsPattern("pdfuaid:part(>|=\"|=')1");
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("Short breaks and respite").contains("Corrected words.");
        }
    }

    @Test
    @Order(4)
    void erasingTheCommentTakesItsQuoteOutOfEveryPublishedVersion() throws Exception {
        assertThat(count("SELECT count(*) FROM report_version_quotes")).isEqualTo(2);
        String reference = queryText("SELECT reference FROM feedback_items WHERE text LIKE '%Oakfield Primary%'");
        assertThat(lead.post("/staff/requests/erase", "code", reference, "action", "erase", "reason", "Asked by email")
                .location()).isEqualTo("/staff/requests?done=erased");

        // The reports feature follows the erasure through the change log, on its own thread.
        Browser reader = browser();
        await("the erased quote taken out").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !reader.get("/reports/test-report").text().contains("[phone number]"));
        String latest = reader.get("/reports/test-report").text();
        assertThat(latest).doesNotContain("ring me on [phone number]").contains("Corrected words.")
                .contains("Since it was published, one quote has been taken out of this version because the comment "
                        + "it came from has been deleted.");
        assertThat(reader.get("/reports/test-report/versions/1").text()).doesNotContain("[phone number]")
                .contains("always full").contains("one quote has been taken out");
        assertThat(api().get("/api/v1/reports/test-report").body()).doesNotContain("[phone number]")
                .contains("\"themeId\":\"therapies\"");
        assertThat(reader.asset("/reports/test-report/easy-read.txt").body()).doesNotContain("[phone number]")
                .contains("one quote has been taken out of this version");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(pdfBytes("/reports/test-report/report.pdf"))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .doesNotContain("[phone number]").contains("one quote has been taken out of this version");
        }
        assertThat(count("SELECT count(*) FROM report_version_quotes")).isZero();
        assertThat(count("SELECT count(*) FROM report_quotes")).isZero();
        assertThat(queryText("SELECT string_agg(quotes_withdrawn::text, ',' ORDER BY version) FROM report_versions"))
                .isEqualTo("1,1");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'quote withdrawn'")).isEqualTo(2);
        assertThat(HtmlChecker.errors(reader.get("/reports/test-report").body())).isEmpty();
    }
}
