package uk.chorus.responses;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A parent completes the shipped Family Voice survey page by page, with JavaScript off. */
@MicronautTest(transactional = false)
class FamilyVoiceJourneyTest extends ChorusTest {
    private static final String SURVEY = "/s/family-voice-2026";

    @Test
    void aParentWithAnEhcpCompletesEveryPageAndGetsAReference() {
        Browser browser = browser();
        Browser.Page start = browser.get(SURVEY);
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.heading()).isEqualTo("Family Voice survey 2026");
        assertThat(start.text()).contains("Your privacy").contains("we do not record your IP address");

        Browser.Page begun = browser.post(SURVEY + "/start");
        assertThat(begun.status()).isEqualTo(303);
        String page1 = begun.location();
        assertThat(page1).matches(SURVEY + "/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/page/1");
        String code = page1.split("/")[3];

        Browser.Page first = browser.get(page1);
        assertThat(first.text()).contains("Page 1 of 7").contains("Your resume code is " + code);
        assertThat(first.document().select("a.govuk-back-link").attr("href")).isEqualTo(SURVEY);

        Browser.Page second = browser.submit(page1, "ehcp_status", "ehcp", "child_age", "11-15");
        assertThat(second.heading()).isEqualTo("Your child's needs");
        // Choosing an EHCP shows the EHC plan page, so the count grows from 7 to 8.
        assertThat(second.text()).contains("Page 2 of 8");
        assertThat(second.document().select("a.govuk-back-link").attr("href")).isEqualTo(page1);

        String base = SURVEY + "/" + code + "/page/";
        assertThat(browser.submit(base + 2, "primary_need", "asd", "school_phase", "secondary", "area", "north")
                .heading()).isEqualTo("How well needs were met");
        assertThat(browser.submit(base + 3, "needs_met_education", "agree", "needs_met_health", "disagree",
                "needs_met_care", "dont-know").heading()).isEqualTo("Do you know about the Local Offer website?");
        assertThat(browser.submit(base + 4, "local_offer_aware", "yes").heading()).isEqualTo("Finding information");
        Browser.Page ehcpPage = browser.submit(base + 5, "local_offer_found", "strongly-disagree",
                "local_offer_used_for", "services", "local_offer_used_for", "sendiass");
        assertThat(ehcpPage.heading()).isEqualTo("Education, Health and Care plans");
        assertThat(browser.submit(base + 6, "ehcp_assessment_month-month", "9", "ehcp_assessment_month-year", "2025",
                "ehcp_weeks", "31", "annual_review_involved", "disagree").heading())
                .isEqualTo("Has your child moved to a new school, college or service in the last year?");
        assertThat(browser.submit(base + 7, "transition_recent", "yes").heading())
                .startsWith("How well did the move go");
        assertThat(browser.submit(base + 8, "transition_rating", "3").heading()).isEqualTo("Being listened to");
        assertThat(browser.submit(base + 9, "feel_listened_to", "neither", "recommend_support", "6").heading())
                .isEqualTo("What one thing would make the biggest difference to your family?");
        Browser.Page check = browser.submit(base + 10, "biggest_difference",
                "Shorter waits for the EHCP <b>assessment</b> & someone who answers the phone.");
        assertThat(check.heading()).isEqualTo("Check your answers before sending them");
        assertThat(check.text())
                .contains("Education, Health and Care plan (EHCP)")
                .contains("Autistic spectrum disorder (ASD)")
                .contains("Finding a service or activity")
                .contains("Contacting SENDIASS for advice")
                .contains("September 2025")
                .contains("Shorter waits for the EHCP <b>assessment</b> & someone who answers the phone.");
        // Typed HTML is shown as text, never as markup.
        assertThat(check.document().select(".govuk-summary-list b")).isEmpty();
        assertThat(check.document().select(".govuk-summary-list__actions a").first().attr("href"))
                .isEqualTo(base + "1?change=true");

        Browser.Page sent = browser.post(SURVEY + "/" + code + "/submit");
        assertThat(sent.status()).isEqualTo(303);
        Browser.Page done = browser.get(sent.location());
        assertThat(done.heading()).isEqualTo("Your answers have been sent");
        String reference = done.document().select(".govuk-panel__body strong").text();
        assertThat(reference).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");

