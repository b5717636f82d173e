package uk.chorus.results;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing as one decision, of a fixed snapshot: the publish page's choices change what the
 * public sees, a family submitting afterwards moves nothing anyone but a lead can see, report
 * figures wait for publication, and a filtered view is a row of the published table.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicationTest extends ChorusTest {
    private static final String NOW = "results-now";
    private StaffClient lead;
    private StaffClient viewer;

    @Inject
    QuestionTrends trends;

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-results";
    }

    @BeforeAll
    void aWaveOfKnownAnswers() {
        for (int i = 0; i < 120; i++) {
            String support = i < 73 ? "ehcp" : i < 117 ? "sen-support" : "neither";
            String area = i % 3 == 0 ? "south" : "north";
            String yes = i % 5 == 0 ? "no" : "yes";
            String agree = i % 4 == 0 ? "disagree" : "agree";
            StaffFixture.respond(server.getURI(), NOW, "{\"support\": \"" + support + "\", \"area\": \"" + area
                    + "\", \"yes_q\": \"" + yes + "\", \"agree_q\": \"" + agree + "\"}");
        }
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        viewer = StaffFixture.invite(server.getURI(), admin, "viewer@example.org", "viewer");
    }

    @Test
    @Order(1)
    void reportFiguresAndViewersWaitForPublication() {
        assertThat(trends.of(NOW, "yes_q")).isEmpty();
        assertThat(viewer.get("/staff/surveys/" + NOW + "/results").status()).isEqualTo(403);
        // Live counts for anyone but the survey's leads are in tens: one submission cannot be told apart.
        assertThat(viewer.get("/staff").document().select("td").eachText()).contains("120 or more")
                .doesNotContain("120");
        assertThat(lead.get("/staff").document().select("td").eachText()).contains("120");
    }

    @Test
    @Order(2)
    void thePublishChoicesChangeWhatThePublicPageShows() {
        Browser.Page form = lead.get("/staff/surveys/" + NOW + "/publish");
        assertThat(form.document().select("form[method=post] input[name=options][value=public]")).hasSize(1);
        assertThat(form.document().select("form[method=post] input[name=options][value=round]")).hasSize(1);

        assertThat(lead.post("/staff/surveys/" + NOW + "/publish", "options", "round").status()).isEqualTo(303);
        assertThat(browser().get("/results/" + NOW).status()).as("not chosen for the public page").isEqualTo(404);
        assertThat(viewer.get("/staff/surveys/" + NOW + "/results").status()).isEqualTo(200);

        assertThat(lead.post("/staff/surveys/" + NOW + "/publish", "options", "public", "options", "round").status())
                .isEqualTo(303);
        Browser.Page open = browser().get("/results/" + NOW + "/results.csv");
        assertThat(open.status()).isEqualTo(200);
        // 96 said yes: published rounded to 95; 24 said no: 25; 120 responses: 120.
        assertThat(open.body()).contains(",yes,Yes,95,").contains(",no,No,25,").doesNotContain(",96,")
                .contains("rounded");
        assertThat(count("SELECT count(*) FROM result_publication_versions WHERE survey_id = '" + NOW + "'"))
                .isEqualTo(2);
        assertThat(trends.of(NOW, "yes_q")).isPresent();
    }

    @Test
    @Order(3)
    void aFamilySubmittingAfterPublicationMovesNoPublishedFigure() {
        String before = browser().get("/results/" + NOW + "/results.csv?by=support").body();
        String staffBefore = viewer.get("/staff/surveys/" + NOW + "/results.csv?by=support").body();
        for (int i = 0; i < 3; i++) {
            StaffFixture.respond(server.getURI(), NOW,
                    "{\"support\": \"neither\", \"area\": \"south\", \"yes_q\": \"no\", \"agree_q\": \"disagree\"}");
        }
        assertThat(browser().get("/results/" + NOW + "/results.csv?by=support").body()).isEqualTo(before);
        assertThat(viewer.get("/staff/surveys/" + NOW + "/results.csv?by=support").body()).isEqualTo(staffBefore);
        // A lead's own page shows the new answers at once.
        assertThat(lead.get("/staff/surveys/" + NOW + "/results").document().text()).contains("123");
    }

    @Test
    @Order(4)
    void aFilteredViewIsARowOfThePublishedTableNotANewTable() {
        Document filtered = viewer.get("/staff/surveys/" + NOW + "/results?only=support:ehcp&by=area").document();
        Document byGroup = viewer.get("/staff/surveys/" + NOW + "/results?by=support").document();
        Map<String, List<String>> ehcp = rows(byGroup);
        Map<String, List<String>> only = rows(filtered);
        assertThat(only.get("All in the chosen group")).isNotEmpty()
                .isEqualTo(ehcp.get("Education, Health and Care plan (EHCP)"));
        // A group within a group is a table the wave never published: it is not shown.
        assertThat(only).containsOnlyKeys("All in the chosen group");
    }

    @Test
    @Order(5)
    void aRepeatedPublishClickMakesOneNewVersion() {
        String over = lead.get("/staff/surveys/" + NOW + "/publish").document()
                .select("form[method=post] input[name=over]").val();
        long before = count("SELECT count(*) FROM result_publication_versions WHERE survey_id = '" + NOW + "'");
        assertThat(over).isEqualTo(Long.toString(before));
        for (int click = 0; click < 3; click++) {
            assertThat(lead.post("/staff/surveys/" + NOW + "/publish", "over", over, "options", "public",
                    "options", "round").status()).isEqualTo(303);
        }
        assertThat(count("SELECT count(*) FROM result_publication_versions WHERE survey_id = '" + NOW + "'"))
                .isEqualTo(before + 1);
    }

    private static Map<String, List<String>> rows(Document page) {
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        for (org.jsoup.nodes.Element row : page.select("#q-yes_q table tbody tr")) {
            rows.put(row.selectFirst("th").text(), row.select("td").eachText());
        }
        return rows;
    }
}
