package uk.chorus.feedback;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.dataprotection.RetentionJob;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feedback through every way it arrives: the Local Offer snippet posted from another website,
 * the JSON API, a lead's meeting notes, a CSV file, and Young Inspectors' visits with their
 * recommendations answered; then the inbox, the quarter's summary, erasure and retention.
 */
@MicronautTest(transactional = false)
class FeedbackTest extends ChorusTest {
    private static final String LOCAL_OFFER = "https://localoffer.example";
    private StaffClient lead;
    private StaffClient service;
    private StaffClient forum;

    @Inject
    RetentionJob retention;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.feedback.origins", LOCAL_OFFER, "chorus.feedback.retention", "complaint=1");
    }

    @BeforeAll
    void people() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        service = StaffFixture.invite(server.getURI(), admin, "service@example.org", "service-contact");
        forum = StaffFixture.invite(server.getURI(), admin, "forum@example.org", "youth-forum");
    }

    private long items(String where) {
        return count("SELECT count(*) FROM feedback_items WHERE " + where);
    }

    @Test
    void theDocumentedSnippetPostsFromTheLocalOfferWebsiteOnceHoweverOftenItIsPressed() {
        // The snippet exactly as a lead copies it from the staff page.
        String snippet = lead.get("/staff/feedback/embed").document().select("pre.chorus-snippet code").text();
        Element form = Jsoup.parse(snippet).selectFirst("form");
        assertThat(form.attr("action")).endsWith("/feedback/local-offer");
        String action = java.net.URI.create(form.attr("action")).getPath();
        String id = UUID.randomUUID().toString();
        Map<String, String> fromTheirSite = Map.of("Origin", LOCAL_OFFER, "Sec-Fetch-Site", "cross-site");
        String[] fields = {"page", "Travel to school", "return", LOCAL_OFFER + "/travel", "submissionId", id,
                "helpful", "no", "text", "Which buses take wheelchairs?", "website", ""};
        for (String name : new String[]{"page", "return", "submissionId", "text", "website"}) {
            assertThat(form.select("[name=" + name + "]")).as("snippet field " + name).isNotEmpty();
        }
        Browser.Page sent = browser().postWithHeaders(action, fromTheirSite, fields);
        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.location()).startsWith("/feedback/local-offer/thanks?reference=FB-");
        Browser.Page thanks = browser().get(sent.location());
        assertThat(thanks.text()).contains("Thank you for your feedback");
        assertThat(thanks.document().select("a[href='" + LOCAL_OFFER + "/travel']")).hasSize(1);
        // Pressed again (the same submission id): nothing new.
        assertThat(browser().postWithHeaders(action, fromTheirSite, fields).status()).isEqualTo(303);
        assertThat(items("subject = 'Travel to school'")).isEqualTo(1);
        assertThat(items("subject = 'Travel to school' AND helpful = false AND text = 'Which buses take wheelchairs?'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM change_log WHERE kind = 'feedback-received'")).isPositive();

        // Another website may not post it, and a robot that fills the honeypot is thanked and ignored.
        Browser.Page evil = browser().postWithHeaders(action, Map.of("Origin", "https://evil.example",
                "Sec-Fetch-Site", "cross-site"), "page", "Evil", "helpful", "yes");
        assertThat(evil.status()).isEqualTo(403);
        Browser.Page robot = browser().postWithHeaders(action, fromTheirSite, "page", "Robots", "helpful", "yes",
                "website", "http://spam.example");
        assertThat(robot.status()).isEqualTo(303);
        assertThat(items("subject IN ('Evil', 'Robots')")).isZero();
        // A return address on a website that may not embed the form is never followed.
        Browser.Page elsewhere = browser().postWithHeaders(action, fromTheirSite, "page", "Sneaky", "helpful", "yes",
                "return", "https://evil.example/phish");
        assertThat(elsewhere.location()).doesNotContain("evil");
        // Two people pressing "Yes" without JavaScript both count.
        browser().postWithHeaders(action, fromTheirSite, "page", "Short breaks", "helpful", "yes");
        browser().postWithHeaders(action, fromTheirSite, "page", "Short breaks", "helpful", "yes");
        assertThat(items("subject = 'Short breaks' AND helpful")).isEqualTo(2);
    }

    @Test
    void theFormOnItsOwnPageSaysWhatIsMissing() {
        Browser.Page form = browser().get("/feedback/local-offer?page=Autism%20support");
        assertThat(form.heading()).isEqualTo("Tell us about this page");
        String id = form.document().select("input[name=submissionId]").attr("value");
        Browser.Page empty = browser().post("/feedback/local-offer", "page", "Autism support", "submissionId", id);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.errorSummary()).containsExactly("Select yes or no, or tell us what you were looking for");
        assertThat(empty.document().select(".govuk-error-summary a").attr("href")).isEqualTo("#helpful");
        Browser.Page tooLong = browser().post("/feedback/local-offer", "page", "Autism support", "submissionId", id,
                "text", "x".repeat(5001));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(items("subject = 'Autism support'")).isZero();
        assertThat(browser().post("/feedback/local-offer", "page", "Autism support", "submissionId", id,
                "helpful", "yes").status()).isEqualTo(303);
        assertThat(items("subject = 'Autism support'")).isEqualTo(1);
    }

    @Test
    void theJsonApiStoresEachSubmissionOnceAndRefusesBadInputWithoutWriting() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = "{\"submissionId\": \"" + id + "\", \"channel\": \"service\", \"service\": \"Speech therapy\", "
                + "\"text\": \"We waited nine months for an assessment.\", \"about\": {\"ehcp\": \"sen-support\"}, "
                + "\"contact\": {\"name\": \"A Parent\", \"email\": \"parent@example.org\"}}";
        HttpResponse<String> first = postJson(body, LOCAL_OFFER);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).contains(LOCAL_OFFER);
        String reference = first.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> again = postJson(body, null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains(reference);
        assertThat(items("subject = 'Speech therapy'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM feedback_contacts c JOIN feedback_items i ON i.id = c.item_id "
                + "WHERE i.reference = '" + reference + "' AND c.email = 'parent@example.org'")).isEqualTo(1);

        long before = items("true");
        String newId = UUID.randomUUID().toString();
        assertThat(postJson("{\"submissionId\": \"" + newId + "\", \"channel\": \"coffee-morning\", \"text\": \"x\"}", null)
                .body()).contains("recorded by staff");
        assertThat(postJson("{\"submissionId\": \"" + newId + "\", \"channel\": \"service\", \"text\": \"x\", \"colour\": 1}",
                null).statusCode()).isEqualTo(400);
        assertThat(postJson("{\"submissionId\": \"" + newId + "\", \"channel\": \"service\", \"text\": \""
                + "x".repeat(5001) + "\"}", null).statusCode()).isEqualTo(422);
        assertThat(postJson("{\"submissionId\": \"" + newId + "\", \"channel\": \"service\", \"text\": \"x\", "
                + "\"about\": {\"ehcp\": \"maybe\"}}", null).statusCode()).isEqualTo(422);
        assertThat(postJson("{\"submissionId\": \"" + newId + "\", \"channel\": \"service\", \"text\": \"x\", "
                + "\"contact\": {\"email\": \"not an address\"}}", null).statusCode()).isEqualTo(422);
        assertThat(postJson("not json", null).statusCode()).isEqualTo(400);
        HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI()
                        .resolve("/api/v1/feedback")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(items("true")).isEqualTo(before);

        // Leads read it back; contact details only on the item itself, and that is audited.
        String token = StaffFixture.token(server.getURI(), "lead@example.org", StaffFixture.PASSWORD);
        String list = api().get("/api/v1/staff/feedback?channel=service", token).body();
        assertThat(list).contains(reference).doesNotContain("parent@example.org");
        assertThat(api().get("/api/v1/staff/feedback/" + reference, token).body()).contains("parent@example.org");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'feedback contact viewed' AND subject = '"
                + reference + "'")).isEqualTo(1);
        String forumToken = StaffFixture.token(server.getURI(), "forum@example.org", StaffFixture.PASSWORD);
        assertThat(api().get("/api/v1/staff/feedback", forumToken).status()).isEqualTo(403);
    }

    @Test
    void aLeadRecordsAMeetingsNotesAllOrNothing() {
        Browser.Page form = lead.get("/staff/feedback/new");
        assertThat(form.document().select("textarea")).hasSize(5);
        Browser.Page more = lead.post("/staff/feedback/new", "notes", "5", "note-1", "Kept", "more", "yes");
        assertThat(more.document().select("textarea")).hasSize(10);
        assertThat(more.document().select("textarea#note-1").text()).isEqualTo("Kept");

        Browser.Page wrong = lead.post("/staff/feedback/new", "channel", "coffee-morning", "subject", "Library coffee morning",
                "date-day", "3", "date-month", "3", "date-year", "2026", "notes", "5",
                "note-1", "The bus pass form is confusing.", "note-2", "y".repeat(5001));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.errorSummary()).containsExactly("Note 2: Feedback must be 5,000 characters or fewer");
        assertThat(items("subject = 'Library coffee morning'")).isZero();

        Browser.Page saved = lead.post("/staff/feedback/new", "channel", "coffee-morning", "subject", "Library coffee morning",
                "date-day", "3", "date-month", "3", "date-year", "2026", "notes", "5",
                "note-1", "The bus pass form is confusing.", "support-1", "ehcp", "age-1", "11-15",
                "note-3", "Nobody returns calls from the SEND team.");
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).isEqualTo("/staff/feedback?recorded=2");
        assertThat(items("subject = 'Library coffee morning' AND channel = 'coffee-morning' AND occurred_on = '2026-03-03' "
                + "AND entered_by = 'lead@example.org'")).isEqualTo(2);
        assertThat(items("subject = 'Library coffee morning' AND about = '{\"ehcp\": \"ehcp\", \"age-band\": \"11-15\"}'"))
                .isEqualTo(1);
        assertThat(lead.get(saved.location()).text()).contains("2 notes recorded.");
        assertThat(forum.get("/staff/feedback/new").status()).isEqualTo(403);
    }

    @Test
    void aCsvFileIsCheckedRowByRowAndImportedWhole() {
        String bad = "channel,date,service,text,helpful\n"
                + "coffee-morning,2026-02-10,SEND team,Good advice from SENDIASS.,\n"
                + "bingo,2026-02-10,SEND team,Unknown channel.,\n"
                + "service,31/02/2026,SEND team,Not a real date.,\n"
                + "local-offer,2026-02-11,Short breaks,,maybe\n";
        Browser.Page checked = lead.postFile("/staff/feedback/import", "file", "bad.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(checked.status()).isEqualTo(422);
        assertThat(checked.text()).contains("Line 3: \"bingo\" is not a channel")
                .contains("Line 4: \"31/02/2026\" is not a date like 2026-03-14")
                .contains("Line 5: helpful must be yes, no or empty");
        assertThat(items("subject = 'SEND team'")).isZero();
        Browser.Page columns = lead.postFile("/staff/feedback/import", "file", "odd.csv",
                "date,words\n2026-01-01,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(columns.text()).contains("The file has a column called \"words\"").contains("needs a column called \"channel\"");

        String good = "\uFEFFChannel,Date,Service,Text,Helpful,EHCP,Age_band\n"
                + "coffee-morning,2026-02-10,SEND team,\"Good advice, and quick.\",,ehcp,5-10\n"
                + "local-offer,11/02/2026,Short breaks import,,no,,\n";
        Browser.Page ready = lead.postFile("/staff/feedback/import", "file", "good.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.text()).contains("2 items are ready to import");
        assertThat(items("subject IN ('SEND team', 'Short breaks import')")).isZero();
        String commit = ready.document().select("form[action^=/staff/feedback/import/]").attr("action");
        Browser.Page imported = lead.post(commit);
        assertThat(imported.status()).isEqualTo(303);
        assertThat(items("subject = 'SEND team' AND text = 'Good advice, and quick.' AND about ->> 'ehcp' = 'ehcp'"))
                .isEqualTo(1);
        assertThat(items("subject = 'Short breaks import' AND helpful = false AND occurred_on = '2026-02-11'")).isEqualTo(1);
        // The same file cannot be imported twice.
        assertThat(lead.post(commit).status()).isEqualTo(404);
        assertThat(items("subject IN ('SEND team', 'Short breaks import')")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'feedback imported'")).isEqualTo(1);
    }

    @Test
    void youngInspectorsRecommendationsAreAnsweredAndTheForumSeesWhatHappened() {
        Browser.Page missing = lead.post("/staff/feedback/inspections/new", "service", "", "count", "5");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorSummary()).contains("Enter the service they visited", "Enter what is good, or what could be better");

        Browser.Page recorded = lead.post("/staff/feedback/inspections/new", "service", "Youth club", "date-day", "1",
                "date-month", "10", "date-year", "2026", "inspectors", "Sam", "good", "Friendly staff.",
                "better", "Too noisy.", "count", "5", "recommendation-1", "Add a quiet room.",
                "recommendation-2", "Open on Saturdays.");
        assertThat(recorded.status()).isEqualTo(303);
        String visit = recorded.location();
        Document page = service.get(visit).document();
        List<String> forms = page.select("form[action*=/recommendations/]").eachAttr("action");
        assertThat(forms).hasSize(2);
        assertThat(page.text()).contains("Waiting for an answer");

        assertThat(service.post(forms.get(0), "status", "done", "reason", "Opened in November.").status()).isEqualTo(303);
        Browser.Page noReason = service.post(forms.get(1), "status", "not-accepted");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.errorSummary()).containsExactly("Say why the recommendation was not accepted");
        assertThat(service.post(forms.get(1), "status", "not-accepted", "reason", "No staff at weekends.").status())
                .isEqualTo(303);

        Document seen = forum.get(visit).document();
        assertThat(seen.text()).contains("Done").contains("Opened in November.").contains("Not accepted")
                .contains("No staff at weekends.");
        assertThat(seen.select("form[action*=/recommendations/]")).isEmpty();
        assertThat(forum.post(forms.get(0), "status", "accepted").status()).isEqualTo(403);
        assertThat(forum.get("/staff/feedback/inspections").text()).contains("Youth club");
        assertThat(items("channel = 'young-inspectors' AND subject = 'Youth club' AND text LIKE 'Friendly staff.%Too noisy.'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'recommendation answered'")).isEqualTo(2);
    }

    @Test
    void theInboxFiltersAndTheSummaryCountsTheQuarter() {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        for (String helpful : List.of("true", "true", "false")) {
            postJson("{\"submissionId\": \"" + UUID.randomUUID() + "\", \"channel\": \"local-offer\", "
                    + "\"page\": \"Summary page\", \"helpful\": " + helpful + "}", null);
        }
        postJson("{\"submissionId\": \"" + UUID.randomUUID() + "\", \"channel\": \"compliment\", "
                + "\"service\": \"Summary service\", \"text\": \"Thank you to the therapist.\"}", null);
        Document inbox = lead.get("/staff/feedback?channel=compliment&from=" + today).document();
        List<String> titles = inbox.select(".govuk-summary-card__title").eachText();
        assertThat(titles).isNotEmpty().allMatch(t -> t.startsWith("Compliment"));
        assertThat(inbox.text()).contains("Thank you to the therapist.");

        String reference = inbox.select(".govuk-summary-card input[name=reference]").attr("value");
        assertThat(lead.post("/staff/feedback/reviewed", "reference", reference, "back", "/staff/feedback?reviewed=yes")
                .location()).isEqualTo("/staff/feedback?reviewed=yes");
        assertThat(lead.get("/staff/feedback?reviewed=yes").text()).contains("Thank you to the therapist.");
        assertThat(lead.get("/staff/feedback?reviewed=no&channel=compliment").text())
                .doesNotContain("Thank you to the therapist.");

        Document summary = lead.get("/staff/feedback/summary").document();
        List<String> row = rowOf(summary.select("table:has(caption:contains(Was this Local Offer page helpful?))").first(),
                "Summary page");
        assertThat(row).containsExactly("2", "1", "67%", "0");
        assertThat(summary.select("caption").eachText()).contains("Feedback by channel",
                "Young Inspectors' recommendations by status");
    }

    @Test
    void theInboxFiltersByThemeOnceTheIndexHasTheItems() throws Exception {
        postJson("{\"submissionId\": \"" + UUID.randomUUID() + "\", \"channel\": \"service\", "
                + "\"service\": \"Inbox theme service\", \"text\": \"We waited two years for respite, the overnight "
                + "short breaks unit is full.\"}", null);
        postJson("{\"submissionId\": \"" + UUID.randomUUID() + "\", \"channel\": \"service\", "
                + "\"service\": \"Inbox theme service\", \"text\": \"The speech and language therapist was brilliant.\"}",
                null);
        Document inbox = whenShown("/staff/feedback?subject=Inbox+theme+service&theme=short-breaks", "overnight");
        assertThat(inbox.text()).contains("overnight short breaks unit").doesNotContain("speech and language");
        assertThat(inbox.select("#theme option[selected]").attr("value")).isEqualTo("short-breaks");
        assertThat(whenShown("/staff/feedback?subject=Inbox+theme+service&theme=therapies", "speech and language").text())
                .contains("speech and language").doesNotContain("overnight");
        // An unknown theme filters nothing out rather than hiding everything.
        assertThat(lead.get("/staff/feedback?subject=Inbox+theme+service&theme=no-such-theme").text())
                .contains("speech and language", "overnight");
    }

    /** The inbox page once the search index has caught up with what was just posted (seconds; more on a busy machine). */
    private Document whenShown(String path, String words) {
        return await("\"" + words + "\" on " + path).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> lead.get(path).document(), page -> page.text().contains(words));
    }

    @Test
    void feedbackIsErasedOnRequestAndWhenItsChannelsRetentionEnds() throws Exception {
        String body = "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"channel\": \"service\", "
                + "\"service\": \"Erasure service\", \"text\": \"Please delete this later.\", "
                + "\"contact\": {\"phone\": \"01632 960001\"}}";
        String reference = postJson(body, null).body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        Browser.Page export = lead.post("/staff/requests", "code", reference, "action", "export", "reason", "Asked by phone");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("Please delete this later.").contains("01632 960001");
        Browser.Page confirm = lead.post("/staff/requests", "code", reference.toLowerCase().replace("-", ""),
                "action", "erase", "reason", "Asked by phone");
        assertThat(confirm.text()).contains("The feedback " + reference);
        assertThat(lead.post("/staff/requests/erase", "code", reference, "action", "erase", "reason", "Asked by phone")
                .location()).isEqualTo("/staff/requests?done=erased");
        assertThat(items("reference = '" + reference + "'")).isZero();
        assertThat(count("SELECT count(*) FROM feedback_contacts c WHERE c.phone = '01632 960001'")).isZero();
        assertThat(count("SELECT count(*) FROM change_log WHERE kind = 'feedback-erased'")).isPositive();

        // Complaints are kept one month here: one from two months ago goes, one from today stays.
        String old = LocalDate.now().minusMonths(2).toString();
        postJson("{\"submissionId\": \"" + UUID.randomUUID() + "\", \"channel\": \"complaint\", \"date\": \"" + old
                + "\", \"service\": \"Old complaint\", \"text\": \"Late transport.\"}", null);
        postJson("{\"submissionId\": \"" + UUID.randomUUID() + "\", \"channel\": \"complaint\", "
                + "\"service\": \"New complaint\", \"text\": \"Late transport.\"}", null);
        retention.runNow();
        assertThat(items("subject = 'Old complaint'")).isZero();
        assertThat(items("subject = 'New complaint'")).isEqualTo(1);
    }

    private HttpResponse<String> postJson(String json, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/api/v1/feedback"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (origin != null) {
            request.header("Origin", origin);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rowOf(Element page, String heading) {
        for (Element row : page.select("tbody tr")) {
            if (row.selectFirst("th") != null && row.selectFirst("th").text().equals(heading)) {
                return row.select("td").eachText();
            }
        }
        return new ArrayList<>();
    }
}