        assertThat(count("SELECT count(*) FROM responses WHERE reference = '" + reference + "' AND channel = 'web'"))
                .isEqualTo(1);
        String answers = queryText("SELECT answers::text FROM responses WHERE reference = '" + reference + "'");
        assertThat(answers).contains("\"ehcp_weeks\": 31").contains("\"ehcp_assessment_month\": \"2025-09\"")
                .contains("\"local_offer_used_for\": [\"services\", \"sendiass\"]")
                .contains("\"transition_rating\": 3");
        // The draft no longer holds a second copy of the answers.
        assertThat(queryText("SELECT answers::text FROM drafts WHERE resume_code = '" + code + "'")).isEqualTo("{}");
    }

    @Test
    void aParentWithoutAPlanNeverSeesTheEhcpQuestions() {
        Browser browser = browser();
        String page1 = browser.post(SURVEY + "/start").location();
        String base = page1.substring(0, page1.length() - 1);
        browser.post(base + 1, "ehcp_status", "sen-support", "child_age", "5-10");
        browser.post(base + 2, "primary_need", "slcn", "school_phase", "primary");
        browser.post(base + 3, "needs_met_education", "agree", "needs_met_health", "agree", "needs_met_care", "agree");
        Browser.Page afterLocalOffer = browser.post(base + 4, "local_offer_aware", "no");
        // Not knowing the Local Offer skips its follow-up page, and without a plan the EHCP page too.
        assertThat(afterLocalOffer.location()).isEqualTo(base + 7);
        assertThat(browser.get(base + 7).text()).contains("Page 5 of 7");
        Browser.Page skipped = browser.get(base + 6);
        assertThat(skipped.status()).isEqualTo(303);
        assertThat(skipped.location()).isEqualTo(base + 7);

        Browser.Page noMove = browser.post(base + 7, "transition_recent", "no");
        assertThat(noMove.location()).isEqualTo(base + 9);
        browser.post(base + 9, "feel_listened_to", "agree", "recommend_support", "8");
        Browser.Page check = browser.submit(base + 10);
        assertThat(check.text()).doesNotContain("annual review").doesNotContain("How well did the move go");
        assertThat(check.text()).contains("What one thing would make the biggest difference to your family? Not answered");
        assertThat(browser.post(check.document().select("form").attr("action")).status()).isEqualTo(303);
    }

    @Test
    void aMissingRequiredAnswerIsExplainedAndWhatWasTypedIsKept() {
        Browser browser = browser();
        String page1 = browser.post(SURVEY + "/start").location();
        Browser.Page invalid = browser.post(page1, "child_age", "16-18");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.document().title()).startsWith("Error: ");
        assertThat(invalid.errorSummary()).containsExactly(
                "What support does your child have at school, college or nursery? – Select an answer");
        assertThat(invalid.document().select(".govuk-error-summary__list a").attr("href")).isEqualTo("#ehcp_status");
        assertThat(invalid.document().select("#ehcp_status-error").text()).isEqualTo("Error: Select an answer");
        assertThat(invalid.document().select("fieldset[aria-describedby=ehcp_status-error]")).hasSize(1);
        assertThat(invalid.document().select("input[name=child_age][value=16-18]").hasAttr("checked")).isTrue();
        assertThat(count("SELECT count(*) FROM drafts WHERE answers <> '{}'::jsonb AND resume_code = '"
                + page1.split("/")[3] + "'")).isZero();
    }

    @Test
    void anAnswerNotOnTheListIsRefused() {
        Browser browser = browser();
        String page1 = browser.post(SURVEY + "/start").location();
        Browser.Page invalid = browser.post(page1, "ehcp_status", "'; DROP TABLE responses; --", "child_age", "0-4");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorSummary()).containsExactly(
                "What support does your child have at school, college or nursery? – Select one of the answers shown");
        assertThat(count("SELECT count(*) FROM responses")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void changingAnAnswerFromCheckYourAnswersReturnsThere() {
        Browser browser = browser();
        String page1 = browser.post(SURVEY + "/start").location();
        String base = page1.substring(0, page1.length() - 1);
        browser.post(base + 1, "ehcp_status", "neither", "child_age", "0-4");
        browser.post(base + 2, "primary_need", "pd", "school_phase", "early-years");
        browser.post(base + 3, "needs_met_education", "agree", "needs_met_health", "agree", "needs_met_care", "agree");
        browser.post(base + 4, "local_offer_aware", "no");
        browser.post(base + 7, "transition_recent", "no");
        browser.post(base + 9, "feel_listened_to", "agree", "recommend_support", "8");
        browser.post(base + 10, "biggest_difference", "");

        Browser.Page change = browser.get(base + "1?change=true");
        assertThat(change.document().select("a.govuk-back-link").attr("href")).endsWith("/check");
        Browser.Page changed = browser.post(base + "2?change=true", "primary_need", "hi", "school_phase",
                "early-years");
        assertThat(changed.location()).endsWith("/check");

        // Changing to "has an EHCP" opens a page with a required question, so that page comes next.
        Browser.Page opened = browser.post(base + "1?change=true", "ehcp_status", "ehcp", "child_age", "0-4");
        assertThat(opened.location()).isEqualTo(base + "6?change=true");
    }
}
