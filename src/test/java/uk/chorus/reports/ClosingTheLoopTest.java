package uk.chorus.reports;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.chorus.browser.HtmlChecker;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing the loop, in an area that requires the parent carer forum to agree reports: a builder
 * that saves every theme's words in one form (and loses none when one is wrong), first drafts from
 * how many people wrote, suggested quotes that passed the quote check, a preview that is what
 * publishes; commitments with a start, a timeline and "Did it work?" judged only after the work
 * began; a family's "what happened next" from their reference; and the forum's sign-off.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosingTheLoopTest extends ChorusTest {
    private static final String SURVEY_WORDS = "We need more short breaks and respite at weekends, the club is always full.";
    private StaffClient lead;
    private StaffClient parents;
    private StaffClient viewer;
    private long reportId;
    private long measureId;
    private String surveyReference;
    private String feedbackReference;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.report.sign-off", "parent-forum", "chorus.rate-limits.feedback-per-minute", "60");
    }

    @BeforeAll
    void familiesWrote() throws Exception {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        parents = StaffFixture.invite(server.getURI(), admin, "parents@example.org", "parent-forum");
        viewer = StaffFixture.invite(server.getURI(), admin, "viewer@example.org", "viewer");
        for (int i = 0; i < 6; i++) {
            String reference = feedback("We waited " + (i + 2) + " months for respite and the short breaks club never had a place.");
            if (i == 0) {
                feedbackReference = reference;
            }
        }
        feedback("His wheelchair no longer fits and the equipment service is very slow.");
        surveyReference = StaffFixture.respond(server.getURI(), "family-voice-2026",
                StaffFixture.FAMILY_VOICE_ANSWERS.replace("Speech therapy in school sooner.", SURVEY_WORDS));
        assertThat(lead.post("/staff/measures", "name", "Families waiting for a short break", "question", "", "unit", "",
                "direction", "lower", "target", "").status()).isEqualTo(303);
        measureId = count("SELECT max(id) FROM measures");
        lead.post("/staff/measures/" + measureId + "/values", "period", "2024-25", "ends", "2025-07-31", "value", "30");
        lead.post("/staff/measures/" + measureId + "/values", "period", "2025-26", "ends", "2026-07-31", "value", "20");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        Browser.Page created = lead.post("/staff/reports", "title", "Loop report", "from", today.minusDays(30).toString(),
                "to", today.toString(), "source", "feedback", "source", "survey:family-voice-2026");
        assertThat(created.status()).isEqualTo(303);
        reportId = Long.parseLong(created.location().substring("/staff/reports/".length()));
        // The index follows feedback and responses through the change log: wait until all 8 people count.
        await("all 8 people counted").atMost(java.time.Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(builder().text()).contains("8 people wrote"));
    }

    private String feedback(String text) {
        Api.Reply reply = api().postJson("/api/v1/feedback", "{\"submissionId\": \"" + UUID.randomUUID() + "\", "
                + "\"channel\": \"service\", \"service\": \"Loop test service\", \"text\": \"" + text + "\"}");
        assertThat(reply.status()).isEqualTo(201);
        return reply.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private Browser.Page builder() {
        return lead.get("/staff/reports/" + reportId);
    }

    private String digest(StaffClient who, String path) {
        return who.get(path).document().select("input[name=digest]").attr("value");
    }

    @Test
    @Order(1)
    void youSaidIsDraftedFromWhatPeopleWroteAndEveryThemesWordsSaveInOneForm() {
        Document page = builder().document();
        assertThat(page.select("form[data-chorus-unsaved]")).hasSize(1);
        assertThat(page.select("script[src=/assets/chorus/unsaved.js]")).hasSize(1);
        assertThat(page.select("textarea#words-short-breaks").text())
                .isEqualTo("7 people told us about short breaks and respite.")
                .doesNotContain("holiday and after-school activities");
        assertThat(page.select("textarea#words-equipment").text())
                .isEqualTo("A few people (fewer than 5) told us about equipment, wheelchairs and adaptations.");
        // Typical comments that passed the quote check are offered, ticked; none for a theme too small to quote.
        assertThat(page.select("#theme-short-breaks input[name=use][checked]")).isNotEmpty();
        assertThat(page.select("#theme-equipment input[name=use]")).isEmpty();
        String kept = page.select("#theme-short-breaks input[name=use]").first().attr("value");

        // One box too long: nothing is saved, and every word typed comes back.
        String state = databaseState();
        Browser.Page refused = lead.post("/staff/reports/" + reportId, "words-short-breaks", "Our own words.",
                "words-equipment", "x".repeat(3001), "use", kept);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorSummary()).singleElement().asString().contains("Equipment, wheelchairs and adaptations");
        assertThat(refused.document().select("textarea#words-short-breaks").text()).isEqualTo("Our own words.");
        assertThat(databaseState()).isEqualTo(state);

        Browser.Page saved = lead.post("/staff/reports/" + reportId, "words-short-breaks",
                "You told us there were not enough short breaks.", "words-equipment", "Wheelchairs took too long.",
                "use", kept);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(queryText("SELECT string_agg(theme_id || '=' || you_said, '; ' ORDER BY theme_id) FROM report_themes"))
                .isEqualTo("equipment=Wheelchairs took too long.; short-breaks=You told us there were not enough short breaks.");
        assertThat(queryText("SELECT theme_id || ' / ' || approved_by FROM report_quotes"))
                .isEqualTo("short-breaks / lead@example.org");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'report saved'")).isEqualTo(1);
        assertThat(HtmlChecker.errors(builder().body())).isEmpty();
    }

    @Test
    @Order(2)
    void didItWorkComparesOnlyPeriodsAfterTheWorkBegan() {
        assertThat(lead.post("/staff/actions/save", "title", "A second weekend short breaks club", "status", "planned",
                "due", "2027-06-30", "theme", "short-breaks", "measure", Long.toString(measureId), "service",
                "Short breaks service").status()).isEqualTo(303);
        assertThat(lead.post("/staff/actions/save", "title", "Longer opening hours at the short breaks club",
                "status", "in-progress", "started", "2026-01-10", "theme", "short-breaks", "measure",
                Long.toString(measureId), "service", "Short breaks service", "feedback",
                surveyReference + " " + feedbackReference, "note", "Opening until 7pm from January.").status())
                .isEqualTo(303);
        assertThat(count("SELECT count(*) FROM action_responses")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM action_feedback")).isEqualTo(1);
        Browser.Page wrong = lead.post("/staff/actions/save", "title", "Bad link", "status", "planned", "feedback",
                "ZZZZ-ZZZZ");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.errorSummary()).singleElement().asString().contains("ZZZZ-ZZZZ");

        long begun = count("SELECT id FROM actions WHERE title LIKE 'Longer%'");
        assertThat(lead.post("/staff/actions/save", "id", Long.toString(begun), "title",
                "Longer opening hours at the short breaks club", "status", "done", "started", "2026-01-10", "theme",
                "short-breaks", "measure", Long.toString(measureId), "service", "Short breaks service", "feedback",
                surveyReference + " " + feedbackReference, "note", "Open until 7pm every weekday.").status())
                .isEqualTo(303);

        Browser reader = browser();
        Document page = reader.get("/commitments?theme=short-breaks").document();
        String planned = page.select("section:has(h2:contains(A second weekend))").text();
        assertThat(planned).contains("Planned").contains("30 June 2027")
                .contains("The work has not begun yet, so it is too early to tell.").doesNotContain("Better");
        String done = page.select("section:has(h2:contains(Longer opening hours))").text();
        assertThat(done).contains("Done").contains("Work began 10 January 2026")
                .contains("Families waiting for a short break: 30 → 20 (−10). Better")
                .contains("In progress. Opening until 7pm from January.").contains("Done. Open until 7pm every weekday.");
        // The public never sees who wrote an update, nor which families' comments an action answers.
        assertThat(page.text()).doesNotContain("lead@example.org").doesNotContain(surveyReference)
                .doesNotContain(feedbackReference);
        assertThat(reader.get("/commitments?theme=equipment").text()).contains("There are no commitments to show yet.");
        assertThat(reader.get("/commitments?theme=no-such-theme").text()).contains("A second weekend short breaks club");
        assertThat(HtmlChecker.errors(reader.get("/commitments").body())).isEmpty();
        assertThat(reader.asset("/commitments/easy-read.txt?theme=short-breaks").body())
                .contains("We said we would: A second weekend short breaks club.")
                .contains("When it should be done by: 30 June 2027.")
                .contains("Has it helped? Families waiting for a short break: The work has not begun yet");

        // The report judges the measure from the earliest day work on the theme began.
        assertThat(builder().document().select("#theme-short-breaks").text())
                .contains("Families waiting for a short break: 30 → 20 (−10). Better");
    }

    @Test
    @Order(3)
    void aFamilySeesWhatTheirWordsFedIntoFromTheirReferenceAndNothingMore() {
        Browser family = browser();
        assertThat(family.get("/what-happened-next?reference=" + surveyReference).document()
                .select("input#reference").attr("value")).isEqualTo(surveyReference);
        Browser.Page shown = family.post("/what-happened-next", "reference", surveyReference.toLowerCase());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.text()).contains("You told us about Short breaks and respite");
        assertThat(shown.text()).contains("Longer opening hours at the short breaks club")
                .contains("A second weekend short breaks club")
                .doesNotContain("always full").doesNotContain(SURVEY_WORDS).doesNotContain("Speech");
        assertThat(HtmlChecker.errors(shown.body())).isEmpty();

        Browser.Page fromFeedback = family.post("/what-happened-next", "reference", feedbackReference);
        assertThat(fromFeedback.status()).isEqualTo(200);
        assertThat(fromFeedback.text()).contains("Short breaks and respite").doesNotContain("never had a place");

        // Every unknown looks alike: a well-formed reference nobody holds, and anything else.
        Browser.Page unknown = family.post("/what-happened-next", "reference", "ZZZZ-ZZZZ");
        Browser.Page nonsense = family.post("/what-happened-next", "reference", "<script>'; DROP");
        Browser.Page empty = family.post("/what-happened-next");
        for (Browser.Page page : new Browser.Page[] {unknown, nonsense, empty}) {
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.errorSummary()).containsExactly("We could not find that reference. Check it against your "
                    + "confirmation page and try again.");
        }

        // The feedback thanks page says how to come back.
        Browser.Page thanks = family.post("/feedback/local-offer", "helpful", "no", "text", "The short breaks page is out of date.");
        assertThat(thanks.status()).isEqualTo(303);
        assertThat(family.get(thanks.location()).document().select("a[href^=/what-happened-next?reference=FB-]")).hasSize(1);
    }

    @Test
    @Order(4)
    void theForumAgreesTheExactDraftBeforeItIsPublishedAndThePublishedReportSaysSo() {
        String preview = "/staff/reports/" + reportId + "/preview";
        Document shown = lead.get(preview).document();
        assertThat(shown.text()).contains("This is exactly what will be published")
                .contains("You told us there were not enough short breaks.")
                .contains("only when the parent carer forum have agreed it");
        assertThat(shown.select("form[action$=/publish]")).isEmpty();
        assertThat(HtmlChecker.errors(lead.get(preview).body())).isEmpty();
        String first = digest(lead, preview);
        assertThat(lead.post("/staff/reports/" + reportId + "/publish", "digest", first).status()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM report_versions")).isZero();

        assertThat(lead.post("/staff/reports/" + reportId + "/reviews", "digest", first).status()).isEqualTo(303);
        // Forum members find it from their menu.
        assertThat(parents.get("/staff").document().select("a[href=/staff/sign-off]")).hasSize(1);
        assertThat(lead.get("/staff").document().select("a[href=/staff/sign-off]")).isEmpty();
        assertThat(parents.get("/staff/sign-off").text()).contains("Loop report");
        String draft = "/staff/sign-off/" + reportId;
        assertThat(parents.get(draft).text()).contains("You told us there were not enough short breaks.");
        assertThat(HtmlChecker.errors(parents.get(draft).body())).isEmpty();
        Browser.Page noReason = parents.post(draft, "digest", first, "decision", "changes");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.errorSummary()).containsExactly("Say what you want changed");
        assertThat(parents.post(draft, "digest", first, "decision", "changes", "comment",
                "Say what families actually asked for.").status()).isEqualTo(303);
        assertThat(lead.get(preview).text()).contains("asked for changes").contains("Say what families actually asked for.");

        lead.post("/staff/reports/" + reportId, "words-short-breaks", "You asked for short breaks at weekends.");
        String second = digest(lead, preview);
        assertThat(second).isNotEqualTo(first);
        // A decision on the older draft no longer counts.
        assertThat(lead.post("/staff/reports/" + reportId + "/reviews", "digest", second).status()).isEqualTo(303);
        assertThat(parents.post(draft, "digest", first, "decision", "agreed").status()).isEqualTo(409);
        assertThat(parents.post(draft, "digest", second, "decision", "agreed").status()).isEqualTo(303);

        Browser.Page published = lead.post("/staff/reports/" + reportId + "/publish", "digest", digest(lead, preview));
        assertThat(published.status()).isEqualTo(303);
        Browser.Page page = browser().get(published.location());
        String today = uk.chorus.web.Dates.longForm(LocalDate.now(ZoneId.of("Europe/London")));
        assertThat(page.text()).contains("Co-produced: agreed with the parent carer forum on " + today)
                .contains("You asked for short breaks at weekends.");
        assertThat(browser().asset(published.location() + "/easy-read.txt").body())
                .contains("Co-produced: agreed with the parent carer forum on " + today + ".");
        assertThat(queryText("SELECT string_agg(action, ', ' ORDER BY id) FROM audit_log WHERE action LIKE 'report %' "
                + "AND action NOT IN ('report created', 'report saved')"))
                .isEqualTo("report sent to forums, report changes asked, report sent to forums, report agreed, "
                        + "report published");
        assertThat(viewer.get("/staff/sign-off").status()).isEqualTo(403);
        assertThat(lead.get("/staff/sign-off").status()).isEqualTo(403);
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
    }

    @Test
    @Order(5)
    void lookingUpReferencesIsRateLimited() {
        Browser script = browser();
        int status = 200;
        for (int i = 0; i < 80 && status != 429; i++) {
            status = script.post("/what-happened-next", "reference", "ZZZZ-" + i).status();
        }
        assertThat(status).isEqualTo(429);
    }
}
