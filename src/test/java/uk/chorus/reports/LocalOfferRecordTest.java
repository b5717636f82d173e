package uk.chorus.reports;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.chorus.browser.HtmlChecker;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
 * Replying and the Local Offer record: a family can leave an address for a reply on the Local
 * Offer form (kept apart from their words, deleted once the reply is queued); a lead replies
 * through the outbox, sorts the comment, writes what was done and sets a vexatious one aside with
 * a reason; the year's Local Offer feedback report is previewed and published, with names taken
 * out and set-aside comments left out.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalOfferRecordTest extends ChorusTest {
    private static final String WANTS_REPLY = "The short breaks page has no phone number for the team.";
    private static final String NAMED = "Mrs Kowalczyk was lovely but the page is hard to read on my phone.";
    private static final String ABUSE = "You are all useless idiots and I hope the council burns.";
    private static GreenMail smtp;
    private StaffClient lead;
    private StaffClient viewer;
    private String replyReference;
    private String namedReference;
    private String abuseReference;
    private final String year = Integer.toString(LocalDate.now(ZoneId.of("Europe/London")).getYear());

    @Override
    protected Map<String, String> extraProperties() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return Map.of("chorus.mail.host", "127.0.0.1", "chorus.mail.port", Integer.toString(port),
                "chorus.mail.every", "300ms", "chorus.rate-limits.feedback-per-minute", "60");
    }

    @AfterAll
    static void stopMail() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @BeforeAll
    void people() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        viewer = StaffFixture.invite(server.getURI(), admin, "viewer@example.org", "viewer");
    }

    private String send(String text, String email) {
        Browser.Page sent = browser().post("/feedback/local-offer", "page", "Short breaks", "helpful", "no",
                "text", text, "email", email);
        assertThat(sent.status()).isEqualTo(303);
        return sent.location().replaceAll(".*reference=(FB-[0-9A-Z]{4}-[0-9A-Z]{4}).*", "$1");
    }

    private static List<String> mailTo(String address) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                bodies.add(GreenMailUtil.getBody(message).replace("=\r\n", ""));
            }
        }
        return bodies;
    }

    private String handling(String reference) {
        return "/staff/feedback/items/" + reference + "/handling";
    }

    @Test
    @Order(1)
    void aFamilyCanLeaveAnAddressForAReplyKeptApartFromTheirWords() {
        Browser family = browser();
        assertThat(family.get("/feedback/local-offer?page=Short+breaks").document().select("input#email[type=email]"))
                .hasSize(1);
        String state = databaseState();
        Browser.Page wrong = family.post("/feedback/local-offer", "page", "Short breaks", "helpful", "no",
                "text", WANTS_REPLY, "email", "not an address");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.errorSummary()).containsExactly(
                "Enter an email address in the correct format, like name@example.com, or leave it empty");
        assertThat(wrong.document().select("textarea#text").text()).isEqualTo(WANTS_REPLY);
        assertThat(wrong.document().select("input#email").attr("value")).isEqualTo("not an address");
        assertThat(databaseState()).isEqualTo(state);
        assertThat(HtmlChecker.errors(wrong.body())).isEmpty();

        replyReference = send(WANTS_REPLY, "parent@example.org");
        namedReference = send(NAMED, "");
        abuseReference = send(ABUSE, "");
        assertThat(queryText("SELECT string_agg(a.email, ',') FROM feedback_reply_addresses a JOIN feedback_items i "
                + "ON i.id = a.item_id WHERE i.reference = '" + replyReference + "'")).isEqualTo("parent@example.org");
        assertThat(count("SELECT count(*) FROM feedback_reply_addresses")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM feedback_items WHERE text LIKE '%parent@example.org%' "
                + "OR about::text LIKE '%parent@example.org%'")).isZero();
    }

    @Test
    @Order(2)
    void aLeadRepliesOnceThroughTheOutboxAndTheAddressIsThenDeleted() throws Exception {
        assertThat(lead.get("/staff/feedback/items/" + replyReference).document()
                .select("a[href=" + handling(replyReference) + "]")).hasSize(1);
        Browser.Page page = lead.get(handling(replyReference));
        assertThat(page.text()).contains(WANTS_REPLY).doesNotContain("parent@example.org");
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
        Browser.Page empty = lead.post(handling(replyReference) + "/reply", "reply", "  ");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.errorSummary()).containsExactly("Enter your reply, up to 5,000 characters");

        String words = "Thank you. We have added the short breaks team's number to the page.";
        assertThat(lead.post(handling(replyReference) + "/reply", "reply", words).status()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM feedback_reply_addresses")).isZero();
        // Staff invitations go through the same server: only the family's mail is read here.
        await("the reply reaches the family").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(mailTo("parent@example.org")).as(() -> "the outbox holds: "
                        + queryText("SELECT string_agg(status || ' ' || coalesce(last_error, ''), '; ') FROM mail_outbox"))
                        .hasSize(1));
        assertThat(mailTo("parent@example.org").get(0)).contains("short breaks team").contains(replyReference)
                .contains("We have now deleted it.");
        assertThat(lead.get(handling(replyReference)).text()).contains("Replied by lead@example.org").contains(words);

        // A second press, or a second lead: nothing more is sent.
        Browser.Page again = lead.post(handling(replyReference) + "/reply", "reply", words);
        assertThat(again.status()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE about LIKE 'feedback-reply:%'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'feedback replied to'")).isEqualTo(1);
        assertThat(viewer.get(handling(replyReference)).status()).isEqualTo(403);

        // Service feedback sent by API from someone who agreed to be contacted: replied to once, at that address.
        Api.Reply service = api().postJson("/api/v1/feedback", "{\"submissionId\": \"" + UUID.randomUUID() + "\", "
                + "\"channel\": \"service\", \"service\": \"Short breaks club\", \"text\": \"No places again.\", "
                + "\"contact\": {\"email\": \"carer@example.org\"}}");
        assertThat(service.status()).isEqualTo(201);
        String serviceReference = service.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(lead.get(handling(serviceReference)).document().select("textarea#reply")).hasSize(1);
        assertThat(lead.post(handling(serviceReference) + "/reply", "reply", "We have opened a second club.").status())
                .isEqualTo(303);
        await("the reply reaches the carer").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(mailTo("carer@example.org")).hasSize(1));
        assertThat(lead.post(handling(serviceReference) + "/reply", "reply", "Again.").status()).isEqualTo(409);
        assertThat(lead.get(handling(serviceReference)).document().select("textarea#reply")).isEmpty();
    }

    @Test
    @Order(3)
    void aLeadSortsAnswersAndSetsAVexatiousCommentAsideWithAReason() {
        Browser.Page badCategory = lead.post(handling(namedReference) + "/sort", "category", "gossip", "response", "x");
        assertThat(badCategory.status()).isEqualTo(422);
        assertThat(badCategory.errorSummary()).containsExactly("Choose what the comment is about from the list");
        assertThat(lead.post(handling(namedReference) + "/sort", "category", "accessibility", "response",
                "We made the text larger and tested the pages on phones.").status()).isEqualTo(303);
        assertThat(lead.post(handling(replyReference) + "/sort", "category", "content", "response",
                "We added the team's phone number to the short breaks page.").status()).isEqualTo(303);

        Browser.Page noReason = lead.post(handling(abuseReference) + "/set-aside", "reason", "");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.errorSummary()).containsExactly("Enter why the comment is being set aside, up to 1,000 characters");
        assertThat(lead.post(handling(abuseReference) + "/set-aside", "reason", "Abusive to staff.").status())
                .isEqualTo(303);
        assertThat(queryText("SELECT action || ' / ' || actor || ' / ' || detail FROM audit_log "
                + "WHERE action = 'feedback set aside'")).isEqualTo("feedback set aside / lead@example.org / Abusive to staff.");
        assertThat(lead.get(handling(abuseReference)).text()).contains("Abusive to staff.").contains("Bring it back");
    }

    @Test
    @Order(4)
    void theYearsLocalOfferReportIsPreviewedThenPublishedWithoutNamesOrSetAsideComments() {
        assertThat(browser().get("/local-offer-feedback/" + year).status()).isEqualTo(404);
        Browser.Page preview = lead.get("/staff/reports/local-offer?year=" + year);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(HtmlChecker.errors(preview.body())).isEmpty();
        assertThat(preview.document().select("#category-content").text())
                .contains("We added the team's phone number to the short breaks page.").contains(WANTS_REPLY);

        Browser.Page published = lead.post("/staff/reports/local-offer/" + year + "/publish");
        assertThat(published.status()).isEqualTo(303);
        Browser.Page page = browser().get(published.location());
        assertThat(page.status()).isEqualTo(200);
        String accessibility = page.document().select("#category-accessibility").text();
        assertThat(accessibility).contains("We made the text larger").contains("[name]").doesNotContain("Kowalczyk");
        assertThat(page.text()).doesNotContain("idiots").contains("Set aside as abusive or vexatious (not shown) 1");
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
        assertThat(browser().get("/local-offer-feedback").document().select("a[href=/local-offer-feedback/" + year + "]"))
                .hasSize(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'local offer report published'")).isEqualTo(1);
        assertThat(viewer.get("/staff/reports/local-offer").status()).isEqualTo(403);
    }
}
