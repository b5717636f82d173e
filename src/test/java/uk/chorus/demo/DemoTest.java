package uk.chorus.demo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.TestDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** CHORUS_DEMO=true on an empty database: something real to look at, and never on real answers. */
@MicronautTest(transactional = false)
class DemoTest extends ChorusTest {

    @Override
    protected Map<String, String> extraProperties() {
        // No contact set, as on a newcomer's first start: the demo names its own made-up one.
        return Map.of("chorus.demo", "true", "chorus.site.contact-email", "");
    }

    @Test
    void bothWavesOfBothSurveysAreThereWithSmallGroupsAndPartials() {
        assertThat(count("SELECT count(*) FROM responses WHERE survey_id = 'family-voice-2025' AND channel = 'demo'"))
                .isEqualTo(600);
        assertThat(count("SELECT count(*) FROM responses WHERE survey_id = 'family-voice-2026'")).isEqualTo(600);
        assertThat(count("SELECT count(*) FROM responses WHERE survey_id = 'big-bang-2025'")).isEqualTo(150);
        assertThat(count("SELECT count(*) FROM responses WHERE survey_id = 'big-bang-2026'")).isEqualTo(150);
        assertThat(count("SELECT count(*) FROM drafts WHERE response_id IS NULL AND answers <> '{}'::jsonb"))
                .isBetween(40L, 60L);
        // Every group is there, some deliberately too small to publish.
        assertThat(count("SELECT count(DISTINCT answers->>'primary_need') FROM responses "
                + "WHERE survey_id = 'family-voice-2026'")).isGreaterThanOrEqualTo(13);
        assertThat(count("SELECT count(*) FROM (SELECT answers->>'primary_need', count(*) n FROM responses "
                + "WHERE survey_id = 'family-voice-2026' GROUP BY 1) g WHERE n BETWEEN 1 AND 4"))
                .as("primary-need groups smaller than the smallest publishable group").isPositive();
        // Free text in families' own words, different from answer to answer.
        long answered = count("SELECT count(*) FROM responses WHERE survey_id = 'family-voice-2026' "
                + "AND answers ? 'biggest_difference'");
        long distinct = count("SELECT count(DISTINCT answers->>'biggest_difference') FROM responses "
                + "WHERE survey_id = 'family-voice-2026'");
        assertThat(answered).isGreaterThan(300);
        assertThat(distinct).isGreaterThan(answered / 2);
        // Last year's wave is the baseline the shipped survey names.
        assertThat(browser().get("/s/family-voice-2025").heading()).isEqualTo("This survey has closed");
    }

    @Test
    void theDemoSpeaksInEveryThemeOfTheDomain() throws IOException {
        Set<String> themes;
        try (InputStream in = DemoTest.class.getResourceAsStream("/demo/comments.txt")) {
            themes = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\|")[0])
                    .collect(Collectors.toSet());
        }
        assertThat(themes).contains("local-offer", "ehcp", "annual-reviews", "assessment-waits", "mental-health",
                "short-breaks", "transition", "inclusion", "school-places", "communication", "therapies",
                "equipment", "personal-budgets", "staff-training", "friendships");
    }

    @Test
    void everyDemoAccountSignsIn() {
        for (DemoLoader.DemoAccount account : DemoLoader.ACCOUNTS) {
            StaffClient client = new StaffClient(server.getURI());
            assertThat(client.signIn(account.email(), DemoLoader.PASSWORD).status()).as(account.email()).isEqualTo(303);
        }
        assertThat(count("SELECT count(*) FROM survey_leads l JOIN accounts a ON a.id = l.account_id "
                + "WHERE a.email = 'lead@demo.example'")).isEqualTo(2);
    }

