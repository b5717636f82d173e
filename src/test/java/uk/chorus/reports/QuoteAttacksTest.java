package uk.chorus.reports;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;
import uk.chorus.support.TestDatabase;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security issue #23 through HTTP, as the reviewer did it: real comments holding each identifier
 * the quote check used to miss, approved as suggested and published, must not show any of it in
 * the published page, plain text, JSON or PDF; and a lead who publishes words the family never
 * wrote, attributed to a real comment, is refused when approving and again when publishing.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuoteAttacksTest extends ChorusTest {
    /** Theme → a comment under it holding one of the reviewer's attacks. */
    private static final Map<String, String> ATTACKS = Map.of(
            "short-breaks", "We waited a year for the short breaks club and MRS KOWALCZYK never answered the phone.",
            "mental-health", "Our CAMHS worker was mrs kowalczyk and the anxiety support stopped without any warning.",
            "ehcp", "The EHCP took a year, write to me at jane dot doe at gmail and I will tell you everything.",
            "local-offer", "The local offer is out of date, email jane.doe＠gmail.com to see the list we made.",
            "equipment", "His wheelchair no longer fits and we live at AB1 2CD where nobody from the service visits.",
            "personal-budgets", "The direct payment is impossible to use and around ab1 2cd there are no carers at all.",
            "friendships", "The bullying got so bad that I now post about it at @janedoe_send so other parents know.",
            "assessment-waits", "We have waited three years for a diagnosis. Kowalczyk never replied to a single email.",
            "annual-reviews", "The annual review was cancelled twice and the SENCo Kоwalczyk did not tell us why.",
            "inclusion", "He was excluded again, ring me on oh seven seven double oh nine oh oh four six one to hear it.");
    /** What none of the published forms may show, in any case. */
    private static final List<String> SECRETS = List.of("kowalczyk", "kоwalczyk", "jane", "doe", "gmail", "＠",
            "ab1 2cd", "ab12cd", "janedoe", "seven seven", "double oh");
    private static final String FAMILY = "The speech and language therapy stopped in March and nobody from the "
            + "service has told us when it will start again.";
    private StaffClient lead;
    private long reportId;

    @BeforeAll
    void commentsHoldingEachAttack() throws Exception {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        for (String comment : ATTACKS.values()) {
            feedback(comment);
        }
        feedback(FAMILY);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        Browser.Page created = lead.post("/staff/reports", "title", "Attack report", "from",
                today.minusDays(30).toString(), "to", today.toString(), "source", "feedback");
        assertThat(created.status()).isEqualTo(303);
        reportId = Long.parseLong(created.location().substring("/staff/reports/".length()));
        int people = ATTACKS.size() + 1;
        await("every comment counted").atMost(java.time.Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(lead.get("/staff/reports/" + reportId).text()).contains(people + " people wrote"));
    }

    private void feedback(String text) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.getURI().resolve("/api/v1/feedback")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"submissionId\": \"" + UUID.randomUUID() + "\", "
                        + "\"channel\": \"service\", \"service\": \"Report test service\", \"text\": \"" + text + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(201);
    }

    private Element suggestion(String themeId, String contains) {
        Browser.Page page = lead.get("/staff/reports/" + reportId + "/themes/" + themeId + "/quotes");
        assertThat(page.status()).as(themeId).isEqualTo(200);
        return page.document().select("section").stream()
                .filter(s -> s.select("details").text().contains(contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion in " + themeId + " holding " + contains));
    }

    private Browser.Page approve(String themeId, String textId, String quote) {
        return lead.post("/staff/reports/" + reportId + "/themes/" + themeId + "/quotes", "textId", textId,
                "quote", quote, "attribution", "");
    }

    @Test
    @Order(1)
    void wordsTheFamilyNeverWroteAreRefusedAndNothingIsSaved() {
        Element family = suggestion("therapies", "nobody from the service");
        String textId = family.select("input[name=textId]").attr("value");
        String suggested = family.select("textarea[name=quote]").text();
        assertThat(suggested).isEqualTo(FAMILY);

        for (String invented : List.of(
                FAMILY + " The council has been brilliant.",
                "The council has been brilliant.",
                FAMILY.replace("stopped", "started"),
                FAMILY.replace("nobody from", "someone from"),
                "The speech and language therapy stopped in March and the service has told us when it will start again.",
                "Nobody from the service has told us when it will start again. The speech and language therapy stopped in March.",
                "The speech and language therapy stopped in March.",
                "The speech and language therapy [brilliant] stopped in March and nobody from the service has told "
                        + "us when it will start again.")) {
            Browser.Page refused = approve("therapies", textId, invented);
            assertThat(refused.status()).as(invented).isEqualTo(422);
            assertThat(refused.errorSummary()).as(invented).singleElement().asString()
                    .contains("Publish only the person’s own words");
            assertThat(refused.document().select("textarea[name=quote]").text()).isEqualTo(invented);
            assertThat(count("SELECT count(*) FROM report_quotes")).isZero();
        }

        // Cuts marked with … and redactions are the lead's to make; invisible characters are taken out.
        assertThat(approve("therapies", textId, "… spe\u200bech and language therapy stopped in March and nobody from "
                + "the service has told us when [...]").status()).isEqualTo(303);
        assertThat(queryText("SELECT quote FROM report_quotes")).isEqualTo("… speech and language therapy stopped in "
                + "March and nobody from the service has told us when [...]");
    }

    @Test
    @Order(2)
    void eachAttackApprovedAsSuggestedIsRedactedEverywhereItIsPublished() throws Exception {
        for (Map.Entry<String, String> attack : ATTACKS.entrySet()) {
            Element section = suggestion(attack.getKey(), attack.getValue().substring(0, 25));
            String textId = section.select("input[name=textId]").attr("value");
            String suggested = section.select("textarea[name=quote]").text();
            assertThat(leaks(suggested)).as(suggested).isEmpty();
            // The family's own words, unredacted, are refused unless the lead says they are safe.
            Browser.Page refused = approve(attack.getKey(), textId, attack.getValue());
            assertThat(refused.status()).as(attack.getValue()).isEqualTo(422);
            assertThat(approve(attack.getKey(), textId, suggested).status()).as(suggested).isEqualTo(303);
        }
        assertThat(count("SELECT count(*) FROM report_quotes")).isEqualTo(ATTACKS.size() + 1);

        // Published as previewed: the preview names the digest of exactly what it shows.
        String digest = lead.get("/staff/reports/" + reportId + "/preview").document().select("input[name=digest]")
                .attr("value");
        Browser.Page published = lead.post("/staff/reports/" + reportId + "/publish", "digest", digest);
        assertThat(published.status()).isEqualTo(303);
        Browser reader = browser();
        String page = reader.get("/reports/attack-report").text();
        String text = reader.asset("/reports/attack-report/easy-read.txt").body();
        String json = api().get("/api/v1/reports/attack-report").body();
        String pdf;
        try (var document = org.apache.pdfbox.Loader.loadPDF(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.getURI().resolve("/reports/attack-report/report.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body())) {
            pdf = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        for (String published0 : List.of(page, text, json, pdf)) {
            assertThat(published0).contains("[name]").contains("[email]").contains("[postcode]")
                    .contains("[username]").contains("[phone number]");
            assertThat(leaks(published0)).isEmpty();
        }
    }

    @Test
    @Order(3)
    void aQuoteChangedBehindTheFormIsRefusedAtPublication() throws Exception {
        String versions = queryText("SELECT count(*) FROM report_versions");
        execute("UPDATE report_quotes SET quote = 'The council has been brilliant.' WHERE theme_id = 'therapies'");
        Browser.Page refused = lead.post("/staff/reports/" + reportId + "/publish", "correction", "Another quote.");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("Some quotes are not the person’s own words")
                .contains("“The council has been brilliant.”");
        assertThat(queryText("SELECT count(*) FROM report_versions")).isEqualTo(versions);
        assertThat(browser().get("/reports/attack-report").text()).doesNotContain("brilliant");
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = TestDatabase.connect(databaseUrl);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static List<String> leaks(String published) {
        String lower = published.toLowerCase(Locale.ROOT);
        return SECRETS.stream().filter(secret -> java.util.regex.Pattern.compile("(?<![a-z])" + java.util.regex.Pattern
                .quote(secret) + "(?![a-z])").matcher(lower).find()).toList();
    }
}
