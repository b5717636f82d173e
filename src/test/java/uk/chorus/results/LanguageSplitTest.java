package uk.chorus.results;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results split by the language answered in, on the shipped parent/carer survey (English, Polish
 * and Urdu): a lead's live figures per language, the same rules for withheld figures "as
 * published", and never for a survey in one language.
 */
@MicronautTest(transactional = false)
class LanguageSplitTest extends ChorusTest {
    private static final String SURVEY = "family-voice-2026";
    private static final String PAGE = "/staff/surveys/" + SURVEY + "/results";
    private StaffClient lead;

    @BeforeAll
    void answersInEnglishAndPolish() {
        // 20 in English (16 agree that education met needs, 4 disagree: 80% and 20%) and 12 in
        // Polish (6 and 6: 50% each). Closed answers are codes, so every language counts together.
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            boolean polish = i >= 20;
            boolean agree = polish ? i < 26 : i < 16;
            references.add(StaffFixture.respond(server.getURI(), SURVEY, StaffFixture.FAMILY_VOICE_ANSWERS
                    .replace("\"needs_met_education\": \"agree\"", "\"needs_met_education\": \""
                            + (agree ? "agree" : "disagree") + "\"")));
        }
        // The web journey stores the language a family chose (LanguagesTest walks it in Polish and
        // Urdu); the JSON API has no language yet, so the last 12 are marked as answered in Polish
        // here, before any results are read.
        try (var connection = uk.chorus.support.TestDatabase.connect(databaseUrl);
             var update = connection.prepareStatement("UPDATE responses SET language = 'pl' WHERE reference = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("text", references.subList(20, 32).toArray()));
            assertThat(update.executeUpdate()).isEqualTo(12);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
    }

    @Test
    void aLeadSplitsResultsByTheLanguageAnsweredIn() {
        Document plain = lead.get(PAGE).document();
        assertThat(plain.select("select#by option[value=answered-in]").text()).isEqualTo("Language answered in");
        assertThat(table(plain, "needs_met_education").get("All who answered")).startsWith("32", "0% (0)", "69% (22)", "0% (0)", "31% (10)");

        Document split = lead.get(PAGE + "?by=answered-in").document();
        assertThat(split.select("select#by option[value=answered-in][selected]")).hasSize(1);
        // The groups' own sizes come first, as an about-you question's table gives them.
        assertThat(table(split, "answered-in").get("All who answered")).startsWith("32", "63% (20)", "38% (12)");
        Map<String, List<String>> education = table(split, "needs_met_education");
        assertThat(education.get("English")).startsWith("20", "0% (0)", "80% (16)", "0% (0)", "20% (4)");
        assertThat(education.get("Polski (pl)")).startsWith("12", "0% (0)", "50% (6)", "0% (0)", "50% (6)");
        assertThat(split.select("#reach-needs_met_education tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).startsWith("Polski (pl) 12 12 0"));
        // Its chart downloads like any other, one bar per language.
        assertThat(lead.get(PAGE + "/charts/needs_met_education.svg?by=answered-in").body())
                .contains("Polski (pl)").contains("English");

        // As published: the 4 English families who disagreed are withheld, and the page says this
        // split is not part of the published figures.
        Document published = lead.get(PAGE + "?by=answered-in&view=published").document();
        assertThat(table(published, "needs_met_education").get("English")).contains("[c]");
        assertThat(published.select("#language-note").text()).contains("for leads only");
    }

    @Test
    void aSurveyInOneLanguageOffersNoLanguageSplit() {
        StaffFixture.respond(server.getURI(), "big-bang-2026", StaffFixture.BIG_BANG_ANSWERS);
        Document page = lead.get("/staff/surveys/big-bang-2026/results?by=answered-in").document();
        assertThat(page.select("select#by option[value=answered-in]")).isEmpty();
        assertThat(page.select("#q-answered-in")).isEmpty();
    }

    private static Map<String, List<String>> table(Document page, String key) {
        Element section = page.selectFirst("#q-" + key);
        assertThat(section).as("question " + key).isNotNull();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Element row : section.select("table tbody tr")) {
            rows.put(row.selectFirst("th").text(), row.select("td").eachText());
        }
        return rows;
    }
}
