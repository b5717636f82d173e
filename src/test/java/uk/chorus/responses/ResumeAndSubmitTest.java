package uk.chorus.responses;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Finishing later on another device, and submitting exactly once however the button is pressed. */
@MicronautTest(transactional = false)
class ResumeAndSubmitTest extends ChorusTest {
    private static final String SURVEY = "/s/every-type";

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-fixtures";
    }

    /** Starts a draft and answers the first page; returns the resume code. */
    private String startedDraft(Browser browser) {
        String page1 = browser.post(SURVEY + "/start").location();
        assertThat(browser.post(page1, "colour", "blue", "pets", "dog", "score", "4").status()).isEqualTo(303);
        return page1.split("/")[3];
    }

    private String readyToSubmit(Browser browser) {
        String code = startedDraft(browser);
        String base = SURVEY + "/" + code + "/page/";
        browser.post(base + 2, "story", "Waiting lists are too long.");
        assertThat(browser.post(base + 3, "dog_name_known", "yes").location()).endsWith("/check");
        return code;
    }

    @Test
    void aRespondentResumesOnAnotherDeviceWhereTheyLeftOff() {
        String code = startedDraft(browser());
        Browser otherDevice = browser();
        Browser.Page form = otherDevice.get(SURVEY + "/resume");
        assertThat(form.heading()).isEqualTo("Continue a survey you started");

        // Typed in lower case with spaces, and with O for zero and I for one, it is still found.
        String typed = code.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'i');
        Browser.Page resumed = otherDevice.post(SURVEY + "/resume", "code", typed);
        assertThat(resumed.status()).isEqualTo(303);
        assertThat(resumed.location()).isEqualTo(SURVEY + "/" + code + "/page/2");

        Browser.Page page1 = otherDevice.get(SURVEY + "/" + code + "/page/1");
        assertThat(page1.document().select("input[name=colour][value=blue]").hasAttr("checked")).isTrue();
        assertThat(page1.document().select("input[name=pets][value=dog]").hasAttr("checked")).isTrue();
        assertThat(page1.document().select("input[name=score][value=4]").hasAttr("checked")).isTrue();
        assertThat(page1.text()).doesNotContain("Your resume code is");
    }

    @Test
    void anUnknownOrEmptyCodeIsExplained() {
        Browser browser = browser();
        Browser.Page empty = browser.post(SURVEY + "/resume", "code", "");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.errorSummary()).containsExactly("Enter your resume code");
        Browser.Page wrong = browser.post(SURVEY + "/resume", "code", "AAAA-BBBB-CCCC");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.errorSummary()).containsExactly(
                "We could not find a survey in progress with that code. Check the code and try again");
        assertThat(wrong.document().select("#code").attr("value")).isEqualTo("AAAA-BBBB-CCCC");
    }

    @Test
    void aCodeFromAnotherSurveyOpensNothing() {
        String code = startedDraft(browser());
        Browser.Page replayed = browser().post("/s/second-open/resume", "code", code);
        assertThat(replayed.status()).isEqualTo(422);
        Browser.Page direct = browser().get("/s/second-open/" + code + "/page/1");
        assertThat(direct.status()).isEqualTo(404);
        assertThat(direct.heading()).isEqualTo("We could not find your survey");
    }

    @Test
    void submittingTwiceMakesOneResponseAndTheSameReference() {
        Browser browser = browser();
        String code = readyToSubmit(browser);
        Browser.Page first = browser.post(SURVEY + "/" + code + "/submit");
        Browser.Page second = browser.post(SURVEY + "/" + code + "/submit");
        assertThat(first.status()).isEqualTo(303);
        assertThat(second.status()).isEqualTo(303);
        assertThat(second.location()).isEqualTo(first.location());
        String reference = browser.get(first.location()).document().select(".govuk-panel__body strong").text();
        assertThat(browser.get(second.location()).text()).contains(reference);
        assertThat(count("SELECT count(*) FROM responses r JOIN drafts d ON d.id = r.draft_id "
                + "WHERE d.resume_code = '" + code + "'")).isEqualTo(1);

        // Going back to a page, or to "Check your answers", after sending lands on the confirmation,
        // never on a live "Send my answers" button.
        Browser.Page back = browser.get(SURVEY + "/" + code + "/page/1");
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.location()).endsWith("/done");
        Browser.Page backToCheck = browser.get(SURVEY + "/" + code + "/check");
        assertThat(backToCheck.status()).isEqualTo(303);
        assertThat(backToCheck.location()).endsWith("/done");
        assertThat(backToCheck.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(browser.post(SURVEY + "/" + code + "/page/1", "colour", "red").location()).endsWith("/done");
    }

    @Test
    void manySimultaneousSubmitsMakeOneResponse() throws Exception {
        String code = readyToSubmit(browser());
        List<Callable<String>> clicks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clicks.add(() -> browser().post(SURVEY + "/" + code + "/submit").location());
        }
        List<String> landed = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(10)) {
            for (var future : pool.invokeAll(clicks)) {
                landed.add(future.get());
            }
        }
        assertThat(landed).containsOnly(SURVEY + "/" + code + "/done");
        assertThat(count("SELECT count(*) FROM responses r JOIN drafts d ON d.id = r.draft_id "
                + "WHERE d.resume_code = '" + code + "'")).isEqualTo(1);
    }

    @Test
    void aMissingRequiredAnswerStopsTheSubmitWithALinkToIt() {
        Browser browser = browser();
        String code = startedDraft(browser);
        Browser.Page refused = browser.post(SURVEY + "/" + code + "/submit");
        // Back to the check page by redirect, so the browser's Back never offers to send the form again.
        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.location()).isEqualTo(SURVEY + "/" + code + "/check?incomplete=true");
        Browser.Page check = browser.get(refused.location());
        assertThat(check.errorSummary()).containsExactly("Answer: Do you know the dog's name?");
        assertThat(check.document().select(".govuk-error-summary__list a").attr("href"))
                .isEqualTo(SURVEY + "/" + code + "/page/3?change=true");
        assertThat(count("SELECT count(*) FROM responses r JOIN drafts d ON d.id = r.draft_id "
                + "WHERE d.resume_code = '" + code + "'")).isZero();
    }

    @Test
    void startingStoresNothingUntilTheFirstPageIsSaved() {
        Browser browser = browser();
        long drafts = count("SELECT count(*) FROM drafts");
        Browser.Page begun = browser.get(SURVEY + "/begin");
        assertThat(begun.status()).isEqualTo(303);
        assertThat(begun.location()).matches(SURVEY + "/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/page/1");
        Browser.Page page1 = browser.get(begun.location());
        assertThat(page1.status()).isEqualTo(200);
        String code = begun.location().split("/")[3];
        // The code to keep safe is offered after the first page, not before the first question.
        assertThat(page1.document().select("#resume-code")).isEmpty();
        assertThat(browser.post(SURVEY + "/start").status()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM drafts")).as("drafts stored before any page is saved").isEqualTo(drafts);
        // Nothing stored, so nothing to resume and no later page to open.
        assertThat(browser.get(SURVEY + "/" + code + "/page/2").status()).isEqualTo(404);

        assertThat(browser.post(begun.location(), "colour", "red").status()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM drafts WHERE resume_code = '" + code + "'")).isEqualTo(1);
        // Page 1 sent twice (a double press, a retry) still makes one draft.
        assertThat(browser.post(begun.location(), "colour", "blue").status()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM drafts WHERE resume_code = '" + code + "'")).isEqualTo(1);
        assertThat(queryText("SELECT answers->>'colour' FROM drafts WHERE resume_code = '" + code + "'"))
                .isEqualTo("blue");
    }

    @jakarta.inject.Inject
    DraftHousekeeping housekeeping;

    @Test
    void draftsLeftEmptyForADayAreDeletedAndOthersKept() throws Exception {
        Browser browser = browser();
        String emptyPage = browser.get(SURVEY + "/begin").location();
        // Page 1 holds only optional questions here; saved blank, the draft holds no answers.
        browser.post(emptyPage, "colour", "red");
        String emptyCode = emptyPage.split("/")[3];
        String keptCode = startedDraft(browser);
        try (var connection = uk.chorus.support.TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("UPDATE drafts SET answers = '{}'::jsonb, updated_at = now() - "
                    + "interval '25 hours' WHERE resume_code = '" + emptyCode + "'");
            connection.createStatement().execute("UPDATE drafts SET updated_at = now() - interval '25 hours' "
                    + "WHERE resume_code = '" + keptCode + "'");
        }
        assertThat(housekeeping.deleteEmptyDrafts()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM drafts WHERE resume_code = '" + emptyCode + "'")).isZero();
        assertThat(count("SELECT count(*) FROM drafts WHERE resume_code = '" + keptCode + "'")).isEqualTo(1);
    }

    @Test
    void aPageWithErrorsComesBackByRedirectKeepingWhatWasTyped() {
        Browser browser = browser();
        String code = startedDraft(browser);
        String page2 = SURVEY + "/" + code + "/page/2";
        String tooLong = "x".repeat(31);
        Browser.Page refused = browser.post(page2, "name_of_service", tooLong, "weeks", "abc");
        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.location()).isEqualTo(page2);
        Browser.Page shown = browser.get(page2);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.errorSummary()).hasSize(2);
        assertThat(shown.document().select("#name_of_service").attr("value")).isEqualTo(tooLong);
        assertThat(shown.document().select("#weeks").attr("value")).isEqualTo("abc");
        assertThat(queryText("SELECT answers->>'name_of_service' FROM drafts WHERE resume_code = '" + code + "'"))
                .as("nothing from a page with errors is saved").isNull();
        // Put right, the errors go.
        assertThat(browser.post(page2, "name_of_service", "Speech therapy", "weeks", "12").status()).isEqualTo(303);
        assertThat(browser.get(page2).errorSummary()).isEmpty();
    }

    @Test
    void anUnfinishedDraftIsKeptAndCountedAsPartial() {
        long before = count("SELECT count(*) FROM drafts WHERE response_id IS NULL AND answers <> '{}'::jsonb "
                + "AND survey_id = 'every-type'");
        startedDraft(browser());
        String counts = api().get("/api/v1/surveys/every-type/counts", adminToken()).body();
        assertThat(counts).contains("\"partial\":" + (before + 1));
    }

    @Test
    void aClosedSurveySaysSoKindly() {
        Browser.Page closed = browser().get("/s/closed-2020");
        assertThat(closed.heading()).isEqualTo("This survey has closed");
        assertThat(closed.text()).contains("closed on 1 February 2020. Thank you to everyone who took part.");
        assertThat(browser().post("/s/closed-2020/start").heading()).isEqualTo("This survey has closed");
        assertThat(count("SELECT count(*) FROM drafts WHERE survey_id = 'closed-2020'")).isZero();

        Browser.Page future = browser().get("/s/future-2099");
        assertThat(future.heading()).isEqualTo("This survey is not open yet");
        assertThat(future.text()).contains("opens on 1 January 2099");
    }

    @Test
    void unknownSurveysAndPagesAreNotFound() {
        assertThat(browser().get("/s/no-such-survey").status()).isEqualTo(404);
        assertThat(browser().get("/s/no-such-survey").heading()).isEqualTo("Page not found");
        String code = startedDraft(browser());
        assertThat(browser().get(SURVEY + "/" + code + "/page/99").status()).isEqualTo(404);
        assertThat(browser().get(SURVEY + "/" + code + "/page/abc").status()).isEqualTo(400);
        assertThat(browser().get("/s/%2e%2e%2f%2e%2e%2fetc%2fpasswd").status()).isEqualTo(404);
    }

    @Test
    void respondentPagesAreNeverCachedAndCarrySecurityHeaders() {
        Browser.Page start = browser().get(SURVEY);
        assertThat(start.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(start.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(start.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(start.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
