package uk.chorus.results;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publishing through the progress page: with no patience the publish request always hands over to
 * the check's page, which refreshes itself while the check runs and ends on the outcome; with one
 * round allowed, a wave whose small group is pinned by the others is refused there, listing the
 * figures at fault, and nothing is published.
 */
@MicronautTest(transactional = false)
class PublishingChecksTest extends ChorusTest {
    private static final String NOW = "results-now";
    private StaffClient lead;

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-results";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.results.disclosure-rounds", "1", "chorus.results.publish-patience", "0ms");
    }

    @BeforeAll
    void aWaveWhereAGroupsSizeMinusItsBaseGivesAwayTwoFamilies() {
        // 53 families with a plan, 51 of whom gave a view and 2 said "don't know": table by table,
        // the 2 is withheld while the group's 53 and its base of 51 both show.
        respond(30, "ehcp", "north", "agree");
        respond(21, "ehcp", "south", "disagree");
        respond(2, "ehcp", "south", "dont-know");
        respond(40, "sen-support", "north", "agree");
        respond(30, "sen-support", "south", "disagree");
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
    }

    private void respond(int people, String support, String area, String agree) {
        for (int i = 0; i < people; i++) {
            StaffFixture.respond(server.getURI(), NOW, "{\"support\": \"" + support + "\", \"area\": \"" + area
                    + "\", \"agree_q\": \"" + agree + "\"}");
        }
    }

    @Test
    void aPublicationTheAuditRefusesEndsOnItsProgressPageListingTheFiguresAtFault() {
        Browser.Page posted = lead.post("/staff/surveys/" + NOW + "/publish");
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.location()).startsWith("/staff/surveys/" + NOW + "/publish/checks/");

        Browser.Page outcome = followToTheEnd(posted.location());
        assertThat(outcome.status()).isEqualTo(422);
        Document page = outcome.document();
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-notification-banner__title").text())
                .contains("These results cannot be published yet");
        assertThat(page.select("table.govuk-table tbody tr")).isNotEmpty();
        assertThat(count("SELECT count(*) FROM result_publication_versions WHERE survey_id = '" + NOW + "'"))
                .as("nothing published").isZero();
        assertThat(count("SELECT count(*) FROM result_publications")).isZero();
    }

    @Test
    void theAuditOnDemandGoesThroughTheSameProgressPage() {
        Browser.Page asked = lead.get("/staff/surveys/" + NOW + "/publish?audit=yes&options=round");
        assertThat(asked.status()).isEqualTo(303);
        Browser.Page outcome = followToTheEnd(asked.location());
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.document().select("#audit-result").text()).isNotBlank();
    }

    @Test
    void aLeadsPreviewAsPublishedShowsItsProgressAtTheSameAddressUntilTheFiguresAreWorkedOut() {
        String preview = "/staff/surveys/" + NOW + "/results?view=published&round=yes&by=support";
        Browser.Page outcome = followToTheEnd(preview);
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.document().select("#q-agree_q table")).isNotEmpty();
        assertThat(outcome.document().select("meta[http-equiv=refresh]")).isEmpty();
    }

    @Test
    void aCheckThatIsNoLongerKeptSaysSoAndOffersTheWayBack() {
        Browser.Page gone = lead.get("/staff/surveys/" + NOW + "/publish/checks/not-a-check");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.document().select("h1").text()).isEqualTo("This check is no longer kept");
        assertThat(gone.document().select("a[href=/staff/surveys/" + NOW + "/publish]")).isNotEmpty();
        assertThat(gone.document().select("meta[http-equiv=refresh]")).isEmpty();
    }

    /** Reads the check's page until it stops showing progress; every progress page must refresh itself. */
    private Browser.Page followToTheEnd(String location) {
        AtomicReference<Browser.Page> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Browser.Page page = lead.get(location);
            last.set(page);
            boolean running = page.status() == 200 && !page.document().select("progress").isEmpty();
            if (running) {
                assertThat(page.document().select("meta[http-equiv=refresh]")).hasSize(1);
                assertThat(page.document().select("label[for=check-progress]").text()).isEqualTo("Progress of the check");
            }
            return !running;
        });
        return last.get();
    }
}
