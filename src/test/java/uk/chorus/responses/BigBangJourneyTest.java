package uk.chorus.responses;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A young person completes the shipped Big Bang survey, rewritten for 11 to 25 year olds with
 * SEND: their own options, every hard word explained where it appears, simpler wording for every
 * question, faces with words, and someone to talk to after questions about feelings and safety.
 */
@MicronautTest(transactional = false)
class BigBangJourneyTest extends ChorusTest {
    private static final String SURVEY = "/s/big-bang-2026";

    @Test
    void aSixteenYearOldAtCollegeWithoutFriendsCompletesEveryBranch() {
        Browser browser = browser();
        assertThat(browser.get(SURVEY).text()).contains("The youth forum wrote the questions")
                .contains("Childline on 0800 1111").contains("we only show groups of 5 or more young people");
        String page1 = browser.get(SURVEY + "/begin").location();
        String base = page1.substring(0, page1.length() - 1);
        Browser.Page first = browser.get(page1);
        assertThat(first.heading()).isEqualTo("How old are you?");
        assertThat(first.text()).doesNotContain("This is your code");
        // Young people's age bands start at 11.
        assertThat(first.document().select("input[name=age_band]").eachAttr("value"))
                .containsExactly("11-15", "16-18", "19-25", "prefer-not-to-say");

        Browser.Page plan = browser.submit(base + 1, "age_band", "16-18");
        assertThat(plan.heading()).isEqualTo("Do you have an EHC plan?");
        // The code comes after the first page, once there is something saved to come back to.
        assertThat(plan.text()).contains("This is your code. If you stop before the end, use it to carry on later");
        assertThat(plan.text()).contains("EHC means Education, Health and Care");
        Browser.Page doing = browser.submit(base + 2, "ehcp_status", "ehcp");
        // Their own options: school, college, apprenticeship, work, none of these; no nursery or primary school.
        assertThat(doing.document().select("input[name=school_phase]").eachAttr("value"))
                .containsExactly("school", "college", "apprenticeship", "work", "none", "prefer-not-to-say");
        assertThat(doing.text()).doesNotContain("Early years").doesNotContain("Primary school");

        Browser.Page school = browser.submit(base + 3, "school_phase", "college", "area", "south");
        assertThat(school.heading()).isEqualTo("School, college or work");
        // Faces with words: each symbol has a text alternative, and "I don't know" comes after "or".
        Element faces = school.document().select(".chorus-faces").first();
        assertThat(faces.select("img.chorus-symbol").eachAttr("alt"))
                .containsExactly("Big smile", "Smile", "Straight face", "Frown", "Big frown");
        assertThat(faces.select("label").eachText())
                .containsExactly("Really good", "Good", "OK", "Not good", "Really bad", "I don't know");
        assertThat(faces.select(".govuk-radios__divider").text()).isEqualTo("or");

        browser.submit(base + 4, "school_help", "good", "school_happy", "okay");
        assertThat(browser.submit(base + 5, "learning_better", "Quiet room at lunch").heading())
                .isEqualTo("Do you have friends you can spend time with outside school, college or work?");
        assertThat(browser.submit(base + 6, "has_friends", "no").heading())
                .isEqualTo("What makes it hard to see friends? (optional)");
        Browser.Page safe = browser.submit(base + 7, "friends_barriers", "transport", "friends_barriers", "anxiety");
        assertThat(safe.heading()).isEqualTo("How safe do you feel when you go out near where you live?");
        // After a question about feeling safe: who to talk to now, with numbers to tap.
        assertThat(safe.document().select(".chorus-support h2").text()).isEqualTo("If you need to talk to someone now");
        assertThat(safe.document().select(".chorus-support a").eachAttr("href"))
                .containsExactly("tel:08001111", "tel:116123");

        Browser.Page feelings = browser.submit(base + 8, "feel_safe", "not-good");
        assertThat(feelings.document().select(".chorus-support")).hasSize(1);
        Browser.Page help = browser.submit(base + 9, "mental_health_support", "yes");
        assertThat(help.text()).contains("CAMHS (the NHS service for young people's mental health)");
        browser.submit(base + 10, "mental_health_got_help", "really-bad");
        Browser.Page listened = browser.get(base + 11);
        assertThat(listened.text()).contains("Say this more simply").contains("Do adults listen to you?");
        assertThat(browser.submit(base + 11, "listened_to", "not-good").heading())
                .startsWith("Did you get to say what you think at your last annual review?");
        browser.submit(base + 12, "plan_say", "no");
        browser.submit(base + 13, "adulthood_ready", "okay", "adulthood_plans", "Work with animals");
        Browser.Page check = browser.submit(base + 14, "one_change", "More things to do at weekends.");
        assertThat(check.text()).contains("Getting there (buses, trains or lifts)").contains("Feeling worried or anxious")
                .contains("Work with animals").contains("Not very safe").contains("Not very well");
        // Their check page speaks to them, not to a parent.
        assertThat(check.text()).contains("Nobody will be able to tell which answers are yours")
                .doesNotContain("your child");
        Browser.Page done = browser.submit(check.document().select("form").attr("action"));
        assertThat(done.heading()).isEqualTo("Thank you, your answers have been sent");
        assertThat(done.text()).contains("The youth forum and the people who run services will read");
        assertThat(count("SELECT count(*) FROM responses WHERE survey_id = 'big-bang-2026' "
                + "AND answers->>'one_change' = 'More things to do at weekends.' "
                + "AND answers->>'school_help' = 'good'")).isEqualTo(1);
    }

