package uk.chorus.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Api;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and the main staff pages at a desktop size in Chromium, each checked with axe-core
 * and the Nu Html Checker, with a screenshot.
 */
@MicronautTest(transactional = false)
class StaffPagesBrowserTest extends BrowserTest {
    private static final String ADMIN = "admin@example.org";
    private static final String PASSWORD = "correct horse battery staple";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.admin.email", ADMIN, "chorus.admin.password", PASSWORD);
    }

    private static void check(Chromium browser, String name) throws IOException {
        checkPage(browser, name);
        checkAccessibility(browser, name);
    }

    private static void signIn(Chromium browser, String email, String password) {
        browser.open("/staff");
        assertThat(browser.heading()).isEqualTo("Sign in");
        browser.type("email", email);
        browser.type("password", password);
        browser.continueOn();
    }

    @Test
    void anAdministratorAndALeadUseTheStaffPages() throws IOException {
        String reference = new Api(server.getURI()).postJson("/api/v1/surveys/family-voice-2026/responses",
                "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answers\": {\"ehcp_status\": \"neither\", "
                        + "\"child_age\": \"5-10\", \"primary_need\": \"slcn\", \"school_phase\": \"primary\", "
                        + "\"needs_met_education\": \"agree\", \"needs_met_health\": \"agree\", "
                        + "\"needs_met_care\": \"agree\", \"local_offer_aware\": \"no\", \"transition_recent\": \"no\", "
                        + "\"feel_listened_to\": \"agree\", \"recommend_support\": 9, "
                        + "\"biggest_difference\": \"Someone who calls back.\"}}")
                .body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String invitation;
        try (Chromium admin = new Chromium(server.getURI(), "staff-admin", true, 1280, 900)) {
            admin.open("/sign-in");
            check(admin, "sign-in");
            admin.type("email", ADMIN);
            admin.type("password", "not the password");
            admin.continueOn();
            assertThat(admin.find(".govuk-error-summary").getText()).contains("Enter a correct email address");
            check(admin, "sign-in-error");
            admin.press(admin.find("a[href='/sign-in/forgotten']"));
            assertThat(admin.heading()).isEqualTo("Forgotten your password");
            check(admin, "forgotten-password");
            signIn(admin, ADMIN, PASSWORD);
            assertThat(admin.heading()).isEqualTo("Surveys");
            check(admin, "dashboard");
            admin.open("/staff/accounts");
            admin.type("email", "lead@example.org");
            admin.find("#role option[value=lead]").click();
            admin.continueOn();
            invitation = admin.find("main code").getText();
            check(admin, "accounts-invited");
            admin.open("/staff/accounts");
            check(admin, "accounts");
            admin.press(admin.find("#accounts-list tr a.govuk-link"));
            assertThat(admin.find("input[name=role][value=admin]").isSelected()).isTrue();
            check(admin, "account");
            admin.press(admin.find("form[action$='/reset-link#password'] button"));
            assertThat(admin.find("#password ~ .govuk-inset-text code").getText()).contains("/password-reset/");
            check(admin, "account-reset-link");
            admin.open("/staff/requests");
            check(admin, "requests");
            admin.open("/staff/audit");
            check(admin, "audit-log");
        }
        try (Chromium lead = new Chromium(server.getURI(), "staff-lead", true, 1280, 900)) {
            lead.open(java.net.URI.create(invitation).getPath());
            check(lead, "invitation");
            lead.type("name", "Lee Lead");
            lead.type("password", "a long enough passphrase");
            lead.continueOn();
            assertThat(lead.heading()).isEqualTo("Surveys");
            lead.press(lead.find("a[href='/staff/surveys/family-voice-2026/responses']"));
            check(lead, "responses");
            lead.press(lead.find("a[href='/staff/responses/" + reference + "']"));
            assertThat(lead.find(".govuk-summary-list").getText()).contains("Someone who calls back.");
            check(lead, "response");
            lead.open("/staff/surveys/family-voice-2026/results?by=ehcp_status");
            assertThat(lead.heading()).isEqualTo("Results");
            assertThat(lead.find("#q-needs_met_education svg[role=img]").isDisplayed()).isTrue();
            check(lead, "results");
            lead.open("/staff/surveys/family-voice-2026/results?view=published");
            check(lead, "results-published");
            for (String page : new String[]{"results/compare", "results/headline", "results/cross",
                "results/quarters", "population", "publish"}) {
                lead.open("/staff/surveys/family-voice-2026/" + page);
                check(lead, page.replace('/', '-'));
            }
            for (String page : new String[]{"", "/new", "/import", "/inspections", "/inspections/new", "/summary", "/embed"}) {
                lead.open("/staff/feedback" + page);
                check(lead, "feedback" + page.replace('/', '-'));
            }
            lead.open("/staff/feedback/inspections/new");
            lead.type("service", "Youth club");
            lead.type("good", "Friendly staff.");
            lead.type("recommendation-1", "Open on Saturdays.");
            lead.continueOn();
            assertThat(lead.heading()).isEqualTo("Youth club");
            check(lead, "inspection-visit");
            for (String page : new String[]{"", "/whats-new", "/index", "/add", "/communication/edit"}) {
                lead.open("/staff/themes" + page);
                check(lead, "themes" + page.replace('/', '-'));
            }
            // The index follows the change log in the background: the comment arrives within moments.
            long deadline = System.nanoTime() + 10_000_000_000L;
            do {
                lead.open("/staff/themes/search?q=calling");
            } while (lead.findAll("main mark").isEmpty() && System.nanoTime() < deadline);
            assertThat(lead.find("main mark").getText()).isEqualTo("calls");
            check(lead, "themes-search");
            lead.press(lead.find("a[href^='/staff/themes/comments/']"));
            assertThat(lead.find("main").getText()).contains("Someone who calls back.");
            check(lead, "themes-comment");
            lead.open("/staff/reports/new");
            check(lead, "reports-new");
            lead.type("title", "Browser report");
            lead.find("label[for=source-family-voice-2026]").click();
            lead.continueOn();
            assertThat(lead.heading()).isEqualTo("Browser report");
            check(lead, "reports-builder");
            String builder = lead.path();
            for (String page : new String[]{"/staff/reports", "/staff/actions", "/staff/actions/new", "/staff/measures",
                    "/staff/reports/places", "/staff/reports/evidence", "/staff/reports/local-offer", "/staff/languages"}) {
                lead.open(page);
                check(lead, "reports" + page.replace('/', '-'));
            }
            lead.open(builder + "/preview");
            check(lead, "reports-preview");
            lead.press(lead.find("form[action$='/publish'] button[type=submit]"));
            assertThat(lead.path()).isEqualTo("/reports/browser-report");
            check(lead, "report-public");
            // A parent reads it on a phone: nothing to scroll sideways.
            lead.resize(360, 740);
            lead.open("/reports/browser-report");
            assertThat(lead.scrollsSideways()).isFalse();
            check(lead, "report-public-phone");
            // What happened next, in public and in Easy Read, and the Local Offer feedback record, on a phone.
            for (String page : new String[]{"/commitments", "/commitments/easy-read", "/local-offer-feedback"}) {
                lead.open(page);
                assertThat(lead.scrollsSideways()).as(page).isFalse();
                check(lead, "phone" + page.replace('/', '-'));
            }
            lead.resize(1280, 900);
            for (String page : new String[]{"", "/family-voice-2026/checks", "/family-voice-2026/poster"}) {
                lead.open("/staff/codesign" + page);
                check(lead, "codesign" + page.replace('/', '-'));
            }
            // The builder, from a shipped survey: version 1 as served, version 2 to edit.
            lead.open("/staff/codesign");
            lead.press(lead.find("form[action='/staff/codesign/designs/family-voice-2026/start'] button"));
            assertThat(lead.path()).isEqualTo("/staff/codesign/designs/family-voice-2026/2");
            check(lead, "codesign-design");
            String design = lead.path();
            String firstQuestion = lead.find(".govuk-summary-card").getAttribute("id").replace("question-", "");
            for (String page : new String[]{"/settings", "/add-question?page=1", "/add-question/single-choice?page=1",
                    "/questions/" + firstQuestion, "/questions/" + firstQuestion + "/edit", "/pages/1", "/pages/1/remove",
                    "/preview"}) {
                lead.open(design + page);
                check(lead, "codesign-builder" + page.replaceAll("[/?=]", "-"));
            }
            // With JavaScript, the plain-language checks follow the words as they are typed.
            lead.open(design + "/questions/" + firstQuestion + "/edit");
            lead.type("text", "Has your SENCo read your EHCP?");
            new org.openqa.selenium.support.ui.WebDriverWait(lead.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> lead.find("[data-chorus-plain-flags]").getText().contains("“SENCo” may not be understood"));
            lead.open("/staff/codesign/designs/family-voice-2026/compare?from=1&to=2");
            check(lead, "codesign-compare");
            // Young forum members build on phones: the builder and its preview fit a 360px screen.
            lead.resize(360, 740);
            for (String page : new String[]{"", "/questions/" + firstQuestion, "/questions/" + firstQuestion + "/edit",
                    "/preview"}) {
                lead.open(design + page);
                assertThat(lead.scrollsSideways()).as(page).isFalse();
            }
            check(lead, "codesign-preview-phone");
            lead.resize(1280, 900);
            lead.open("/staff/pledges/new");
            check(lead, "pledges-new");
            lead.continueOn();
            assertThat(lead.find("main").getText()).contains("No organisations are on the circulation list yet.");
            check(lead, "pledges-dashboard");
            String publicPage = lead.find("a[href^='/pledges/']").getAttribute("href");
            lead.open("/staff/pledges");
            check(lead, "pledges-list");
            lead.open(java.net.URI.create(publicPage).getPath());
            check(lead, "pledges-public");
            lead.open(java.net.URI.create(publicPage).getPath() + "/join");
            check(lead, "pledges-join");
            lead.open("/staff/accounts");
            assertThat(lead.heading()).isEqualTo("You cannot see this page");
            check(lead, "forbidden");
        }
    }
}
