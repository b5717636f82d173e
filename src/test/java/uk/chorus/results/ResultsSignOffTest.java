package uk.chorus.results;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Co-produced results: where the area asks for it, a wave's results are published only once the
 * forum they concern has agreed exactly those figures; the forum reads them as they would be
 * published, asks for changes or agrees, and the published pages say who agreed and when.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultsSignOffTest extends ChorusTest {
    private static final String NOW = "results-now";
    private static final String PUBLISH = "/staff/surveys/" + NOW + "/publish";
    private StaffClient lead;
    private StaffClient parents;
    private StaffClient youth;
    private StaffClient viewer;

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-results";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.results.sign-off", "true");
    }

    @BeforeAll
    void aWaveAndEveryoneConcerned() {
        for (int i = 0; i < 120; i++) {
            String support = i < 73 ? "ehcp" : i < 117 ? "sen-support" : "neither";
            StaffFixture.respond(server.getURI(), NOW, "{\"support\": \"" + support + "\", \"area\": \""
                    + (i % 3 == 0 ? "south" : "north") + "\", \"yes_q\": \"" + (i % 5 == 0 ? "no" : "yes") + "\"}");
        }
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        parents = StaffFixture.invite(server.getURI(), admin, "parents@example.org", "parent-forum");
        youth = StaffFixture.invite(server.getURI(), admin, "youth@example.org", "youth-forum");
        viewer = StaffFixture.invite(server.getURI(), admin, "viewer@example.org", "viewer");
    }

    @Test
    @Order(1)
    void publishingDirectlyIsRefusedUntilTheForumAgrees() {
        Browser.Page refused = lead.post(PUBLISH, "options", "round");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("must be agreed by the forum");
        assertThat(count("SELECT count(*) FROM result_publication_versions")).isZero();
        assertThat(lead.get(PUBLISH).document().select("form[action=" + PUBLISH + "/send] button").text())
                .isEqualTo("Send to the parent carer forum to agree");
    }

    @Test
    @Order(2)
    void theForumConcernedReadsTheFiguresAsTheyWouldBePublished() {
        Browser.Page sent = lead.post(PUBLISH + "/send", "options", "round", "options", "public");
        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.location()).isEqualTo(PUBLISH + "?done=sent");
        assertThat(count("SELECT count(*) FROM result_reviews WHERE survey_id = '" + NOW + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM result_publication_versions")).as("nothing published yet").isZero();

        assertThat(parents.get("/staff/sign-off/results").document().select("a[href=/staff/sign-off/results/" + NOW + "]"))
                .hasSize(1);
        assertThat(parents.get("/staff").document().select("a[href=/staff/sign-off/results]")).hasSize(1);
        Document draft = parents.get("/staff/sign-off/results/" + NOW + "/draft").document();
        // 96 said yes, rounded to 95: the forum reads what the public would.
        assertThat(draft.select("#q-yes_q table").text()).contains("95").doesNotContain("96");
        assertThat(youth.get("/staff/sign-off/results/" + NOW).status()).as("not the youth forum's survey")
                .isEqualTo(404);
        assertThat(youth.get("/staff/sign-off/results").document().select("a[href=/staff/sign-off/results/" + NOW + "]"))
                .isEmpty();
        assertThat(viewer.get("/staff/sign-off/results/" + NOW).status()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void askingForChangesNeedsWordsAndStopsPublishing() {
        String digest = parents.get("/staff/sign-off/results/" + NOW).document().select("input[name=digest]").val();
        Browser.Page noWords = parents.post("/staff/sign-off/results/" + NOW, "digest", digest, "decision", "changes");
        assertThat(noWords.status()).isEqualTo(422);
        assertThat(noWords.errorSummary()).contains("Say what you want changed");

        assertThat(parents.post("/staff/sign-off/results/" + NOW, "digest", digest, "decision", "changes",
                "comment", "Show the area split too").status()).isEqualTo(303);
        Document page = lead.get(PUBLISH).document();
        assertThat(page.select("#agreement-status").text()).contains("Changes asked for by");
        assertThat(page.text()).contains("Show the area split too");
        assertThat(page.select("form[action=" + PUBLISH + "/agreed]")).isEmpty();
        assertThat(lead.post(PUBLISH + "/agreed", "digest", digest).status()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM result_publication_versions")).isZero();
    }

    @Test
    @Order(4)
    void theAgreedFiguresArePublishedExactlyAndSayWhoAgreed() {
        String digest = parents.get("/staff/sign-off/results/" + NOW).document().select("input[name=digest]").val();
        assertThat(parents.post("/staff/sign-off/results/" + NOW, "digest", digest, "decision", "agreed").status())
                .isEqualTo(303);
        // Families go on answering: the agreed figures are still the ones published.
        for (int i = 0; i < 3; i++) {
            StaffFixture.respond(server.getURI(), NOW, "{\"support\": \"ehcp\", \"area\": \"south\", \"yes_q\": \"yes\"}");
        }
        Document page = lead.get(PUBLISH).document();
        assertThat(page.select("#agreement-status").text()).contains("Agreed by");
        String over = page.select("form[action=" + PUBLISH + "/agreed] input[name=over]").val();
        for (int click = 0; click < 2; click++) {
            assertThat(lead.post(PUBLISH + "/agreed", "digest", digest, "over", over).status()).isEqualTo(303);
        }
        assertThat(count("SELECT count(*) FROM result_publication_versions")).as("one version for two clicks")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM result_publication_versions v JOIN result_reviews r "
                + "ON r.survey_id = v.survey_id AND r.figures = v.figures AND r.digest = '" + digest + "'")).isEqualTo(1);
        assertThat(viewer.get("/staff/surveys/" + NOW + "/results").text())
                .contains("Agreed with the parent carer forum on");
        assertThat(browser().get("/results/" + NOW).text()).contains("Agreed with the parent carer forum on");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action IN ('results sent to agree', 'results agreed', "
                + "'results changes asked')")).isEqualTo(3);
    }
}
