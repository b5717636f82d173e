package uk.chorus.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff forms bound to validated records (accounts, data protection, pledges, feedback): a missing
 * or wrong field gets 422, the error summary in the order of the page and what was typed kept; a
 * missing or wrong CSRF token is refused with 403 and an unreadable body with 400, nothing changed.
 */
@MicronautTest(transactional = false)
class StaffFormBindingTest extends ChorusTest {
    private StaffClient admin;
    private StaffClient lead;

    @BeforeAll
    void people() {
        admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "binding.lead@example.org", "lead");
    }

    @Test
    void anInvitationWithABadEmailAndNoRoleIsShownAgainWithBothErrorsAndTheEmailTyped() {
        long before = count("SELECT count(*) FROM invitations");
        Browser.Page page = admin.post("/staff/accounts/invite", "email", "  Not An Email  ", "role", "");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.errorSummary()).containsExactly("Enter an email address like name@example.org", "Select a role");
        assertThat(page.document().title()).startsWith("Error: ");
        assertThat(page.document().select("input[name=email]").attr("value")).isEqualTo("not an email");
        assertThat(page.document().select(".govuk-error-summary a").eachAttr("href")).containsExactly("#email", "#role");
        assertThat(count("SELECT count(*) FROM invitations")).isEqualTo(before);
        // A role the page does not offer is no role at all.
        assertThat(admin.post("/staff/accounts/invite", "email", "someone@example.org", "role", "owner").errorSummary())
                .containsExactly("Select a role");
    }

    @Test
    void aRoleChangeWithNoRoleKeepsThePersonsPage() {
        long id = Long.parseLong(queryText("SELECT id FROM accounts WHERE email = 'binding.lead@example.org'"));
        Browser.Page page = admin.post("/staff/accounts/" + id + "/role", "role", "");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.errorSummary()).containsExactly("Select a role");
        assertThat(page.text()).contains("binding.lead@example.org");
        assertThat(queryText("SELECT role FROM accounts WHERE id = " + id)).isEqualTo("lead");
    }

    @Test
    void aReasonTooLongNamesTheLimitAndKeepsWhatWasChosen() {
        Browser.Page page = admin.post("/staff/accounts/survey-access", "survey", "family-voice-2026",
                "audience", "young-people", "forum", "", "reason", "x".repeat(2001));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.errorSummary()).containsExactly("Enter why you are making this change, in 2,000 characters or fewer");
        assertThat(page.document().select("option[selected]").eachAttr("value"))
                .contains("family-voice-2026", "young-people");
    }

    @Test
    void aDataRequestWithNoCodeOrActionKeepsTheReason() {
        Browser.Page page = lead.post("/staff/requests", "code", "   ", "action", "", "reason", "Asked by phone");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.errorSummary()).containsExactly("Enter the reference or resume code the person gave you",
                "Select what they ask for");
        assertThat(page.document().select("textarea[name=reason]").text()).isEqualTo("Asked by phone");
    }

    @Test
    void aCampaignWithNoNameAndABadTargetShowsEveryProblemInPageOrderAndKeepsThePledge() {
        long before = count("SELECT count(*) FROM pledge_campaigns");
        Browser.Page page = lead.post("/staff/pledges", "title", " ", "pledge", "We will listen.",
                "commitments", "Train staff", "target", "eighty", "launch", "2027-01-15", "review", "2026-01-15");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.errorSummary()).containsExactly("Enter a name for the campaign, up to 200 characters",
                "Enter the target as a percentage between 1 and 100, for example 85",
                "Enter a real review date on or after the launch date");
        Document form = page.document();
        assertThat(form.select("textarea[name=pledge]").text()).isEqualTo("We will listen.");
        assertThat(form.select("input[name=target]").attr("value")).isEqualTo("eighty");
        assertThat(count("SELECT count(*) FROM pledge_campaigns")).isEqualTo(before);
    }

    @Test
    void aMissingOrForgedCsrfTokenIsRefusedAndChangesNothing() {
        long id = Long.parseLong(queryText("SELECT id FROM accounts WHERE email = 'binding.lead@example.org'"));
        long campaigns = count("SELECT count(*) FROM pledge_campaigns");
        for (Browser.Page refused : List.of(
                admin.postWithoutCsrf("/staff/accounts/" + id + "/role", "role", "viewer", "confirm", "yes"),
                admin.postWithoutCsrf("/staff/accounts/" + id + "/deactivate", "confirm", "yes", "_csrf", "forged"),
                lead.postWithoutCsrf("/staff/pledges", "title", "A campaign", "pledge", "We will.", "commitments", "One",
                        "target", "85", "launch", "2027-01-15", "review", "2028-01-15"),
                lead.postWithoutCsrf("/staff/feedback/reviewed", "reference", "FB-AAAA-AAAA", "_csrf", admin.csrf()),
                lead.postWithoutCsrf("/staff/requests", "code", "ABCD", "action", "export", "reason", "Asked"))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.heading()).isEqualTo("This form has expired");
        }
        assertThat(queryText("SELECT role || (deactivated_at IS NULL) FROM accounts WHERE id = " + id)).isEqualTo("leadtrue");
        assertThat(count("SELECT count(*) FROM pledge_campaigns")).isEqualTo(campaigns);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action LIKE 'subject access%'")).isZero();
    }

    @Test
    void aBodyWithMoreFieldsThanAnyFormIsRefusedWhole() {
        long id = Long.parseLong(queryText("SELECT id FROM accounts WHERE email = 'binding.lead@example.org'"));
        List<String> fields = new ArrayList<>(List.of("role", "viewer", "confirm", "yes"));
        for (int i = 0; i < 600; i++) {
            fields.add("extra" + i);
            fields.add("x");
        }
        fields.add("_csrf");
        fields.add(admin.csrf());
        Browser.Page refused = admin.postWithoutCsrf("/staff/accounts/" + id + "/role", fields.toArray(String[]::new));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.heading()).isEqualTo("There is a problem with what was sent");
        assertThat(queryText("SELECT role FROM accounts WHERE id = " + id)).isEqualTo("lead");
    }
}
