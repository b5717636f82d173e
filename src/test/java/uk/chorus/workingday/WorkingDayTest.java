package uk.chorus.workingday;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;
import uk.chorus.support.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A co-production lead's working day with lists longer than a page: single responses, the
 * feedback inbox, accounts and the audit log page, filter and count; invitations; a person to
 * contact before a survey opens; a theme's comments exported.
 */
@MicronautTest(transactional = false)
class WorkingDayTest extends ChorusTest {
    private static final String SURVEY = "family-voice-2026";
    private StaffClient admin;
    private StaffClient lead;

    @Override
    protected Map<String, String> extraProperties() {
        // An area that has not yet named a person to contact: no survey may open to families.
        return Map.of("chorus.site.contact-email", "", "chorus.site.data-controller", "Exampleshire County Council",
                "chorus.site.data-protection-email", "dpo@exampleshire.example", "chorus.feedback.retention", "local-offer=12",
                "chorus.pledges.contact-retention-months", "18");
    }

    @BeforeAll
    void people() {
        admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
    }

    @Test
    void singleResponsesComeFiftyAPageWithTheirOrderAndCounts() {
        for (int i = 0; i < 55; i++) {
            StaffFixture.respond(server.getURI(), SURVEY, StaffFixture.FAMILY_VOICE_ANSWERS);
        }
        String oldest = queryText("SELECT reference FROM responses WHERE survey_id = '" + SURVEY + "' ORDER BY submitted_at, id LIMIT 1");
        String newest = queryText("SELECT reference FROM responses WHERE survey_id = '" + SURVEY + "' ORDER BY submitted_at DESC, id DESC LIMIT 1");

        Document first = lead.get("/staff/surveys/" + SURVEY + "/responses").document();
        assertThat(first.select("tbody tr")).as(first.text()).hasSize(50);
        assertThat(first.select("tbody tr").first().text()).contains(newest);
        assertThat(first.select("#showing").text()).isEqualTo("Showing 1 to 50 of 55");
        assertThat(first.select("#channel option").eachText()).contains("Every way (55)", "From another system (55)");
        assertThat(first.select(".govuk-pagination__item--current a").text()).isEqualTo("1");
        String next = first.select(".govuk-pagination__next a").attr("href");

        Document second = lead.get(next).document();
        assertThat(second.select("tbody tr")).hasSize(5);
        assertThat(second.select("#showing").text()).isEqualTo("Showing 51 to 55 of 55");
        assertThat(second.select(".govuk-pagination__prev a")).hasSize(1);
        assertThat(second.select(".govuk-pagination__next")).isEmpty();

        Document byOldest = lead.get("/staff/surveys/" + SURVEY + "/responses?order=oldest").document();
        assertThat(byOldest.select("tbody tr").first().text()).contains(oldest);
        Document one = lead.get("/staff/surveys/" + SURVEY + "/responses?reference=" + newest.substring(0, 6).toLowerCase()).document();
        assertThat(one.select("tbody tr").eachText()).anyMatch(t -> t.contains(newest));
        Document none = lead.get("/staff/surveys/" + SURVEY + "/responses?channel=web").document();
        assertThat(none.text()).contains("No responses match");
        // A page past the end shows the last page rather than nothing.
        assertThat(lead.get("/staff/surveys/" + SURVEY + "/responses?page=99").document().select("tbody tr")).hasSize(5);
    }

