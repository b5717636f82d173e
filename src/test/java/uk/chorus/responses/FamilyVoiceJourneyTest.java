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
        assertThat(start.text()).contains("Your privacy").contains("we do not record your IP address")
                // The promise comes from the same setting the results apply (5 by default).
                .contains("only for groups of at least 5 families")
                .contains("It takes about 4 to 6 minutes, depending on your answers. There are 5 sections.")
                .contains("The survey closes on 31 January 2027.");

        Browser.Page begun = browser.get(SURVEY + "/begin");
        assertThat(begun.status()).isEqualTo(303);
        String page1 = begun.location();
        assertThat(page1).matches(SURVEY + "/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/page/1");
        String code = page1.split("/")[3];

        Browser.Page first = browser.get(page1);
        assertThat(first.document().select(".chorus-progress").text()).isEqualTo("Section 1 of 5: About your child");
        assertThat(first.document().select("#resume-code")).isEmpty();
        assertThat(first.document().select("a.govuk-back-link").attr("href")).isEqualTo(SURVEY);

        String base = SURVEY + "/" + code + "/page/";
        Browser.Page second = browser.submit(page1, "ehcp_status", "ehcp", "child_age", "11-15");
        assertThat(second.heading()).isEqualTo("What is your child's main need?");
        assertThat(second.document().select("#resume-code").text()).isEqualTo(code);
        // The section count does not change as the EHCP branch opens.
        assertThat(second.document().select(".chorus-progress").text()).isEqualTo("Section 1 of 5: About your child");
        assertThat(second.document().select("a.govuk-back-link").attr("href")).isEqualTo(page1);

        assertThat(browser.submit(base + 2, "primary_need", "asd").heading()).isEqualTo("Where your child learns");
        Browser.Page needs = browser.submit(base + 3, "school_phase", "secondary", "area", "north");
        assertThat(needs.heading()).isEqualTo("How well needs were met");
        assertThat(needs.document().select(".chorus-progress").text()).isEqualTo("Section 2 of 5: Services this year");
        assertThat(browser.submit(base + 4, "needs_met_education", "agree", "needs_met_health", "disagree",
                "needs_met_care", "dont-know").heading()).isEqualTo("Education, Health and Care plans");
        assertThat(browser.submit(base + 5, "ehcp_assessment_month-month", "9", "ehcp_assessment_month-year", "2025",
                "ehcp_weeks", "31", "annual_review_involved", "disagree").heading())
                .isEqualTo("Do you know about the Local Offer website?");
        assertThat(browser.submit(base + 6, "local_offer_aware", "yes").heading()).isEqualTo("Using the Local Offer");
        assertThat(browser.submit(base + 7, "local_offer_found", "strongly-disagree",
                "local_offer_used_for", "services", "local_offer_used_for", "sendiass").heading())
                .isEqualTo("Has your child moved to a new school, college or service in the last year?");
        Browser.Page rating = browser.submit(base + 8, "transition_recent", "yes");
        assertThat(rating.heading()).isEqualTo("How well did the move go? (optional)");
        assertThat(rating.text()).contains("0 means very badly").contains("10 means very well");
        assertThat(browser.submit(base + 9, "transition_rating", "3").heading()).isEqualTo("Being listened to");
        assertThat(browser.submit(base + 10, "feel_listened_to", "neither", "recommend_support", "6").heading())
                .isEqualTo("What one thing would make the biggest difference to your family? (optional)");
        Browser.Page check = browser.submit(base + 11, "biggest_difference",
                "Shorter waits for the EHCP <b>assessment</b> & someone who answers the phone.");
        assertThat(check.heading()).isEqualTo("Check your answers before sending them");
        assertThat(check.text())
                .contains("Education, Health and Care plan (EHCP)")
                .contains("Autistic spectrum disorder (ASD)")
                .contains("Finding a service or activity")
                .contains("Contacting SENDIASS (free, independent SEND advice) for advice")
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
        // The promise on the confirmation says how to use the reference.
        assertThat(done.text()).contains("To see or remove your answers, email send.coproduction@example.org");

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
        String page1 = browser.get(SURVEY + "/begin").location();
        String base = page1.substring(0, page1.length() - 1);
        browser.post(base + 1, "ehcp_status", "sen-support", "child_age", "5-10");
        browser.post(base + 2, "primary_need", "slcn");
        browser.post(base + 3, "school_phase", "primary");
        // Without a plan the EHC plan page is skipped.
        assertThat(browser.post(base + 4, "needs_met_education", "agree", "needs_met_health", "agree",
                "needs_met_care", "agree").location()).isEqualTo(base + 6);
        Browser.Page skipped = browser.get(base + 5);
        assertThat(skipped.status()).isEqualTo(303);
        assertThat(skipped.location()).isEqualTo(base + 6);
        // Not knowing the Local Offer skips its follow-up page.
        assertThat(browser.post(base + 6, "local_offer_aware", "no").location()).isEqualTo(base + 8);
        assertThat(browser.get(base + 8).document().select(".chorus-progress").text())
                .isEqualTo("Section 4 of 5: Moving on");

        assertThat(browser.post(base + 8, "transition_recent", "no").location()).isEqualTo(base + 10);
        browser.post(base + 10, "feel_listened_to", "agree", "recommend_support", "8");
        Browser.Page check = browser.submit(base + 11);
        assertThat(check.text()).doesNotContain("annual review").doesNotContain("How well did the move go");
        assertThat(check.text()).contains("What one thing would make the biggest difference to your family? Not answered");
        assertThat(browser.post(check.document().select("form").attr("action")).status()).isEqualTo(303);
    }

    @Test
    void aMissingRequiredAnswerIsExplainedInWordsWrittenForTheQuestion() {
        Browser browser = browser();
        String page1 = browser.get(SURVEY + "/begin").location();
        // A new respondent's first page with errors is shown at once, and nothing is stored.
        Browser.Page invalid = browser.post(page1, "child_age", "16-18");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.document().title()).startsWith("Error: ");
        assertThat(invalid.errorSummary()).containsExactly("Select the support your child has");
        assertThat(invalid.document().select(".govuk-error-summary__list a").attr("href")).isEqualTo("#ehcp_status");
        assertThat(invalid.document().select("#ehcp_status-error").text()).isEqualTo("Error: Select the support your child has");
        assertThat(invalid.document().select("fieldset").first().attr("aria-describedby"))
                .contains("ehcp_status-hint").contains("ehcp_status-easy-read").contains("ehcp_status-error");
        assertThat(invalid.document().select("input[name=child_age][value=16-18]").hasAttr("checked")).isTrue();
        assertThat(count("SELECT count(*) FROM drafts WHERE resume_code = '" + page1.split("/")[3] + "'")).isZero();

        // On a stored draft the same mistake comes back by redirect, with every question named in its own words.
        browser.post(page1, "ehcp_status", "neither", "child_age", "16-18");
        String base = page1.substring(0, page1.length() - 1);
        browser.post(base + 2, "primary_need", "mld");
        browser.post(base + 3, "school_phase", "post-16");
        Browser.Page refused = browser.post(base + 4, "needs_met_health", "agree");
        assertThat(refused.status()).isEqualTo(303);
        assertThat(browser.get(refused.location()).errorSummary()).containsExactly(
                "Select how much you agree that education services met your child's needs",
                "Select how much you agree that social care met your child's needs");
    }

    @Test
    void anAnswerNotOnTheListIsRefusedAndNothingIsStored() {
        Browser browser = browser();
        String page1 = browser.get(SURVEY + "/begin").location();
        long drafts = count("SELECT count(*) FROM drafts");
        Browser.Page invalid = browser.post(page1, "ehcp_status", "'; DROP TABLE responses; --", "child_age", "0-4");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorSummary()).containsExactly(
                "What support does your child have at school, college or nursery? – Select one of the answers shown");
        assertThat(count("SELECT count(*) FROM drafts")).isEqualTo(drafts);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'responses'")).isEqualTo(1);
    }

    @Test
    void changingAnAnswerFromCheckYourAnswersReturnsThere() {
        Browser browser = browser();
        String page1 = browser.get(SURVEY + "/begin").location();
        String base = page1.substring(0, page1.length() - 1);
        browser.post(base + 1, "ehcp_status", "neither", "child_age", "0-4");
        browser.post(base + 2, "primary_need", "pd");
        browser.post(base + 3, "school_phase", "early-years");
        browser.post(base + 4, "needs_met_education", "agree", "needs_met_health", "agree", "needs_met_care", "agree");
        browser.post(base + 6, "local_offer_aware", "no");
        browser.post(base + 8, "transition_recent", "no");
        browser.post(base + 10, "feel_listened_to", "agree", "recommend_support", "8");
        browser.post(base + 11, "biggest_difference", "");

        Browser.Page change = browser.get(base + "1?change=true");
        assertThat(change.document().select("a.govuk-back-link").attr("href")).endsWith("/check");
        Browser.Page changed = browser.post(base + "2?change=true", "primary_need", "hi");
        assertThat(changed.location()).endsWith("/check");

        // Changing to "has an EHCP" opens a page with a required question, so that page comes next.
        Browser.Page opened = browser.post(base + "1?change=true", "ehcp_status", "ehcp", "child_age", "0-4");
        assertThat(opened.location()).isEqualTo(base + "5?change=true");
    }
}
