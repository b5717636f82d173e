package uk.chorus.results;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.chorus.dataprotection.RetentionJob;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;
import uk.chorus.support.TestDatabase;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results through the staff pages, the API and the downloads, on two waves of known answers
 * (src/test/resources/surveys-results). Every expected figure is worked out here from the
 * families this test sends, never read back from the service's own arithmetic.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultsTest extends ChorusTest {
    private static final String NOW = "results-now";
    private static final String BASE = "results-base";
    private static final String PAGE = "/staff/surveys/" + NOW + "/results";

    /** One family's answers; null where they did not answer. */
    record Family(String support, String area, String agree, String yes, Integer score, Integer weeks,
                  List<String> used, String note) {
        String json() {
            Map<String, Object> answers = new LinkedHashMap<>();
            answers.put("support", support);
            answers.put("area", area);
            answers.put("agree_q", agree);
            answers.put("yes_q", yes);
            answers.put("score", score);
            answers.put("weeks", weeks);
            answers.put("used", used.isEmpty() ? null : used);
            answers.put("note", note);
            return answers.entrySet().stream().filter(e -> e.getValue() != null)
                    .map(e -> "\"" + e.getKey() + "\": " + (e.getValue() instanceof String s ? "\"" + s + "\""
                            : e.getValue() instanceof List<?> l ? l.stream().map(v -> "\"" + v + "\"")
                            .collect(Collectors.joining(",", "[", "]")) : e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    private final List<Family> now = new ArrayList<>();
    private final List<Family> base = new ArrayList<>();
    private StaffClient lead;
    private StaffClient viewer;
    private StaffClient forum;

    @Inject
    RetentionJob retention;

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-results";
    }

    @BeforeAll
    void twoWavesOfKnownAnswers() {
        // This year: 100 EHCP and 61 others in the north, 36 SEN Support and 3 "neither" in the south
        // (a group too small to publish).
        List<String[]> people = new ArrayList<>();
        repeat(people, 100, "ehcp", "north");
        repeat(people, 60, "sen-support", "north");
        repeat(people, 1, "not-sure", "north");
        repeat(people, 36, "sen-support", "south");
        repeat(people, 3, "neither", "south");
        // Agreement by area: the south has 2 "strongly disagree", the only small figure in its base,
        // so suppressing it alone would leave it worked out from the south's base.
        List<String> northAgree = spread(Map.of("strongly-agree", 30, "agree", 55, "neither", 30, "disagree", 28,
                "strongly-disagree", 8, "dont-know", 10));
        List<String> southAgree = spread(Map.of("strongly-agree", 6, "agree", 12, "neither", 8, "disagree", 6,
                "strongly-disagree", 2, "dont-know", 5));
        List<String> yes = spread(Map.of("yes", 120, "no", 70, "not-sure", 10));
        int north = 0;
        int south = 0;
        for (int i = 0; i < people.size(); i++) {
            String[] p = people.get(i);
            String agree = p[1].equals("north") ? northAgree.get(north++) : southAgree.get(south++);
            now.add(new Family(p[0], p[1], agree, yes.get(i), i % 11, 24 + i % 5, used(i), i % 4 == 0 ? "Comment " + i : null));
        }
        // Last year: 200 families, 3 of them "neither"; half positive of those with a view, 42% saying yes, assessments 6 weeks quicker.
        List<String> agreeBefore = spread(Map.of("strongly-agree", 40, "agree", 55, "neither", 20, "disagree", 45,
                "strongly-disagree", 30, "dont-know", 10));
        List<String> yesBefore = spread(Map.of("yes", 80, "no", 110, "not-sure", 10));
        for (int i = 0; i < 200; i++) {
            String support = i < 97 ? "ehcp" : i < 100 ? "neither" : "sen-support";
            base.add(new Family(support, i < 100 ? "north" : "south", agreeBefore.get(i),
                    yesBefore.get(i), (i * 7) % 11, 18 + i % 5, used(i), null));
        }
        now.forEach(f -> StaffFixture.respond(server.getURI(), NOW, f.json()));
        base.forEach(f -> StaffFixture.respond(server.getURI(), BASE, f.json()));

        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        viewer = StaffFixture.invite(server.getURI(), admin, "viewer@example.org", "viewer");
        forum = StaffFixture.invite(server.getURI(), admin, "forum@example.org", "parent-forum");
    }

    @Test
    @Order(1)
    void everyQuestionShowsCountsPercentagesOfTheBaseAndNetAgreement() {
        Document page = lead.get(PAGE).document();
        assertThat(page.text()).contains("Not for publication").contains("Complete responses 200");
        Map<String, List<String>> agree = table(page, "agree_q");
        long view = now.stream().filter(f -> !f.agree().equals("dont-know")).count();
        long stronglyAgree = count(now, f -> f.agree().equals("strongly-agree"));
        assertThat(agree.get("All who answered")).startsWith(Long.toString(view), cell(stronglyAgree, view));
        // "Don't know" is counted and kept out of the base: a count, no percentage.
        assertThat(agree.get("All who answered")).contains(Long.toString(count(now, f -> f.agree().equals("dont-know"))));
        long positive = count(now, f -> f.agree().endsWith("agree") && !f.agree().contains("dis"));
        long negative = count(now, f -> f.agree().contains("disagree"));
        assertThat(agree.get("All who answered")).contains(points(positive - negative, view));

        Map<String, List<String>> score = table(page, "score");
        double mean = now.stream().mapToInt(Family::score).average().orElseThrow();
        assertThat(score.get("All who answered")).contains(String.format("%.1f", mean));

        Map<String, List<String>> used = table(page, "used");
        long ticked = count(now, f -> !f.used().isEmpty());
        assertThat(used.get("All who answered")).startsWith(Long.toString(ticked),
                cell(count(now, f -> f.used().contains("web")), ticked), cell(count(now, f -> f.used().contains("phone")), ticked));
        assertThat(page.select("#q-note").text()).contains(Long.toString(count(now, f -> f.note() != null)));
        // A written answer's words are read in the themes, a link away.
        assertThat(page.select("#q-note a").attr("href")).isEqualTo("/staff/themes/search?survey=" + NOW + "&question=note");
        assertThat(page.select("#q-agree_q a[href^=/staff/themes]")).isEmpty();
        // Each chart is an accessible image beside its table.
        assertThat(page.select("#q-agree_q svg[role=img] title").text()).isEqualTo("Services met my child's needs.");
        assertThat(page.select("#q-used svg[role=img] desc").text()).contains("The same figures are in the table");
    }

    @Test
    @Order(2)
    void breakdownsGiveEachGroupItsOwnBaseAndFiltersApplyToTheWholePage() {
        Document page = lead.get(PAGE + "?by=support").document();
        Map<String, List<String>> yes = table(page, "yes_q");
        for (String group : List.of("ehcp", "sen-support")) {
            List<Family> in = now.stream().filter(f -> f.support().equals(group)).toList();
            long view = count(in, f -> !f.yes().equals("not-sure"));
            String label = group.equals("ehcp") ? "Education, Health and Care plan (EHCP)"
                    : "SEN Support (help at school or college without a plan)";
            assertThat(yes.get(label)).as(group).startsWith(Long.toString(view), cell(count(in, f -> f.yes().equals("yes")), view));
        }
        // A lead's own page is unsuppressed: the group of 3 is there.
        assertThat(yes.get("Neither").get(0)).isEqualTo("3");

        Document onlyEhcp = lead.get(PAGE + "?only=support:ehcp").document();
        assertThat(onlyEhcp.text()).contains("Complete responses 100");
        List<Family> ehcp = now.stream().filter(f -> f.support().equals("ehcp")).toList();
        long view = count(ehcp, f -> !f.agree().equals("dont-know"));
        assertThat(table(onlyEhcp, "agree_q").get("All in the chosen group"))
                .startsWith(Long.toString(view), cell(count(ehcp, f -> f.agree().equals("strongly-agree")), view));
    }

    @Test
    @Order(3)
    void oneYearOnGivesTheChangeItsIntervalAndAVerdictOnClearAndBorderlineCases() {
        Document page = lead.get(PAGE + "/compare").document();
        // Clearly better: 42% to 63% saying yes.
        long yesBefore = count(base, f -> f.yes().equals("yes"));
        long viewBefore = count(base, f -> !f.yes().equals("not-sure"));
        long yesNow = count(now, f -> f.yes().equals("yes"));
        long viewNow = count(now, f -> !f.yes().equals("not-sure"));
        List<String> yes = compareRow(page, "yes_q", "All who answered");
        double[] interval = newcombe(yesBefore, viewBefore, yesNow, viewNow);
        assertThat(yes).containsSubsequence(percent(yesBefore, viewBefore), percent(yesNow, viewNow),
                points(yesNow * 1.0 / viewNow - yesBefore * 1.0 / viewBefore) + " points",
                points(interval[0]) + " to " + points(interval[1]), "Improved");
        // Borderline: 50% to 56% positive looks better, but the interval spans no change.
        long posBefore = count(base, f -> f.agree().endsWith("agree") && !f.agree().contains("dis"));
        long posNow = count(now, f -> f.agree().endsWith("agree") && !f.agree().contains("dis"));
        long agreeViewBefore = count(base, f -> !f.agree().equals("dont-know"));
        long agreeViewNow = count(now, f -> !f.agree().equals("dont-know"));
        double[] borderline = newcombe(posBefore, agreeViewBefore, posNow, agreeViewNow);
        assertThat(borderline[0]).isNegative();
        assertThat(borderline[1]).isPositive();
        assertThat(compareRow(page, "agree_q", "All who answered"))
                .containsSubsequence(points(borderline[0]) + " to " + points(borderline[1]), "No clear change");
        // Assessments took longer, and for this question lower is better.
        assertThat(compareRow(page, "weeks", "All who answered")).containsSubsequence("20.0", "26.0", "Worse");
        // The headline on the question's own results says the same.
        assertThat(lead.get(PAGE).document().select("#q-yes_q").text()).contains("Improved");
        // By group: each group against the same group last year; too few people, no verdict.
        Document byGroup = lead.get(PAGE + "/compare?by=support").document();
        assertThat(compareRow(byGroup, "yes_q", "Neither")).contains("Too few people to say");
    }

    @Test
    @Order(4)
    void publishedFiguresSuppressSmallGroupsAndNothingCanBeWorkedBackOut() {
        Document published = lead.get(PAGE + "?by=area&view=published").document();
        assertThat(published.text()).doesNotContain("Not for publication").contains("[c]");
        // A naive approach (primary only) would hide just the south's 2 "strongly disagree",
        // which its base would then give away.
        long southSmall = count(now, f -> f.area().equals("south") && f.agree().equals("strongly-disagree"));
        assertThat(southSmall).isBetween(1L, 4L);
        List<String> south = table(published, "agree_q").get("South");
        assertThat(south.stream().filter(c -> c.equals("[c]")).count()).isGreaterThanOrEqualTo(2);
        assertNothingRecoverable(published);
        assertNothingRecoverable(lead.get(PAGE + "?by=support&view=published").document());

        // Differencing: only the north, against the published whole, would reveal the south's 2.
        Document north = lead.get(PAGE + "?only=area:north&view=published").document();
        Map<String, List<String>> northAgree = table(north, "agree_q");
        int stronglyDisagree = columnIndex(north, "agree_q", "Strongly disagree");
        assertThat(northAgree.get("All in the chosen group").get(stronglyDisagree)).isEqualTo("[c]");
        assertNothingRecoverable(north);

        // The API applies the same rules: the group of 3 has no base and no counts.
        String token = StaffFixture.token(server.getURI(), "lead@example.org", StaffFixture.PASSWORD);
        Api.Reply api = api().get("/api/v1/surveys/" + NOW + "/results?by=support", token);
        assertThat(api.status()).isEqualTo(200);
        String neither = api.body().substring(api.body().indexOf("\"code\":\"neither\",\"label\":\"Neither\",\"base\""));
        assertThat(neither).startsWith("\"code\":\"neither\",\"label\":\"Neither\",\"base\":null,\"suppressed\":true");
        assertThat(neither.substring(0, neither.indexOf("]"))).doesNotContain("\"count\":3").contains("\"count\":null");
        assertThat(api().get("/api/v1/surveys/" + NOW + "/results?by=agree_q", token).status()).isEqualTo(400);

        // The CSV of aggregates is always the published figures.
        Browser.Page csv = lead.get("/staff/surveys/" + NOW + "/results.csv?by=support");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("[c]").contains("note,\"[c] means a figure is withheld");
        assertThat(csv.body().lines().filter(l -> l.contains(",Neither,") && !l.contains(",neither,Neither,")).toList())
                .isNotEmpty()
                // Withheld, or a part of a published zero (nobody in the area chose "prefer not to say").
                .allMatch(l -> l.contains(",[c],[c],[c],") || l.contains(",prefer-not-to-say,Prefer not to say,0,,[c],"));
    }

    @Test
    @Order(5)
    void viewersAndForumMembersSeeOnlyPublishedSuppressedFigures() {
        for (StaffClient other : List.of(viewer, forum)) {
            Browser.Page before = other.get(PAGE);
            assertThat(before.status()).isEqualTo(403);
            assertThat(before.text()).contains("These results are not published yet");
            assertThat(other.get("/staff/surveys/" + NOW + "/results.csv").status()).isEqualTo(403);
        }
        assertThat(browser().get("/results/" + NOW).status()).isEqualTo(404);
        assertThat(viewer.post("/staff/surveys/" + NOW + "/publish", "options", "public").status()).isEqualTo(403);

        Browser.Page published = lead.post("/staff/surveys/" + NOW + "/publish", "options", "round");
        assertThat(published.status()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'results published' AND subject = '" + NOW + "'"))
                .isEqualTo(1);
        for (StaffClient other : List.of(viewer, forum)) {
            // Asking for the unsuppressed view changes nothing for them.
            Document page = other.get(PAGE + "?by=support&view=full").document();
            assertThat(page.select("a[href^=/staff/themes]")).isEmpty();
            assertThat(page.text()).doesNotContain("Not for publication").contains("[c]")
                    .contains("Counts, totals and bases are each rounded to the nearest 5");
            assertThat(table(page, "yes_q").get("Neither")).allMatch(c -> c.equals("[c]"));
            assertThat(table(page, "yes_q").get("All who answered").get(0)).isEqualTo("190");
            assertThat(table(page, "score").get("All who answered").get(0)).isEqualTo("200");
            assertThat(other.get("/staff/surveys/" + NOW + "/responses.csv").status()).isEqualTo(403);
            assertThat(other.get("/staff/surveys/" + NOW + "/population").status()).isEqualTo(403);
        }
        assertThat(browser().get("/results/" + NOW).status()).isEqualTo(404);
        // Exact counts are published only if the audit finds nothing to work back to; otherwise the
        // page refuses, saying which figures (DisclosureModelTest builds waves where the audit must find a leak).
        Browser.Page exact = lead.post("/staff/surveys/" + NOW + "/publish", "options", "public");
        assertThat(exact.status()).isIn(303, 422);
        if (exact.status() == 422) {
            assertThat(exact.text()).contains("These results cannot be published yet").contains("Could only be");
            assertThat(browser().get("/results/" + NOW).status()).isEqualTo(404);
        }
        assertThat(lead.post("/staff/surveys/" + NOW + "/publish", "options", "public", "options", "round").status())
                .isEqualTo(303);
        Browser.Page open = browser().get("/results/" + NOW + "?by=support");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.text()).contains("[c]").doesNotContain("Not for publication");
        assertThat(browser().get("/results").text()).contains("Results test 2026");

        lead.post("/staff/surveys/" + NOW + "/publish/withdraw");
        assertThat(viewer.get(PAGE).status()).isEqualTo(403);
        assertThat(browser().get("/results/" + NOW).status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void populationSizesGiveResponseRatesRepresentationAndALabelledWeighting() {
        Browser.Page wrong = lead.post("/staff/surveys/" + NOW + "/population", "pop-support-ehcp", "lots");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.errorSummary()).containsExactly(
                "Enter the number in \"Education, Health and Care plan (EHCP)\" as a whole number from 0 to 5,000,000");
        assertThat(count("SELECT count(*) FROM population_sizes")).isZero();

        assertThat(lead.post("/staff/surveys/" + NOW + "/population", "pop-support-ehcp", "1,000",
                "pop-support-sen-support", "3000", "pop-support-neither", "1000").status()).isEqualTo(303);
        Document who = lead.get("/staff/surveys/" + NOW + "/population").document();
        assertThat(who.text()).contains("Over-represented").contains("Under-represented");
        assertThat(rowOf(who, "Education, Health and Care plan (EHCP)")).contains("1,000", "20%", "100", "10%");

        Document weighted = lead.get(PAGE + "?weight=support").document();
        assertThat(weighted.text()).contains("Weighted by What support does your child have?");
        // Each group counts in its population share; the one "not sure" keeps a weight of 1.
        Map<String, Long> population = Map.of("ehcp", 1000L, "sen-support", 3000L, "neither", 1000L);
        Map<String, Long> answered = now.stream().filter(f -> population.containsKey(f.support()))
                .collect(Collectors.groupingBy(Family::support, Collectors.counting()));
        long respondents = answered.values().stream().mapToLong(Long::longValue).sum();
        double yes = 0;
        double view = 0;
        for (Family f : now) {
            double w = population.containsKey(f.support())
                    ? (population.get(f.support()) / 5000.0) / (answered.get(f.support()) / (double) respondents) : 1;
            view += f.yes().equals("not-sure") ? 0 : w;
            yes += f.yes().equals("yes") ? w : 0;
        }
        assertThat(table(weighted, "yes_q").get("All who answered").get(1)).startsWith(Math.round(yes / view * 100) + "%");
        // Response rate and margin of error for each group when broken down by it.
        List<String> ehcp = table(lead.get(PAGE + "?by=support").document(), "yes_q")
                .get("Education, Health and Care plan (EHCP)");
        assertThat(ehcp).contains("10%");
        assertThat(ehcp.get(ehcp.size() - 1)).startsWith("±");
    }

    @Test
    @Order(7)
    void partialResponsesAreCountedOnlyWhenSwitchedOn() {
        Browser family = browser();
        String page1 = family.post("/s/" + NOW + "/start").location();
        assertThat(family.post(page1, "support", "ehcp", "area", "north").status()).isEqualTo(303);
        assertThat(lead.get(PAGE).document().text()).contains("Complete responses 200").doesNotContain("and 1 partial");
        Document with = lead.get(PAGE + "?partials=yes").document();
        assertThat(with.text()).contains("and 1 partial response (started and never sent)");
        assertThat(table(with, "support").get("All who answered").get(0)).isEqualTo("201");
    }

    @Test
    @Order(8)
    void rawExportsHaveAColumnPerKeyAWordingRowAndAreAudited() throws Exception {
        Browser.Page csv = lead.get("/staff/surveys/" + NOW + "/responses.csv");
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFreference,submitted_at,channel,support,area,agree_q,yes_q,score,weeks,used,note");
        assertThat(lines.get(1)).contains("Services met my child's needs.");
        assertThat(lines).hasSize(2 + now.size());
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'raw responses exported' "
                + "AND detail = 'CSV, 200 responses'")).isEqualTo(1);

        byte[] xlsx = download("/staff/surveys/" + NOW + "/responses.xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2 + now.size());
            assertThat(rows.get(0).getCellText(3)).isEqualTo("support");
            assertThat(rows.get(1).getCellText(3)).isEqualTo("What support does your child have?");
        }
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'raw responses exported' "
                + "AND detail = 'XLSX, 200 responses'")).isEqualTo(1);
    }

    @Test
    @Order(9)
    void theQuarterlyViewCountsEachQuarterOfEachWave() {
        ZonedDateTime today = ZonedDateTime.now(ZoneId.of("Europe/London"));
        String quarter = today.getYear() + " Q" + ((today.getMonthValue() - 1) / 3 + 1);
        Document page = lead.get(PAGE + "/quarters").document();
        assertThat(page.select("thead").text()).contains(quarter + " (2025 wave)", quarter + " (2026 wave)");
        assertThat(rowOf(page, "Complete responses")).containsExactly("200", "200");
        assertThat(rowOf(page, "Do you know about the Local Offer? (share saying yes)"))
                .containsExactly(percent(count(base, f -> f.yes().equals("yes")), 190),
                        percent(count(now, f -> f.yes().equals("yes")), 190));
    }

    @Test
    @Order(10)
    void cachedResultsAreNeverStale() {
        assertThat(lead.get(PAGE).document().text()).contains("Complete responses 200");
        StaffFixture.respond(server.getURI(), NOW, now.get(0).json());
        assertThat(lead.get(PAGE).document().text()).contains("Complete responses 201");
    }

    @Test
    @Order(11)
    void aWavesFiguresOutliveItsRawAnswers() throws Exception {
        List<String> before = compareRow(lead.get(PAGE + "/compare").document(), "yes_q", "All who answered");
        // Last year's wave closed long ago and its retention period is over.
        try (var connection = TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("UPDATE survey_versions SET definition = jsonb_set(jsonb_set("
                    + "definition, '{closes}', '\"2020-01-31\"'), '{retentionMonths}', '1') WHERE survey_id = '" + BASE + "'");
        }
        assertThat(retention.runNow()).isEqualTo(base.size());
        assertThat(count("SELECT count(*) FROM responses WHERE survey_id = '" + BASE + "'")).isZero();
        assertThat(count("SELECT count(*) FROM result_snapshots WHERE survey_id = '" + BASE + "'")).isEqualTo(1);
        assertThat(compareRow(lead.get(PAGE + "/compare").document(), "yes_q", "All who answered")).isEqualTo(before);
        Document old = lead.get("/staff/surveys/" + BASE + "/results?by=support").document();
        assertThat(old.text()).contains("counts kept when they were deleted").contains("Complete responses 200");
        assertThat(table(old, "yes_q").get("All who answered")).startsWith("190", percent(80, 190) + " (80)");
    }

    // --- reading pages ------------------------------------------------------------------------

    /** A question's results table: each row's label to its cells' text (base first). */
    private static Map<String, List<String>> table(Document page, String key) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Element row : page.select("#q-" + key + " table tbody tr")) {
            rows.put(row.selectFirst("th").text(), row.select("td").eachText());
        }
        assertThat(rows).as("results table of " + key).isNotEmpty();
        return rows;
    }

    /** The index among a table's cells (base first) of an answer's column. */
    private static int columnIndex(Document page, String key, String answer) {
        List<String> headers = page.select("#q-" + key + " table thead th").eachText();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).equals(answer)) {
                return i - 1;
            }
        }
        throw new AssertionError("No column " + answer);
    }

    private static List<String> compareRow(Document page, String key, String group) {
        for (Element row : page.select("#c-" + key + " table tbody tr")) {
            List<String> cells = row.select("td").eachText();
            if (cells.get(0).equals(group)) {
                return cells;
            }
        }
        throw new AssertionError("No comparison row for " + group + " of " + key);
    }

    private static List<String> rowOf(Document page, String heading) {
        for (Element row : page.select("tbody tr")) {
            if (row.selectFirst("th") != null && row.selectFirst("th").text().equals(heading)) {
                return row.select("td").eachText();
            }
        }
        throw new AssertionError("No row " + heading);
    }

    /**
     * Reads every results table on a published page as a reader would, and checks that no
     * withheld figure can be worked out: not from its row's base (the in-base cells add up to it),
     * not from its column (the groups add up to the All row), and no group's base from the others'.
     */
    private static void assertNothingRecoverable(Document page) {
        for (Element section : page.select("section.chorus-result")) {
            List<String> headers = section.select("thead th").eachText();
            boolean multiple = section.id().equals("q-used");
            List<List<String>> rows = new ArrayList<>();
            for (Element row : section.select("tbody tr")) {
                rows.add(row.select("td").eachText());
            }
            int cellColumns = (int) headers.stream().skip(2).filter(h -> !h.startsWith("Net") && !h.startsWith("Mean")
                    && !h.startsWith("Median") && !h.startsWith("Response rate") && !h.startsWith("Margin")).count();
            for (List<String> row : rows) {
                if (row.get(0).equals("[c]") || multiple) {
                    continue;
                }
                long hiddenInBase = 0;
                for (int c = 0; c < cellColumns; c++) {
                    boolean inBase = !headers.get(c + 2).contains("(not in base)");
                    hiddenInBase += inBase && row.get(c + 1).equals("[c]") ? 1 : 0;
                }
                assertThat(hiddenInBase).as(section.id() + " row " + row + ": one withheld figure beside its base")
                        .isNotEqualTo(1);
            }
            if (rows.size() > 1) {
                for (int c = 0; c <= cellColumns; c++) {
                    if (rows.get(0).get(c).equals("[c]") || (multiple && c > 0)) {
                        continue;
                    }
                    final int column = c;
                    long hidden = rows.stream().skip(1).filter(r -> r.get(column).equals("[c]")).count();
                    assertThat(hidden).as(section.id() + " column " + c + ": one withheld group beside the total")
                            .isNotEqualTo(1);
                }
            }
        }
    }

    private byte[] download(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(lead.cookies()).build();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    // --- the arithmetic, worked out here ----------------------------------------------------------

    private static long count(List<Family> families, Predicate<Family> test) {
        return families.stream().filter(test).count();
    }

    private static String percent(long part, long whole) {
        return Math.round(part * 100.0 / whole) + "%";
    }

    private static String cell(long part, long whole) {
        return percent(part, whole) + " (" + part + ")";
    }

    private static String points(long difference, long whole) {
        return points(difference / (double) whole);
    }

    private static String points(double share) {
        long whole = Math.round(share * 100);
        return whole > 0 ? "+" + whole : Long.toString(whole);
    }

    /** Newcombe's hybrid score interval (method 10) for p2 - p1, from Wilson intervals. */
    private static double[] newcombe(double x1, double n1, double x2, double n2) {
        double z = 1.959963984540054;
        double[] w1 = wilson(x1, n1, z);
        double[] w2 = wilson(x2, n2, z);
        double p1 = x1 / n1;
        double p2 = x2 / n2;
        return new double[]{p2 - p1 - Math.sqrt(Math.pow(p2 - w2[0], 2) + Math.pow(w1[1] - p1, 2)),
                p2 - p1 + Math.sqrt(Math.pow(w2[1] - p2, 2) + Math.pow(p1 - w1[0], 2))};
    }

    private static double[] wilson(double x, double n, double z) {
        double p = x / n;
        double centre = (2 * x + z * z) / (2 * (n + z * z));
        double half = z * Math.sqrt(z * z + 4 * x * (1 - p)) / (2 * (n + z * z));
        return new double[]{centre - half, centre + half};
    }

    private static void repeat(List<String[]> people, int times, String support, String area) {
        for (int i = 0; i < times; i++) {
            people.add(new String[]{support, area});
        }
    }

    /** The answers in a fixed order: each answer as many times as given. */
    private static List<String> spread(Map<String, Integer> counts) {
        List<String> answers = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> answers.addAll(java.util.Collections.nCopies(e.getValue(), e.getKey())));
        return answers;
    }

    private static List<String> used(int i) {
        return i % 3 == 0 ? List.of("web") : i % 3 == 1 ? List.of("web", "phone") : List.of();
    }

}