    @Test
    void theInboxShowsWhatIsNotYetReviewedAPageAtATimeAndAsksBeforeMarkingAPage() {
        StringBuilder csv = new StringBuilder("channel,date,service,text\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 3 == 0 ? "compliment" : "service").append(",2026-03-").append(String.format("%02d", 1 + i % 28))
                    .append(",Inbox paging service,Item number ").append(i).append(".\n");
        }
        Browser.Page ready = lead.postFile("/staff/feedback/import", "file", "many.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(ready.status()).as(ready.text()).isEqualTo(200);
        assertThat(lead.post(ready.document().select("form[action^=/staff/feedback/import/]").attr("action")).status()).isEqualTo(303);
        String base = "/staff/feedback?subject=Inbox+paging+service";

        Document inbox = lead.get(base).document();
        assertThat(inbox.select(".govuk-summary-card")).hasSize(50);
        assertThat(inbox.select("#showing").text()).isEqualTo("Showing 1 to 50 of 60");
        assertThat(inbox.select("#reviewed option[selected]").text()).isEqualTo("Not reviewed yet (60)");
        assertThat(inbox.select("#channel option").eachText()).contains("Every channel (60)", "Compliment (20)");
        // Nothing is marked straight from the list: the bulk action is a link to a question.
        assertThat(inbox.select("form[action=/staff/feedback/reviewed] input[name=reference]")).hasSize(50);
        String reviewAll = inbox.select("a[href^=/staff/feedback/review-all]").attr("href");
        Document question = lead.get(reviewAll).document();
        assertThat(question.select("h1").text()).isEqualTo("Mark all 50 items on this page as reviewed?");
        assertThat(count("SELECT count(*) FROM feedback_items WHERE subject = 'Inbox paging service' AND reviewed_at IS NOT NULL")).isZero();

        Browser.Page marked = lead.post("/staff/feedback/reviewed", formOf(question));
        assertThat(marked.status()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM feedback_items WHERE subject = 'Inbox paging service' AND reviewed_at IS NOT NULL")).isEqualTo(50);
        Document after = lead.get(marked.location()).document();
        assertThat(after.select(".govuk-summary-card")).hasSize(10);
        assertThat(after.select("#reviewed option").eachText()).contains("Not reviewed yet (10)", "Reviewed (50)", "Reviewed or not (60)");
        // "Reviewed or not" puts what is still to do first.
        Document both = lead.get(base + "&reviewed=any").document();
        assertThat(both.select(".govuk-summary-card").first().select(".govuk-tag--green")).isEmpty();
        assertThat(both.select(".govuk-summary-card").last().select(".govuk-tag--green")).hasSize(1);
    }

    @Test
    void anInvitationIsMadeOnceHoweverOftenItsPageIsRefreshedAndCanBeWithdrawn() {
        long before = count("SELECT count(*) FROM invitations");
        Browser.Page made = admin.post("/staff/accounts/invite", "email", "Refresh.Me@example.org", "role", "viewer");
        assertThat(made.status()).isEqualTo(303);
        String shownAt = made.location();
        String link = admin.get(shownAt).document().select("main code").text();
        assertThat(link).contains("/invitations/");
        // A refresh shows the same link and makes nothing new.
        assertThat(admin.get(shownAt).document().select("main code").text()).isEqualTo(link);
        assertThat(count("SELECT count(*) FROM invitations")).isEqualTo(before + 1);
        assertThat(count("SELECT count(*) FROM invitation_links")).isPositive();

        Document accounts = admin.get("/staff/accounts").document();
        assertThat(accounts.select("tr:contains(refresh.me@example.org)").text()).contains("Waiting");

        // Inviting the same person again withdraws the first link.
        String second = admin.get(admin.post("/staff/accounts/invite", "email", "refresh.me@example.org", "role", "viewer")
                .location()).document().select("main code").text();
        assertThat(browser().get(java.net.URI.create(link).getPath()).status()).isEqualTo(410);
        assertThat(browser().get(java.net.URI.create(second).getPath()).status()).isEqualTo(200);

        String secondAt = admin.get("/staff/accounts").document()
                .select("tr:contains(refresh.me@example.org):contains(Waiting) a").attr("href");
        assertThat(admin.post(secondAt + "/withdraw").status()).isEqualTo(303);
        assertThat(admin.get(secondAt).document().select("#status").text()).isEqualTo("Withdrawn");
        assertThat(browser().get(java.net.URI.create(second).getPath()).status()).isEqualTo(410);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'invitation withdrawn'")).isEqualTo(1);
        // Addresses in the audit log break before "@" and ".", never mid-word.
        Document audit = admin.get("/staff/audit?action=invitation+withdrawn").document();
        assertThat(audit.select("tbody td.chorus-wrap").first().html()).isEqualTo("test-admin<wbr>@example<wbr>.org");
        // A lead never sees an invitation.
        assertThat(lead.get(secondAt).status()).isEqualTo(403);
    }

    @Test
    void aLostLinkIsReplacedByANewOneAndTheOldOneStopsWorking() {
        String at = admin.post("/staff/accounts/invite", "email", "lost.link@example.org", "role", "parent-forum").location();
        String first = admin.get(at).document().select("main code").text();
        assertThat(admin.post(at + "/renew").status()).isEqualTo(303);
        String renewed = admin.get(at).document().select("main code").text();
        assertThat(renewed).isNotEqualTo(first).contains("/invitations/");
        assertThat(browser().get(java.net.URI.create(first).getPath()).status()).isEqualTo(410);
        StaffClient person = new StaffClient(server.getURI());
        assertThat(person.postWithoutCsrf(java.net.URI.create(renewed).getPath(), "name", "Lost Link",
                "password", StaffFixture.PASSWORD).status()).isEqualTo(303);
        assertThat(admin.get(at).document().select("#status").text()).isEqualTo("Accepted");
        assertThat(admin.get(at).document().select("main code")).isEmpty();
    }

    @Test
    void accountsAreListedFiftyAPageByRoleWithCounts() {
        // Made in the database: 52 sign-ups through the invitation pages would spend seconds hashing passwords.
        execute("INSERT INTO accounts (email, display_name, role, password_hash) SELECT 'viewer' || n || '@example.org', "
                + "'Viewer ' || n, 'viewer', 'no password' FROM generate_series(0, 51) n");
        Document page = admin.get("/staff/accounts?show=viewer").document();
        assertThat(page.select("#show option[selected]").text()).isEqualTo("Viewer (52)");
        assertThat(page.select("#accounts-list tbody tr")).hasSize(50);
        Document last = admin.get(page.select(".govuk-pagination__next a").attr("href")).document();
        assertThat(last.select("#accounts-list tbody tr")).hasSize(2);
        assertThat(admin.get("/staff/accounts?who=viewer51").document().select("#accounts-list tbody tr").text())
                .contains("viewer51@example.org");
    }

    @Test
    void noSurveyOpensToFamiliesUntilTheyHaveAPersonToContact() {
        Browser.Page start = browser().get("/s/" + SURVEY);
        assertThat(start.heading()).isEqualTo("This survey is not open yet");
        assertThat(start.text()).contains("opens as soon as we have named a person you can contact about it");
        assertThat(browser().get("/s/" + SURVEY + "/begin").heading()).isEqualTo("This survey is not open yet");
        assertThat(count("SELECT count(*) FROM drafts")).isZero();
        assertThat(browser().get("/").document().select("a[href='/s/" + SURVEY + "']")).isEmpty();
        assertThat(lead.get("/staff").document().select("#no-contact").text())
                .contains("Families cannot start any survey yet");
    }

    @Test
    void thePrivacyNoticeNamesWhoIsResponsibleWhyAndHowLongForEveryForm() {
        Document privacy = browser().get("/privacy").document();
        assertThat(privacy.select("#data-controller").text()).startsWith("Exampleshire County Council is the data controller");
        assertThat(privacy.select("#lawful-basis").text()).contains("Article 6(1)(e)").contains("Article 9(2)(g)");
        assertThat(privacy.text()).contains("data protection officer by emailing dpo@exampleshire.example")
                .contains("every form on this website: the surveys, feedback on the Local Offer and on services, and the SEND pledge");
        String retention = privacy.select("#retention").text();
        assertThat(retention).contains("Survey answers Deleted 24 months after the survey closes")
                .contains("Feedback Deleted 24 months after the day it was given. Some kinds differ: local offer: 12 months.")
                .contains("Contact details given with feedback")
                .contains("Pledge contacts' names and email addresses Deleted 18 months after the pledge's one-year review")
                .contains("Email addresses for a link to finish later Not kept");
    }

    @Test
    void aThemesCommentsAreExportedWithTheirDatesSourcesAndGroups() throws InterruptedException {
        String csv = "channel,date,service,text,EHCP\n"
                + "service,2026-02-10,Respite centre,\"We waited a year for overnight short breaks\",ehcp\n"
                + "service,2026-02-11,Respite centre,The bus was late again.,\n";
        Browser.Page ready = lead.postFile("/staff/feedback/import", "file", "themes.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(lead.post(ready.document().select("form[action^=/staff/feedback/import/]").attr("action")).status()).isEqualTo(303);

        String path = "/staff/themes/short-breaks/comments.csv";
        Browser.Page export = lead.get(path);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!export.body().contains("overnight short breaks") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            export = lead.get(path);
        }
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"theme-short-breaks-comments.csv\"");
        List<String> lines = export.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Date,Source,\"Survey question, or channel and service\",Themes,Comment,Groups,Reference");
        String row = lines.stream().filter(l -> l.contains("overnight short breaks")).findFirst().orElseThrow();
        assertThat(row).startsWith("2026-02-10,").contains("Respite centre").contains("Short breaks")
                .contains("Feedback").contains("EHCP");
        assertThat(export.body()).doesNotContain("The bus was late again.");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'theme comments exported'")).isPositive();
        assertThat(admin.get(path).status()).isEqualTo(403);
        assertThat(lead.get("/staff/themes/no-such-theme/comments.csv").status()).isEqualTo(404);
    }

