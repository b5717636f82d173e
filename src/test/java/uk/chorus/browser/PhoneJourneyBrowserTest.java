package uk.chorus.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both shipped surveys completed in headless Chromium at 360x740, with JavaScript on and off:
 * an error on a required question, a branch, resuming with the code, check your answers and the
 * confirmation. Every page is checked with axe-core, the Nu Html Checker and for reflow.
 */
@MicronautTest(transactional = false)
class PhoneJourneyBrowserTest extends BrowserTest {

    /** Checks the page; axe runs only where JavaScript runs (the pages themselves use none). */
    private static void check(Chromium browser, boolean javascript, String name) throws IOException {
        checkPage(browser, name);
        if (javascript) {
            checkAccessibility(browser, name);
        }
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aParentCompletesFamilyVoiceOnAPhone(boolean javascript) throws IOException {
        try (Chromium browser = phone("family-voice", javascript)) {
            browser.open("/s/family-voice-2026");
            assertThat(browser.heading()).isEqualTo("Family Voice survey 2026");
            check(browser, javascript, "start");

            browser.press(browser.find("button.govuk-button--start"));
            assertThat(browser.find(".chorus-progress").getText()).isEqualTo("Page 1 of 7");
            String code = browser.find(".govuk-inset-text .chorus-code").getText();
            check(browser, javascript, "page-1");

            browser.continueOn();
            assertThat(browser.find(".govuk-error-summary").getText()).contains("There is a problem")
                    .contains("Select an answer");
            assertThat(browser.driver().getTitle()).startsWith("Error: ");
            check(browser, javascript, "page-1-error");
            browser.find(".govuk-error-summary__list a").click();
            assertThat(browser.driver().getCurrentUrl()).endsWith("#ehcp_status");

            browser.choose("ehcp_status", "ehcp");
            browser.choose("child_age", "11-15");
            browser.continueOn();
            assertThat(browser.heading()).isEqualTo("Your child's needs");

            // Leave, and come back with the code as if on another device.
            browser.open("/s/family-voice-2026/resume");
            check(browser, javascript, "resume");
            browser.type("code", code.toLowerCase());
            browser.continueOn();
            assertThat(browser.heading()).isEqualTo("Your child's needs");
            assertThat(browser.find(".chorus-progress").getText()).isEqualTo("Page 2 of 8");
            check(browser, javascript, "page-2");

            browser.choose("primary_need", "asd");
            browser.choose("school_phase", "secondary");
            browser.choose("area", "north");
            browser.continueOn();
            browser.choose("needs_met_education", "agree");
            browser.choose("needs_met_health", "disagree");
            browser.choose("needs_met_care", "dont-know");
            check(browser, javascript, "page-3");
            browser.continueOn();
            browser.choose("local_offer_aware", "yes");
            browser.continueOn();
            // The branch: knowing the Local Offer shows its follow-up page.
            assertThat(browser.heading()).isEqualTo("Finding information");
            browser.choose("local_offer_found", "agree");
            browser.choose("local_offer_used_for", "services");
            browser.choose("local_offer_used_for", "sendiass");
            check(browser, javascript, "page-5-checkboxes");
            browser.continueOn();
            assertThat(browser.heading()).isEqualTo("Education, Health and Care plans");
            browser.type("ehcp_assessment_month-month", "9");
            browser.type("ehcp_assessment_month-year", "2025");
            browser.type("ehcp_weeks", "31");
            browser.choose("annual_review_involved", "disagree");
            check(browser, javascript, "page-6-month-year");
            browser.continueOn();
            browser.choose("transition_recent", "yes");
            browser.continueOn();
            browser.choose("transition_rating", "7");
            check(browser, javascript, "page-8-rating");
            browser.continueOn();
            browser.choose("feel_listened_to", "agree");
            browser.choose("recommend_support", "6");
            browser.continueOn();
            browser.type("biggest_difference", "A named person who calls back.");
            check(browser, javascript, "page-10-long-text");
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
        }
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aYoungPersonCompletesBigBangOnAPhone(boolean javascript) throws IOException {
        try (Chromium browser = phone("big-bang", javascript)) {
            browser.open("/s/big-bang-2026");
            check(browser, javascript, "start");
            browser.press(browser.find("button.govuk-button--start"));
            browser.choose("age_band", "16-18");
            browser.continueOn();
            assertThat(browser.find(".govuk-error-summary").getText()).contains("Select an answer");
            check(browser, javascript, "page-1-error");
            browser.choose("ehcp_status", "sen-support");
            browser.continueOn();
            browser.choose("school_phase", "post-16");
            browser.continueOn();
            browser.choose("school_help", "agree");
            browser.choose("school_happy", "8");
            browser.continueOn();
            browser.choose("has_friends", "no");
            browser.continueOn();
            assertThat(browser.heading()).isEqualTo("What makes it hard to see friends?");
            browser.choose("friends_barriers", "transport");
            browser.continueOn();
            browser.find("details.govuk-details summary").click();
            check(browser, javascript, "listened-to-easy-read");
            browser.choose("listened_to", "disagree");
            browser.continueOn();
            browser.choose("mental_health_support", "no");
            browser.continueOn();
            assertThat(browser.heading()).isEqualTo("Getting ready for adult life");
            browser.choose("adulthood_ready", "neither");
            browser.type("adulthood_plans", "College then a job with animals");
            check(browser, javascript, "adulthood");
            browser.continueOn();
            browser.type("one_change", "More clubs that understand autism.");
            browser.continueOn();
            check(browser, javascript, "check-answers");
            browser.press(browser.find("main form button[type=submit]"));
            assertThat(browser.heading()).isEqualTo("Your answers have been sent");
            check(browser, javascript, "confirmation");
        }
    }
}
