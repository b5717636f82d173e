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
        // Someone else, an administrator too, sees the status but never the link.
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
