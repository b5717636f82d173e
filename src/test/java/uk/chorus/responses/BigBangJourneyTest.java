package uk.chorus.responses;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A young person completes the shipped Big Bang survey, with its branches. */
@MicronautTest(transactional = false)
class BigBangJourneyTest extends ChorusTest {
    private static final String SURVEY = "/s/big-bang-2026";

    @Test
    void aSixteenYearOldAtCollegeWithoutFriendsCompletesEveryBranch() {
        Browser browser = browser();
        assertThat(browser.get(SURVEY).text()).contains("The youth forum wrote the questions")
                .contains("Childline on 0800 1111");
        String page1 = browser.post(SURVEY + "/start").location();
        String base = page1.substring(0, page1.length() - 1);
        Browser.Page first = browser.get(page1);
        assertThat(first.heading()).isEqualTo("About you");
        // Young people's age bands start at 11.
        assertThat(first.document().select("input[name=age_band]").eachAttr("value"))
                .containsExactly("11-15", "16-18", "19-25", "prefer-not-to-say");

        assertThat(browser.submit(base + 1, "age_band", "16-18", "ehcp_status", "ehcp").heading())
                .isEqualTo("Where you learn");
        assertThat(browser.submit(base + 2, "school_phase", "post-16", "area", "south").heading())
                .isEqualTo("School or college");
        assertThat(browser.submit(base + 3, "school_help", "agree", "school_happy", "7").heading())
                .isEqualTo("Do you have friends you can spend time with outside school or college?");
        assertThat(browser.submit(base + 4, "has_friends", "no").heading()).isEqualTo("What makes it hard to see friends?");
        assertThat(browser.submit(base + 5, "friends_barriers", "transport", "friends_barriers", "anxiety").heading())
                .isEqualTo("Adults listen to me when decisions are made about my life.");
        assertThat(browser.get(base + 6).text()).contains("Say this more simply")
                .contains("Do adults listen to you when they decide things about you?");
        assertThat(browser.submit(base + 6, "listened_to", "disagree").heading())
                .isEqualTo("Have you needed help with your mental health in the last year?");
        assertThat(browser.submit(base + 7, "mental_health_support", "yes").heading())
                .isEqualTo("I got the mental health help I needed, when I needed it.");
        assertThat(browser.submit(base + 8, "mental_health_got_help", "strongly-disagree").heading())
                .isEqualTo("Getting ready for adult life");
        assertThat(browser.submit(base + 9, "adulthood_ready", "neither", "adulthood_plans", "Work with animals")
                .heading()).startsWith("If you could change one thing");
        Browser.Page check = browser.submit(base + 10, "one_change", "More things to do at weekends.");
        assertThat(check.text()).contains("Getting there").contains("Feeling anxious").contains("Work with animals");
        Browser.Page done = browser.submit(check.document().select("form").attr("action"));
        assertThat(done.heading()).isEqualTo("Your answers have been sent");
        assertThat(count("SELECT count(*) FROM responses WHERE survey_id = 'big-bang-2026' "
                + "AND answers->>'one_change' = 'More things to do at weekends.'")).isEqualTo(1);
    }

    @Test
    void anElevenYearOldWithFriendsSkipsTheAdulthoodAndBarrierQuestions() {
        Browser browser = browser();
        String page1 = browser.post(SURVEY + "/start").location();
        String base = page1.substring(0, page1.length() - 1);
        browser.post(base + 1, "age_band", "11-15", "ehcp_status", "sen-support");
        browser.post(base + 2, "school_phase", "home-educated");
        // Educated at home: the school page is skipped.
        assertThat(browser.get(base + 3).location()).isEqualTo(base + 4);
        assertThat(browser.post(base + 4, "has_friends", "yes").location()).isEqualTo(base + 6);
        browser.post(base + 6, "listened_to", "agree");
        assertThat(browser.post(base + 7, "mental_health_support", "no").location()).isEqualTo(base + 9);
        Browser.Page adulthood = browser.get(base + 9);
        // Only the optional plans question remains on the page for under-16s.
        assertThat(adulthood.document().select("input[name=adulthood_plans]")).hasSize(1);
        assertThat(adulthood.document().select("input[name=adulthood_ready]")).isEmpty();
        assertThat(browser.post(base + 9, "adulthood_plans", "").location()).isEqualTo(base + 10);
        Browser.Page check = browser.submit(base + 10, "one_change", "");
        assertThat(check.text()).doesNotContain("get ready for adult life").doesNotContain("hard to see friends");
        assertThat(browser.post(check.document().select("form").attr("action")).status()).isEqualTo(303);
    }
}
