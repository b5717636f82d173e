package uk.chorus.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both shipped surveys completed in headless Chromium at 360x740, with JavaScript on and off:
 * an error on a required question, a branch, resuming with the code, check your answers and the
 * confirmation; and the privacy page and accessibility statement every footer links to. Every
 * page is checked with axe-core, the Nu Html Checker and for reflow, and saved as a screenshot.
 */
@MicronautTest(transactional = false)
class PhoneJourneyBrowserTest extends BrowserTest {

    /** Checks the page; axe runs only where JavaScript runs (the pages themselves need none). */
    private static void check(Chromium browser, boolean javascript, String name) throws IOException {
        checkPage(browser, name);
        if (javascript) {
            checkAccessibility(browser, name);
        }
    }

    private static String progress(Chromium browser) {
        return browser.find(".chorus-progress").getText();
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aParentCompletesFamilyVoiceOnAPhone(boolean javascript) throws IOException {
        try (Chromium browser = phone("family-voice", javascript)) {
            browser.open("/s/family-voice-2026");
            assertThat(browser.heading()).isEqualTo("Family Voice survey 2026");
            check(browser, javascript, "start");

            browser.press(browser.find("a.govuk-button--start"));
            assertThat(progress(browser)).isEqualTo("Section 1 of 5: About your child");
            // The save-for-later code comes after the first page, not before it.
            assertThat(browser.driver().findElements(org.openqa.selenium.By.id("resume-code"))).isEmpty();
            check(browser, javascript, "page-1");

            browser.continueOn();
            assertThat(browser.find(".govuk-error-summary").getText()).contains("There is a problem")
                    .contains("Select the support your child has");
            assertThat(browser.driver().getTitle()).startsWith("Error: ");
            check(browser, javascript, "page-1-error");
            browser.find(".govuk-error-summary__list a").click();
            if (javascript) {
                // GOV.UK Frontend's error summary moves focus to the field itself.
                assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("ehcp_status");
            } else {
                assertThat(browser.driver().getCurrentUrl()).endsWith("#ehcp_status");
            }

            browser.choose("ehcp_status", "ehcp");
            browser.choose("child_age", "11-15");
            browser.continueOn();
            assertThat(browser.heading()).isEqualTo("What is your child's main need?");
            String code = browser.find("#resume-code").getText();
            // The copy button appears only where JavaScript can copy.
            assertThat(browser.find("[data-chorus-copy]").isDisplayed()).isEqualTo(javascript);

            // Leave, and come back with the code as if on another device.
            browser.open("/s/family-voice-2026/resume");
            check(browser, javascript, "resume");
            browser.type("code", code.toLowerCase());
            browser.continueOn();
            assertThat(browser.heading()).isEqualTo("What is your child's main need?");
            assertThat(progress(browser)).isEqualTo("Section 1 of 5: About your child");
            check(browser, javascript, "page-2");

            browser.choose("primary_need", "asd");
            browser.continueOn();
            browser.choose("school_phase", "secondary");
            browser.choose("area", "north");
            browser.continueOn();
            // A mistake on a saved draft comes back by redirect with its own words.
            browser.choose("needs_met_education", "agree");
            browser.continueOn();
            assertThat(browser.find(".govuk-error-summary").getText())
                    .contains("Select how much you agree that health services met your child's needs");
            check(browser, javascript, "page-4-error");
            browser.choose("needs_met_health", "disagree");
            browser.choose("needs_met_care", "dont-know");
            check(browser, javascript, "page-4");
            browser.continueOn();
            assertThat(browser.heading()).isEqualTo("Education, Health and Care plans");
            browser.type("ehcp_assessment_month-month", "9");
            browser.type("ehcp_assessment_month-year", "2025");
            browser.type("ehcp_weeks", "31");
            browser.choose("annual_review_involved", "disagree");
            check(browser, javascript, "page-5-month-year");
            browser.continueOn();
            browser.choose("local_offer_aware", "yes");
            browser.continueOn();
            // The branch: knowing the Local Offer shows its follow-up page.
            assertThat(browser.heading()).isEqualTo("Using the Local Offer");
            browser.choose("local_offer_found", "agree");
            browser.choose("local_offer_used_for", "services");
            browser.choose("local_offer_used_for", "sendiass");
            check(browser, javascript, "page-7-checkboxes");
            browser.continueOn();
            browser.choose("transition_recent", "yes");
            browser.continueOn();
            browser.choose("transition_rating", "7");
            check(browser, javascript, "page-9-rating");
            browser.continueOn();
            browser.choose("feel_listened_to", "agree");
            browser.choose("recommend_support", "6");
            browser.continueOn();
            browser.type("biggest_difference", "A named person who calls back.");
            check(browser, javascript, "page-11-long-text");
            browser.continueOn();

            assertThat(browser.heading()).isEqualTo("Check your answers before sending them");
            assertThat(browser.find(".govuk-summary-list").getText()).contains("September 2025")
                    .contains("A named person who calls back.");
            check(browser, javascript, "check-answers");
            browser.press(browser.find("main form button[type=submit]"));

            assertThat(browser.heading()).isEqualTo("Your answers have been sent");
            String reference = browser.find(".govuk-panel__body strong").getText();
            check(browser, javascript, "confirmation");
            assertThat(count("SELECT count(*) FROM responses WHERE reference = '" + reference + "'")).isEqualTo(1);
            // Back after sending never shows a live "Send my answers" page.
            browser.driver().navigate().back();
            assertThat(browser.heading()).isEqualTo("Your answers have been sent");
        }
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aYoungPersonCompletesBigBangWithFacesOnAPhone(boolean javascript) throws IOException {
        try (Chromium browser = phone("big-bang", javascript)) {
            browser.open("/s/big-bang-2026");
            check(browser, javascript, "start");
            browser.press(browser.find("a.govuk-button--start"));
            browser.continueOn();
            assertThat(browser.find(".govuk-error-summary").getText()).contains("Select how old you are");
            check(browser, javascript, "page-1-error");
            browser.choose("age_band", "16-18");
            browser.continueOn();
            browser.find("details.chorus-easy-read summary").click();
            check(browser, javascript, "plan-easy-read");
            browser.choose("ehcp_status", "sen-support");
            browser.continueOn();
            browser.choose("school_phase", "college");
            browser.continueOn();
            assertThat(browser.heading()).isEqualTo("School, college or work");
            browser.choose("school_help", "good");
            browser.choose("school_happy", "okay");
            check(browser, javascript, "faces");
            browser.continueOn();
            browser.continueOn();
            browser.choose("has_friends", "no");
            browser.continueOn();
            assertThat(browser.heading()).isEqualTo("What makes it hard to see friends? (optional)");
            browser.choose("friends_barriers", "transport");
            check(browser, javascript, "checkboxes");
            browser.continueOn();
            browser.choose("feel_safe", "not-good");
            check(browser, javascript, "feel-safe-support");
            browser.continueOn();
            browser.choose("mental_health_support", "no");
            browser.continueOn();
            browser.choose("listened_to", "okay");
            browser.continueOn();
            browser.choose("adulthood_ready", "good");
            browser.type("adulthood_plans", "College then a job with animals");
            check(browser, javascript, "future");
            browser.continueOn();
            browser.type("one_change", "More clubs that understand autism.");
            browser.continueOn();
            check(browser, javascript, "check-answers");
            browser.press(browser.find("main form button[type=submit]"));
            assertThat(browser.heading()).isEqualTo("Thank you, your answers have been sent");
            check(browser, javascript, "confirmation");

            browser.open("/privacy");
            assertThat(browser.heading()).isEqualTo("How we use your answers");
            check(browser, javascript, "privacy");
            browser.open("/accessibility");
            assertThat(browser.heading()).isEqualTo("Accessibility statement");
            check(browser, javascript, "accessibility-statement");
            browser.open("/contact");
            check(browser, javascript, "contact");
            browser.open("/commitments");
            check(browser, javascript, "commitments");
            browser.open("/what-happened-next");
            check(browser, javascript, "what-happened-next");
        }
    }
}