    @Test
    void aPledgesDatesAreTypedInGovUkDateBoxes() {
        Document form = lead.get("/staff/pledges/new").document();
        assertThat(form.select("input[type=date]")).isEmpty();
        assertThat(form.select("#launch-day, #launch-month, #launch-year, #review-day, #review-month, #review-year")).hasSize(6);
        String[] fields = {"title", "Dated pledge", "pledge", "We pledge.", "commitments", "Listen", "target", "85",
                "launch-day", "31", "launch-month", "2", "launch-year", "2027", "review-day", "1", "review-month", "3",
                "review-year", "2028"};
        Browser.Page wrong = lead.post("/staff/pledges", fields);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.errorSummary()).containsExactly("Enter the launch date as a real date, for example 15 1 2027");
        assertThat(wrong.document().select("#launch-day").val()).isEqualTo("31");
        assertThat(count("SELECT count(*) FROM pledge_campaigns WHERE title = 'Dated pledge'")).isZero();
        fields[9] = "28";
        assertThat(lead.post("/staff/pledges", fields).status()).isEqualTo(303);
        assertThat(queryText("SELECT launch_on || ' ' || review_on FROM pledge_campaigns WHERE title = 'Dated pledge'"))
                .isEqualTo("2027-02-28 2028-03-01");
    }

    @Test
    void everyChangedPageIsValidHtml() {
        execute("INSERT INTO accounts (email, display_name, role, password_hash) SELECT 'forum' || n || '@example.org', "
                + "'Forum ' || n, 'parent-forum', 'no password' FROM generate_series(0, 50) n");
        String invitation = admin.post("/staff/accounts/invite", "email", "valid.html@example.org", "role", "viewer").location();
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("accounts, paged", admin.get("/staff/accounts?show=parent-forum&page=2").body());
        pages.put("invitation with its link", admin.get(invitation).body());
        pages.put("audit log", admin.get("/staff/audit").body());
        pages.put("single responses", lead.get("/staff/surveys/" + SURVEY + "/responses").body());
        pages.put("feedback inbox", lead.get("/staff/feedback?reviewed=any").body());
        pages.put("new pledge", lead.get("/staff/pledges/new").body());
        pages.put("themes", lead.get("/staff/themes").body());
        pages.put("staff home without a contact", lead.get("/staff").body());
        pages.put("home", browser().get("/").body());
        pages.put("privacy", browser().get("/privacy").body());
        pages.put("survey waiting for a contact", browser().get("/s/" + SURVEY).body());
        pages.forEach((name, html) -> assertThat(uk.chorus.browser.HtmlChecker.errors(html)).as(name).isEmpty());
        assertThat(pages.get("accounts, paged")).contains("govuk-pagination__item--current");
    }

    private void execute(String sql) {
        try (var connection = TestDatabase.connect(databaseUrl); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] formOf(Document page) {
        return page.select("form[method=post] input[type=hidden]").stream()
                .filter(i -> !i.attr("name").equals("_csrf"))
                .flatMap(i -> java.util.stream.Stream.of(i.attr("name"), i.attr("value"))).toArray(String[]::new);
    }
}