    @Test
    void anElevenYearOldWithFriendsSkipsTheAdulthoodAndBarrierQuestions() {
        Browser browser = browser();
        String page1 = browser.get(SURVEY + "/begin").location();
        String base = page1.substring(0, page1.length() - 1);
        browser.post(base + 1, "age_band", "11-15");
        browser.post(base + 2, "ehcp_status", "sen-support");
        // Doing none of these: the school page is skipped, but its section still counts.
        assertThat(browser.post(base + 3, "school_phase", "none").location()).isEqualTo(base + 5);
        assertThat(browser.get(base + 5).document().select(".chorus-progress").text())
                .isEqualTo("Section 2 of 6: School, college or work");
        browser.post(base + 5, "learning_better", "");
        assertThat(browser.post(base + 6, "has_friends", "yes").location()).isEqualTo(base + 8);
        browser.post(base + 8, "feel_safe", "really-good");
        assertThat(browser.post(base + 9, "mental_health_support", "no").location()).isEqualTo(base + 11);
        assertThat(browser.post(base + 11, "listened_to", "good").location()).isEqualTo(base + 13);
        Browser.Page future = browser.get(base + 13);
        // Only the optional plans question remains on the page for under-16s.
        assertThat(future.document().select("input[name=adulthood_plans]")).hasSize(1);
        assertThat(future.document().select("input[name=adulthood_ready]")).isEmpty();
        assertThat(browser.post(base + 13, "adulthood_plans", "").location()).isEqualTo(base + 14);
        Browser.Page check = browser.submit(base + 14, "one_change", "");
        assertThat(check.text()).doesNotContain("ready for adult life").doesNotContain("hard to see friends");
        assertThat(browser.post(check.document().select("form").attr("action")).status()).isEqualTo(303);
    }

    @Test
    void everyQuestionHasSimplerWordingAndEveryRequiredOneAnErrorWrittenForIt() {
        var survey = new uk.chorus.surveys.SurveyFileParser().parse("big-bang-2026.yml",
                readShipped("big-bang-2026.yml")).definition().orElseThrow();
        List<uk.chorus.surveys.Question> questions = survey.questionList();
        assertThat(questions).allSatisfy(q -> assertThat(q.easyRead()).as(q.key()).isNotBlank());
        assertThat(questions).filteredOn(uk.chorus.surveys.Question::required)
                .allSatisfy(q -> assertThat(q.errorMessage()).as(q.key()).isNotBlank());
        assertThat(questions).filteredOn(q -> q.type().isScale())
                .allSatisfy(q -> assertThat(q.type()).as(q.key()).isEqualTo(uk.chorus.surveys.QuestionType.FACES));
    }

    private static String readShipped(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("surveys", file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