    @Test
    void theParentCarerSurveyShowsOneYearOnVerdictsAgainstLastYear() {
        StaffClient lead = new StaffClient(server.getURI());
        assertThat(lead.signIn("lead@demo.example", DemoLoader.PASSWORD).status()).isEqualTo(303);
        lead.get("/staff");
        var compare = lead.get("/staff/surveys/family-voice-2026/results/compare?by=ehcp_status").document();
        var verdicts = compare.select("td strong.chorus-verdict").eachText();
        assertThat(verdicts).contains("Improved", "No clear change", "Worse");
        assertThat(compare.select("#c-local_offer_found svg[role=img]")).hasSize(1);
        var published = lead.get("/staff/surveys/family-voice-2025/results?by=primary_need&view=published");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.document().select("#q-needs_met_education td").eachText()).contains("[c]");
        // The demo's population sizes flag who is over-represented.
        assertThat(lead.get("/staff/surveys/family-voice-2026/population").text()).contains("Over-represented");
    }

    @Test
    void theDemosClosedWavesPassTheAuditAndArePublishedAsSnapshots() throws IOException {
        StaffClient lead = new StaffClient(server.getURI());
        assertThat(lead.signIn("lead@demo.example", DemoLoader.PASSWORD).status()).isEqualTo(303);
        lead.get("/staff");
        // Last year's parent/carer wave passes and publishes. The youth wave's 150 answers, with
        // routing on school phase, may leave a figure the audit cannot protect: then publishing
        // is refused, listing it, and nothing is published (safe, if less to see; see the README).
        var checked = lead.get("/staff/surveys/family-voice-2025/publish?audit=yes&options=round");
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.document().select("#audit-result").text())
                .startsWith("No withheld figure can be worked out from the published tables");
        assertThat(lead.post("/staff/surveys/family-voice-2025/publish", "options", "public", "options", "round")
                .status()).isEqualTo(303);
        var youth = lead.get("/staff/surveys/big-bang-2025/publish?audit=yes&options=round");
        boolean passes = youth.document().select("#audit-result").text()
                .startsWith("No withheld figure can be worked out from the published tables");
        long before = count("SELECT count(*) FROM result_publication_versions WHERE survey_id = 'big-bang-2025'");
        assertThat(lead.post("/staff/surveys/big-bang-2025/publish", "options", "public", "options", "round")
                .status()).isEqualTo(passes ? 303 : 422);
        assertThat(count("SELECT count(*) FROM result_publication_versions WHERE survey_id = 'big-bang-2025'"))
                .isEqualTo(passes ? before + 1 : before);
        var open = browser().get("/results/family-voice-2025/results.csv?by=primary_need");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).contains("[c]");
        // Counts are published rounded to 5: every published count is a multiple of 5 (read by the
        // column's name, whatever columns come after it).
        List<String> counts = new ArrayList<>();
        try (CSVParser csv = CSVParser.parse(open.body(), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            for (CSVRecord record : csv) {
                if (!record.get(0).equals("note") && record.isSet("count") && !record.get("count").equals("[c]")
                        && !record.get("count").isEmpty()) {
                    counts.add(record.get("count"));
                }
            }
        }
        assertThat(counts).isNotEmpty().allMatch(count -> Long.parseLong(count.replace(",", "")) % 5 == 0);
    }

    @Test
    void everyRoleAndThePublicHaveSomethingToSeeFromTheFirstStart() {
        // Last year's waves are published through the lead's own publication, audit and all.
        assertThat(count("SELECT count(*) FROM result_publications WHERE survey_id = 'family-voice-2025' "
                + "AND on_public_page")).isEqualTo(1);
        // Every publication there is passed the audit; none was made without it.
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'results published' AND detail LIKE '%audit passed%'"))
                .isEqualTo(count("SELECT count(*) FROM result_publication_versions"));
        assertThat(browser().get("/results").document().select("a[href='/results/family-voice-2025']")).hasSize(1);
        StaffClient forum = new StaffClient(server.getURI());
        assertThat(forum.signIn("parents@demo.example", DemoLoader.PASSWORD).status()).isEqualTo(303);
        forum.get("/staff");
        assertThat(forum.get("/staff/surveys/family-voice-2025/results").text()).doesNotContain("not published yet");
        // The home page leads to the pledge and the Local Offer form; surveys are open, with a person to contact.
        var home = browser().get("/").document();
        assertThat(home.select("a[href='/pledges/send-is-everybodys-business']")).hasSize(1);
        assertThat(home.select("a[href='/feedback/local-offer']")).hasSize(1);
        assertThat(home.select("a[href='/s/family-voice-2026']")).hasSize(1);
        assertThat(browser().get("/contact").text()).contains(DemoLoader.EXAMPLE_EMAIL).contains(DemoLoader.EXAMPLE_PHONE);
        // Nothing is stamped later than the moment the demo was loaded.
        assertThat(count("SELECT count(*) FROM responses WHERE submitted_at > now()")).isZero();
        assertThat(count("SELECT count(*) FROM responses r WHERE r.submitted_at > "
                + "(SELECT min(at) FROM audit_log WHERE action = 'results published')")).isZero();
    }

    @Test
    void aPledgeCampaignIsPartWayToItsTarget() {
        assertThat(count("SELECT count(*) FROM pledge_organisations WHERE circulated")).isEqualTo(120);
        long signed = count("SELECT count(*) FROM pledge_signatures s JOIN pledge_organisations o "
                + "ON o.id = s.organisation_id WHERE o.circulated");
        assertThat(signed).isBetween(50L, 90L);
        assertThat(count("SELECT count(*) FROM pledge_organisations WHERE moderation = 'pending'")).isEqualTo(2);
        assertThat(api().get("/api/v1/pledges").body()).contains("\"circulated\":120").contains("\"target\":0.85");
        assertThat(browser().get("/pledges/send-is-everybodys-business").text())
                .contains("of the 120 organisations asked have signed");
    }

    @Test
    void aYearOfFeedbackArrivesOnEveryChannel() {
        assertThat(count("SELECT count(DISTINCT channel) FROM feedback_items")).isEqualTo(8);
        assertThat(count("SELECT count(*) FROM feedback_items WHERE channel = 'local-offer'")).isBetween(200L, 400L);
        assertThat(count("SELECT count(*) FROM inspection_visits")).isEqualTo(2);
        assertThat(count("SELECT count(DISTINCT status) FROM inspection_recommendations")).isGreaterThanOrEqualTo(4);
        assertThat(count("SELECT count(*) FROM feedback_items WHERE occurred_on < current_date - 300")).isPositive();
    }

    @Test
    void aYouSaidWeDidReportIsPublishedOnceTheDemoIsIndexed() {
        String year = Integer.toString(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).getYear());
        String path = "/reports/you-said-we-did-" + year;
        // The old loop tried 600 times, 100 ms apart plus a request each: minutes on a busy machine.
        var page = await("the demo's report at " + path).atMost(java.time.Duration.ofMinutes(3))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> browser().get(path), p -> p.status() == 200);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("You said, we did " + year).contains("We did").contains("Did it work?")
                .contains("Not yet acted on").contains("EHC plans issued within 20 weeks");
        assertThat(page.document().select("blockquote")).isNotEmpty();
        assertThat(api().get("/api/v1/reports").body()).contains("you-said-we-did-" + year);
    }

    @Test
    void aDatabaseHoldingRealResponsesGetsNoDemoData() throws Exception {
        String url = TestDatabase.fresh();
        Map<String, Object> plain = Map.of("datasources.default.url", url, "datasources.default.username",
                TestDatabase.USER, "datasources.default.password", TestDatabase.PASSWORD, "micronaut.server.port", -1,
                "chorus.surveys.dir", "surveys", "chorus.data-dir", java.nio.file.Files.createTempDirectory("chorus-demo-").toString());
        try (ApplicationContext first = ApplicationContext.run(EmbeddedServer.class, plain).getApplicationContext()) {
            first.getBean(EmbeddedServer.class);
        }
        try (Connection connection = TestDatabase.connect(url)) {
            connection.createStatement().execute("INSERT INTO responses (reference, survey_id, survey_version_id, "
                    + "channel, submission_id, answers) SELECT 'REAL-0001', survey_id, id, 'api', gen_random_uuid(), "
                    + "'{}' FROM survey_versions WHERE survey_id = 'family-voice-2026'");
        }
        Map<String, Object> demo = new java.util.HashMap<>(plain);
        demo.put("chorus.demo", "true");
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, demo)) {
            assertThat(second.isRunning()).isTrue();
        }
        try (Connection connection = TestDatabase.connect(url);
             var rs = connection.createStatement().executeQuery("SELECT (SELECT count(*) FROM responses), "
                     + "(SELECT count(*) FROM accounts), (SELECT count(*) FROM survey_versions WHERE survey_id LIKE '%2025')")) {
            rs.next();
            assertThat(rs.getLong(1)).as("responses").isEqualTo(1);
            assertThat(rs.getLong(2)).as("accounts").isZero();
            assertThat(rs.getLong(3)).as("demo surveys").isZero();
        }
    }
}
