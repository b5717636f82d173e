package uk.chorus.pledges;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import jakarta.inject.Inject;
import uk.chorus.dataprotection.RetentionJob;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pledge's whole cycle against a real SMTP server in this process (GreenMail): a campaign, a
 * circulation list from CSV (bad rows refused whole, duplicates left out), invitations by email,
 * signing through the emailed link (twice, then withdrawn and signed again), a public sign-up
 * moderated by a lead, reminders, the target arithmetic, the public list with an opt-out, the
 * one-year-on review and its report, the JSON API and the CSV export.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PledgesTest extends ChorusTest {
    private static final Pattern LINK = Pattern.compile("(/pledge/(?:sign|review)/[0-9a-f]{32}\\.[A-Za-z0-9_-]+)");
    private static GreenMail smtp;
    private StaffClient lead;
    private long campaign;
    @Inject
    RetentionJob retention;

    @Override
    protected Map<String, String> extraProperties() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return Map.of("chorus.mail.host", "127.0.0.1", "chorus.mail.port", Integer.toString(port),
                "chorus.mail.from", "send-team@council.example", "chorus.mail.every", "300ms");
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @BeforeAll
    void aCampaign() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        LocalDate today = LocalDate.now();
        Browser.Page created = lead.post("/staff/pledges", "title", "SEND is Everybody's Business", "pledge",
                "We make SEND everybody's business.", "commitments", "Train every member of staff\nName a SEND lead\n"
                        + "Ask families every year", "target", "85", "launch", today.minusDays(20).toString(),
                "review", today.toString());
        assertThat(created.status()).isEqualTo(303);
        campaign = Long.parseLong(created.location().substring("/staff/pledges/".length()));
    }

    private Browser.Page upload(String csv) {
        return lead.postFile("/staff/pledges/" + campaign + "/import", "file", "list.csv",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The newest emails to an address, waiting up to 20 seconds for {@code count} of them. */
    private List<String> mailTo(String address, int count) {
        return await(count + " emails to " + address).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> sentTo(m, address))
                        .map(GreenMailUtil::getBody).toList(), to -> to.size() >= count);
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients()[0].toString().equals(address);
        } catch (Exception e) {
            return false;
        }
    }

    private static String link(String body) {
        Matcher matcher = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(matcher.find()).as("a link in %s", body).isTrue();
        return matcher.group(1);
    }

    @Test
    @Order(1)
    void aListWithBadRowsIsRefusedWholeAndDuplicatesAreLeftOut() {
        Browser.Page refused = upload("name,sector,contact_name,contact_email\n"
                + "Oak Primary,school,Ann,ann@oak.example\n"
                + ",school,Bob,bob@example.org\n"
                + "Hill College,university,Cy,cy@hill.example\n"
                + "Care Team,social care,Di,not-an-email\n");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("The file has 3 problems").contains("Row 3: enter the organisation’s name")
                .contains("Row 4: ’university’ is not a sector").contains("Row 5: ’not-an-email’ is not an email address");
        assertThat(count("SELECT count(*) FROM pledge_organisations")).isZero();

        Browser.Page added = upload("name,sector,contact_name,contact_email\n"
                + "Oak Primary,school,Ann,ann@oak.example\n"
                + "Hill College,college,Cy,cy@hill.example\n"
                + "Care Team,Social care,Di,di@care.example\n"
                + "Little Stars Nursery,early years,,\n"
                + "Oak Primary School,school,Ann again,ANN@oak.example\n");
        assertThat(added.text()).contains("4 organisations were added to the list").contains("Row 6: Oak Primary School");
        assertThat(count("SELECT count(*) FROM pledge_organisations WHERE circulated")).isEqualTo(4);
    }

    @Test
    @Order(2)
    void invitationsGoByEmailAndSigningTwiceMakesOneSignature() throws Exception {
        assertThat(lead.post("/staff/pledges/" + campaign + "/invite").location()).endsWith("?invited=3");
        String invitation = mailTo("ann@oak.example", 1).get(0);
        assertThat(invitation).contains("Dear Ann,").contains("We make SEND everybody's business.");
        String signing = link(invitation);
        // Inviting again sends nothing new: everyone with an address has been invited.
        assertThat(lead.post("/staff/pledges/" + campaign + "/invite").location()).endsWith("?invited=0");

        Browser oak = browser();
        Document page = oak.get(signing).document();
        assertThat(page.select("h1").text()).isEqualTo("SEND is Everybody's Business");
        assertThat(lead.get("/staff/pledges/" + campaign).text()).contains("Opened the link");
        List<String> commitments = page.select("input[name=commitment]").eachAttr("value");
        assertThat(commitments).hasSize(3);

        Browser.Page missing = oak.post(signing, "name", "", "role", "Head");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorSummary()).contains("Choose at least one commitment, or write your own", "Enter your name");
        assertThat(oak.post(signing, "commitment", commitments.get(0), "commitment", commitments.get(1), "name",
                "Ann Oak", "role", "Headteacher", "listed", "yes").status()).isEqualTo(303);
        // The same organisation signs again on another device: still one signature, now with the new role.
        assertThat(browser().post(signing, "commitment", commitments.get(0), "name", "Ann Oak", "role",
                "Executive headteacher", "listed", "yes").status()).isEqualTo(303);
        assertThat(queryText("SELECT count(*) || ' ' || max(signer_role) FROM pledge_signatures"))
                .isEqualTo("1 Executive headteacher");
        assertThat(browser().get(signing.substring(0, signing.length() - 2) + "xx").status()).isEqualTo(404);

        Document dashboard = lead.get("/staff/pledges/" + campaign).document();
        assertThat(dashboard.text()).contains("1 of 4 organisations have signed (25%)")
                .contains("3 more signatures are needed to reach 85%");
        assertThat(dashboard.select("svg[role=img]")).isNotEmpty();

        assertThat(oak.post(signing + "/withdraw").status()).isEqualTo(303);
        assertThat(lead.get("/staff/pledges/" + campaign).text()).contains("0 of 4 organisations have signed (0%)")
                .contains("Withdrew");
        assertThat(oak.post(signing, "commitment", commitments.get(0), "name", "Ann Oak", "role", "Headteacher",
                "listed", "yes").status()).isEqualTo(303);
        assertThat(lead.get("/staff/pledges/" + campaign).text()).contains("1 of 4 organisations have signed (25%)");
    }

    @Test
    @Order(3)
    void anOrganisationNotOnTheListAsksToJoinAndALeadApprovesIt() throws Exception {
        String slug = queryText("SELECT slug FROM pledge_campaigns");
        Browser stranger = browser();
        String commitment = stranger.get("/pledges/" + slug + "/join").document().select("input[name=commitment]")
                .attr("value");
        assertThat(stranger.post("/pledges/" + slug + "/join", "website", "http://spam.example", "organisation",
                "Spam Ltd", "sector", "other", "commitment", commitment, "name", "S", "role", "R", "email",
                "s@spam.example").status()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM pledge_organisations WHERE name = 'Spam Ltd'")).isZero();
        assertThat(stranger.post("/pledges/" + slug + "/join", "organisation", "Riverside Youth Club", "sector",
                "voluntary", "commitment", commitment, "name", "Raj", "role", "Manager", "email", "raj@youth.example")
                .location()).isEqualTo("/pledges/" + slug + "?asked=1");
        // Not counted (and not public) until a lead approves it.
        assertThat(lead.get("/staff/pledges/" + campaign).text()).contains("1 of 4 organisations")
                .contains("Riverside Youth Club");
        long id = count("SELECT id FROM pledge_organisations WHERE name = 'Riverside Youth Club'");
        assertThat(lead.post("/staff/pledges/" + campaign + "/organisations/" + id + "/approve").status()).isEqualTo(303);
        assertThat(lead.get("/staff/pledges/" + campaign).text()).contains("2 of 5 organisations have signed (40%)");

        Document shown = browser().get("/pledges/" + slug).document();
        assertThat(shown.text()).contains("2 of the 5 organisations asked have signed (40%). The target is 85%.")
                .contains("Oak Primary");
        // Raj did not tick "show us on the public list": counted, never named.
        assertThat(shown.text()).doesNotContain("Riverside Youth Club");

        assertThat(lead.post("/staff/pledges/" + campaign + "/remind").location()).endsWith("?reminded=2");
        assertThat(mailTo("cy@hill.example", 2).get(1)).contains("We have not yet heard whether Hill College will sign");
    }

    @Test
    @Order(4)
    void oneYearOnSignersSayWhatTheyDidAndTheReportCountsItBySector() throws Exception {
        assertThat(lead.post("/staff/pledges/" + campaign + "/review").location()).endsWith("?reviews=2");
        String review = link(mailTo("ann@oak.example", 2).get(1));
        assertThat(review).startsWith("/pledge/review/");
        Browser oak = browser();
        Document form = oak.get(review).document();
        String field = form.select("textarea[name^=evidence-]").attr("name");
        assertThat(oak.post(review, field, "").status()).isEqualTo(422);
        assertThat(oak.post(review, field, "All 40 staff finished SEND awareness training in March.",
                field.replace("evidence-", "link-"), "https://oak.example/training").status()).isEqualTo(303);
        Document report = lead.get("/staff/pledges/" + campaign + "/review").document();
        assertThat(report.text()).contains("1 of the 2 organisations that signed have told us what they did.")
                .contains("1 of the 2 organisations that chose this gave evidence of action.")
                .contains("All 40 staff finished SEND awareness training in March.");
        // The review's words reach the themes index through the change log, for search and "you said, we did".
        String search = "/staff/themes/search?source=pledge&q=awareness";
        // Generous: the first text indexed here also loads the sentence-embedding model, slow on a busy machine.
        await("the review's words in search").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> lead.get(search).text().contains("All 40 staff"));
        assertThat(lead.get(search).document().select(".chorus-comment").text())
                .contains("All 40 staff finished SEND awareness training in March.").contains("Oak Primary")
                .contains("Training and understanding of staff");
        assertThat(report.select("table").first().select("th").eachText()).containsExactly("School", "Voluntary");
        assertThat(report.select("table").first().select("td").eachText()).containsExactly("1 of 1", "0 of 1");
    }

    @Test
    @Order(5)
    void theApiAndTheExportSayTheSame() {
        String slug = queryText("SELECT slug FROM pledge_campaigns");
        String json = api().get("/api/v1/pledges").body();
        assertThat(json).contains("\"id\":\"" + slug + "\"").contains("\"target\":0.85").contains("\"circulated\":5")
                .contains("\"signed\":2").contains("{\"sector\":\"school\",\"circulated\":1,\"signed\":1}");
        assertThat(api().get("/api/v1/pledges/" + slug + "/signatures").status()).isEqualTo(401);
        String token = api().token("lead@example.org", StaffFixture.PASSWORD);
        assertThat(api().get("/api/v1/pledges/" + slug + "/signatures", token).body())
                .contains("\"organisation\":\"Oak Primary\"").contains("\"status\":\"signed\"");
        String csv = lead.get("/staff/pledges/" + campaign + "/signatures.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(
                "organisation,sector,contact_name,contact_email,status,signer_name,signer_role,signed_at,listed");
        assertThat(csv).contains("Oak Primary,school,Ann,ann@oak.example,signed,Ann Oak,Headteacher");
        // A name typed as a formula is written as text: opened in a spreadsheet it is never run.
        try (var connection = uk.chorus.support.TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("UPDATE pledge_organisations SET contact_name = "
                    + "'=HYPERLINK(\"http://evil.example\",\"Click\")' WHERE name = 'Oak Primary'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        String attacked = lead.get("/staff/pledges/" + campaign + "/signatures.csv").body();
        assertThat(attacked).contains("Oak Primary,school,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"")
                .doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
        try (var connection = uk.chorus.support.TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("UPDATE pledge_organisations SET contact_name = 'Ann' "
                    + "WHERE name = 'Oak Primary'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE status = 'sent' AND about LIKE 'pledge-org:%'"))
                .isEqualTo(7);
        // A sent message's body (it holds a signing link) is not kept.
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE status = 'sent' AND body <> ''")).isZero();
    }

    @Test
    @Order(6)
    void theSameSenderEmailsStaffInvitations() throws Exception {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        Browser.Page invited = StaffFixture.invitation(admin, "new.lead@example.org", "lead");
        assertThat(invited.text()).contains("We are emailing the link to new.lead@example.org");
        String body = mailTo("new.lead@example.org", 1).get(0).replace("=\r\n", "");
        assertThat(body).contains("has invited you to Chorus as a").contains("/invitations/");
    }

    @Test
    @Order(7)
    void contactsAreClearedAYearAfterTheirCampaignsReviewAndTheOrganisationsStay() {
        LocalDate today = LocalDate.now();
        Browser.Page created = lead.post("/staff/pledges", "title", "An earlier pledge", "pledge", "We did it then.",
                "commitments", "Train every member of staff", "target", "85", "launch",
                today.minusYears(3).toString(), "review", today.minusYears(2).toString());
        assertThat(created.status()).isEqualTo(303);
        assertThat(lead.postFile(created.location() + "/import", "file", "old.csv", ("name,sector,contact_name,contact_email\n"
                + "Elm Primary,school,Eve,eve@elm.example\n").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(303);
        long held = count("SELECT count(*) FROM pledge_organisations WHERE contact_email IS NOT NULL");

        retention.runNow();
        assertThat(count("SELECT count(*) FROM pledge_organisations WHERE name = 'Elm Primary' AND contact_name IS NULL "
                + "AND contact_email IS NULL")).isEqualTo(1);
        // This year's campaign still writes to its contacts.
        assertThat(count("SELECT count(*) FROM pledge_organisations WHERE contact_email IS NOT NULL")).isEqualTo(held - 1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'retention deletion' AND subject = 'pledges'"))
                .isEqualTo(1);
        assertThat(lead.get(created.location()).text()).contains("Elm Primary").doesNotContain("eve@elm.example");
    }
}
