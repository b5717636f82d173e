package uk.chorus.results;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistics a statistician would sign, on two waves of known answers
 * (src/test/resources/surveys-statistics): a reworded question is not compared until a lead
 * decides it may be; no verdict rests on fewer than 30 people; group verdicts allow for many
 * comparisons; every routed question says how many were asked, answered and skipped; any two
 * closed questions cross-tabulate with a chi-square test.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsHonestyTest extends ChorusTest {
    private static final String NOW = "stats-now";
    private static final String BASE = "stats-base";
    private static final String PAGE = "/staff/surveys/" + NOW + "/results";
    private static final String[] NEEDS = {"spld", "mld", "sld", "pmld", "semh", "slcn", "hi", "vi", "msi", "pd", "asd",
        "other"};
    private StaffClient lead;

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-statistics";
    }

    @BeforeAll
    void twoWavesOfKnownAnswers() {
        // Each wave: 50 EHCP, 40 SEN Support and 10 "neither" (fewer than 30: never a verdict).
        // "same_q" asked the same way: 30% yes last year (15/50, 13/40, 2/10), 70% this year (35/50, 27/40, 8/10).
        // "help" reworded from agreement to faces: 40% positive then, 80% now.
        // "routed" only for those answering "yes" to "gate": last year 50 asked, all answered; this
        // year 60 asked, 45 answered (30 good, 10 okay, 5 not good) and 15 skipped it.
        for (int i = 0; i < 100; i++) {
            String support = support(i);
            int inGroup = support.equals("ehcp") ? i : support.equals("sen-support") ? i - 50 : i - 90;
            boolean yesBefore = inGroup < (support.equals("ehcp") ? 15 : support.equals("sen-support") ? 13 : 2);
            boolean yesNow = inGroup < (support.equals("ehcp") ? 35 : support.equals("sen-support") ? 27 : 8);
            String agree = i % 10 < 4 ? "agree" : i % 10 < 8 ? "disagree" : "neither";
            String face = i % 10 < 8 ? "good" : i % 10 < 9 ? "okay" : "not-good";
            boolean gateBefore = i % 2 == 0;
            // "plan_say" was yes or no (60 yes), now a choice (25 all, 25 some, 50 none): nothing fits both.
            StaffFixture.respond(server.getURI(), BASE, answers(support, yesBefore, agree, gateBefore,
                    gateBefore ? "good" : null).replace("}", ", \"plan_say\": \"" + (i % 5 < 3 ? "yes" : "no") + "\"}"));
            boolean gateNow = i % 5 < 3;
            int asked = (i / 5) * 3 + i % 5; // 0..59 among those asked
            String routed = !gateNow ? null : asked < 30 ? "good" : asked < 40 ? "okay" : asked < 45 ? "not-good" : null;
            StaffFixture.respond(server.getURI(), NOW, answers(support, yesNow, face, gateNow, routed)
                    .replace("}", ", \"need\": \"" + NEEDS[i % NEEDS.length] + "\", \"plan_say\": \""
                            + (i % 4 == 0 ? "all" : i % 4 == 1 ? "some" : "none") + "\"}"));
        }
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
    }

    @Test
    @Order(1)
    void aRewordedQuestionIsShownSideBySideWithNoVerdictUntilALeadMarksItComparable() {
        Document page = lead.get(PAGE + "/compare").document();
        List<String> help = compareRow(page, "help", "All who answered");
        assertThat(help).containsSubsequence("40%", "80%", "Not compared");
        assertThat(help).doesNotContain("Improved");
        assertThat(page.select("#c-help-difference").text())
                .contains("the wording and the answer scale changed");
        // Asked the same way: compared, with its verdict (yes/no has no better way, so "went up").
        assertThat(compareRow(page, "same_q", "All who answered")).containsSubsequence("30%", "70%", "+40 points",
                "Went up");
        // Yes or no then, a choice now: no measure fits both, so each wave's own figures stand in
        // their own column, side by side, with no verdict and the reason.
        assertThat(page.select("#c-plan_say table tbody tr").eachText()).containsExactly(
                "Share saying yes All who answered 60% Not compared",
                "All the say they want All who answered 25% Not compared",
                "Some say All who answered 25% Not compared",
                "No say All who answered 50% Not compared");
        assertThat(page.select("#c-plan_say table tbody tr").first().select("td").stream().map(Element::text).toList())
                .containsExactly("All who answered", "60%", "", "", "", "Not compared");
        assertThat(page.select("#c-plan_say-difference").text()).contains("the wording and the answer scale changed");
        // The question's own results carry no verdict either.
        assertThat(lead.get(PAGE).document().select("#q-help").text()).doesNotContain("Improved");

        // A reason is required, and a refused decision writes nothing.
        String before = databaseState();
        var refused = lead.post(PAGE + "/comparable/help", "decision", "mark", "reason", "   ");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().text()).contains("Enter why the two waves may be compared");
        assertThat(databaseState()).isEqualTo(before);
        // A question asked the same way cannot be marked.
        assertThat(lead.get(PAGE + "/comparable/same_q").status()).isEqualTo(404);

        var marked = lead.post(PAGE + "/comparable/help", "decision", "mark", "reason",
                "The youth forum agreed the faces mean the same as agree and disagree");
        assertThat(marked.status()).isEqualTo(303);
        assertThat(marked.location()).endsWith("/results/compare#c-help");
        Document after = lead.get(PAGE + "/compare").document();
        assertThat(compareRow(after, "help", "All who answered")).containsSubsequence("40%", "80%", "+40 points",
                "Improved");
        assertThat(after.select("#c-help-decision").text()).contains("lead@example.org")
                .contains("The youth forum agreed the faces mean the same as agree and disagree");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'question marked comparable' "
                + "AND detail LIKE 'The youth forum agreed%'")).isEqualTo(1);

        // Withdrawn, the verdict goes again.
        lead.post(PAGE + "/comparable/help", "decision", "unmark");
        assertThat(compareRow(lead.get(PAGE + "/compare").document(), "help", "All who answered"))
                .contains("Not compared");
        assertThat(count("SELECT count(*) FROM comparable_questions")).isZero();
    }

    @Test
    @Order(2)
    void aSmallGroupShowsItsFiguresWithoutAVerdictAndGroupVerdictsAllowForManyComparisons() {
        Document page = lead.get(PAGE + "/compare?by=support").document();
        // 10 "neither" each year went from 20% to 80% saying yes: the figures, but no verdict.
        List<String> neither = compareRow(page, "same_q", "Neither");
        assertThat(neither).containsSubsequence("20%", "80%", "Too few people to say");
        assertThat(neither).doesNotContain("Went up");
        assertThat(compareRow(page, "same_q", "Education, Health and Care plan (EHCP)")).containsSubsequence("30%", "70%", "Went up");
        assertThat(page.select("#fdr-note").text()).contains("Benjamini-Hochberg");
        assertThat(page.text()).contains("No verdict is given for a wave or group of fewer than 30 people");
    }

    @Test
    @Order(3)
    void aRoutedQuestionSaysHowManyWereAskedAnsweredAndSkippedInThePageTheApiAndTheCsv() {
        // 60 answered "yes" to the gate and were asked; 45 answered, 15 skipped: 75% of those asked.
        Document page = lead.get(PAGE).document();
        assertThat(reachRow(page, "routed", "All who answered")).containsExactly("60", "45", "15", "0", "75%");
        // Asked of everyone (100): all answered the gate.
        assertThat(reachRow(page, "gate", "All who answered")).containsExactly("100", "100", "0", "0", "100%");
        // By group, each group's own: 30 of the 50 EHCP families were asked.
        Document byGroup = lead.get(PAGE + "?by=support").document();
        assertThat(reachRow(byGroup, "routed", "Education, Health and Care plan (EHCP)").get(0)).isEqualTo("30");

        var reply = api().get("/api/v1/surveys/" + NOW + "/results",
                StaffFixture.token(server.getURI(), "lead@example.org", StaffFixture.PASSWORD));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"asked\":60,\"answered\":45,\"skipped\":15,\"noView\":0");

        String csv = lead.get("/staff/surveys/" + NOW + "/results.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith("asked,answered,skipped,dont_know_or_prefer_not");
        assertThat(csv.lines().filter(l -> l.startsWith(NOW + ",routed,")).findFirst().orElseThrow())
                .endsWith(",60,45,15,0");
    }

    @Test
    @Order(4)
    void aLeadCrossTabulatesAnyTwoClosedQuestionsWithAChiSquareTestAndItsAssumptionsChecked() {
        Document page = lead.get(PAGE + "/cross?rows=support&columns=same_q").document();
        // EHCP 35 yes of 50 (70% of the row); 70 said yes in all, so 35 is 50% of the column.
        assertThat(crossRow(page, "Education, Health and Care plan (EHCP)")).containsSubsequence("50",
                "35 70% of row 50% of column", "15 30% of row 50% of column");
        // Expected yes/no: 35/15, 28/12, 7/3 against 35/15, 27/13, 8/2:
        // 1/28 + 1/12 + 1/7 + 1/3 = 0.595 on 2 df, p = exp(-0.595/2) = 0.743; smallest expected 3.
        assertThat(page.select("#cross-test").text()).contains("No clear link").contains("0.60 on 2 degrees of freedom")
                .contains("p = 0.743");
        assertThat(page.select("#cross-assumptions").text()).contains("the smallest is 3.0");

        // As published: the 2 "neither" who said no are withheld, and so is the test.
        Document published = lead.get(PAGE + "/cross?rows=support&columns=same_q&view=published").document();
        assertThat(crossRow(published, "Neither")).contains("[c]");
        assertThat(published.select("#cross-test")).isEmpty();
        assertThat(published.select("#cross-assumptions").text()).contains("not shown because some figures are withheld");

        // Not about-you questions either: the gate against the routed question's answers.
        assertThat(lead.get(PAGE + "/cross?rows=gate&columns=help").document().select("#cross-table")).isNotEmpty();
        var same = lead.get(PAGE + "/cross?rows=same_q&columns=same_q");
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.document().select(".govuk-error-summary").text()).contains("Choose two different questions");
    }

    @Test
    @Order(5)
    void everyAnswerOfAChartHasItsOwnFill() {
        // Twelve primary needs by support: twelve series, twelve different fills (none reused, as
        // SLD and ASD once both were purple).
        Document page = lead.get(PAGE + "/cross?rows=support&columns=need").document();
        List<String> legend = page.select("#cross .chorus-legend__swatch").eachAttr("class");
        assertThat(legend).hasSize(12).doesNotHaveDuplicates();
        Element firstBar = page.select("#cross svg").first();
        List<String> fills = firstBar.select("rect.chorus-chart__segment").eachAttr("class");
        assertThat(fills.stream().distinct().count()).isEqualTo(12);
    }

    @Test
    @Order(6)
    void theHeadlineSummaryGivesEveryMeasuresTrendAndVerdictThenWhatNeedsAttention() {
        Document page = lead.get(PAGE + "/headline").document();
        assertThat(page.select("#headline-measures tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).contains("Do you know about the Local Offer?").contains("30% 70%")
                        .contains("Went up"))
                .anySatisfy(row -> assertThat(row).contains("How good is the help you get at school?")
                        .contains("Not compared"));
        // The assessment: all 50 positive last year, 30 of 45 (67%) now: clearly worse.
        assertThat(page.select("#headline-falls li").eachText())
                .containsExactly("How good was the assessment? Share positive (agree, or good): 67% now, -33 points.");
        // Split by support, each group has fewer than 30 asked: no group verdict to flag.
        assertThat(lead.get(PAGE + "/headline?by=support").document().text())
                .contains("No group's figures clearly got worse");
    }

    @Test
    @Order(7)
    void everyChartDownloadsAsSvgAndPngWithItsTitleBaseAndSourceAndDistinctFillsPerSeries() throws Exception {
        // The cross-table page links to its chart's files, with the same choices in the address.
        Document page = lead.get(PAGE + "/cross?rows=support&columns=need").document();
        assertThat(page.select("#cross .chorus-chart-downloads a").eachAttr("href")).containsExactly(
                PAGE + "/cross/chart.svg?rows=support&columns=need", PAGE + "/cross/chart.png?rows=support&columns=need");
        Download svg = download(PAGE + "/cross/chart.svg?rows=support&columns=need");
        assertThat(svg.type()).startsWith("image/svg+xml");
        Document picture = org.jsoup.Jsoup.parse(svg.text(), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(picture.select("svg")).hasSize(1);
        // Twelve primary needs: twelve series, twelve different fills (the white page and edges aside).
        List<String> fills = fills(picture);
        assertThat(fills).hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates();
        String words = String.join(" ", picture.select("text").eachText());
        assertThat(words).contains("What is your child's main need? By answer to: What support does your child have?")
                .contains("Base: 100 people who gave a view in all")
                .contains("Source: Statistics test 2026")
                .contains("Not for publication");

        // As published, the withheld cells stay a gap marked [c], and the picture says what [c] means.
        Document published = org.jsoup.Jsoup.parse(download(PAGE + "/cross/chart.svg?rows=support&columns=same_q"
                + "&view=published").text(), "", org.jsoup.parser.Parser.xmlParser());
        String publishedWords = String.join(" ", published.select("text").eachText());
        assertThat(publishedWords).contains("[c]").contains("[c] means a figure is withheld")
                .contains("Figures as published").doesNotContain("Not for publication");

        // Each question's chart and each trend, linked under the chart, as SVG and as PNG.
        Document results = lead.get(PAGE).document();
        // Results pages use the width of a wide screen (the style sheet widens this container).
        assertThat(results.selectFirst("main").parent().classNames())
                .contains("govuk-width-container", "chorus-width-container--wide");
        assertThat(lead.get("/staff").document().select(".chorus-width-container--wide")).isEmpty();
        assertThat(results.select("#q-same_q .chorus-chart-downloads a").eachAttr("href"))
                .containsExactly(PAGE + "/charts/same_q.svg", PAGE + "/charts/same_q.png");
        String bars = download(PAGE + "/charts/same_q.svg").text();
        assertThat(bars).contains("Do you know about the Local Offer?").contains("70%").contains("Base: 100 people");
        byte[] png = download(PAGE + "/charts/help.png?by=support").bytes();
        assertThat(java.util.Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        // Kept for a person to look at, as the browser tests keep their screenshots.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/charts"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/charts/help-by-support.png"), png);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/charts/support-by-need.svg"), svg.text());
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(880);
        Document compare = lead.get(PAGE + "/compare").document();
        assertThat(compare.select("#c-same_q .chorus-chart-downloads a").eachAttr("href"))
                .containsExactly(PAGE + "/charts/trend/same_q.svg", PAGE + "/charts/trend/same_q.png");
        String trend = download(PAGE + "/charts/trend/same_q.svg").text();
        assertThat(trend).contains("30%").contains("70%").contains("Base: the people who gave a view in each wave");
        assertThat(download(PAGE + "/charts/trend/same_q.png").bytes()[1]).isEqualTo((byte) 'P');
        // A question with no chart, or none at all: "not found", never an error.
        assertThat(lead.get(PAGE + "/charts/nothing.svg").status()).isEqualTo(404);
        assertThat(lead.get(PAGE + "/cross/chart.png?rows=support&columns=support").status()).isEqualTo(404);
    }

    @Test
    @Order(8)
    void theResultsSpreadsheetHoldsTheCsvsFiguresAndWithholdsTheSameOnes() throws Exception {
        String address = "/staff/surveys/" + NOW + "/results";
        List<org.apache.commons.csv.CSVRecord> csv = org.apache.commons.csv.CSVFormat.RFC4180.parse(
                new java.io.StringReader(download(address + ".csv?by=support").text().replace("\uFEFF", ""))).getRecords();
        Download xlsx = download(address + ".xlsx?by=support");
        assertThat(xlsx.type()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<org.dhatim.fastexcel.reader.Row> sheet;
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.bytes()))) {
            sheet = workbook.getFirstSheet().read();
        }
        assertThat(sheet).hasSize(csv.size());
        int withheld = 0;
        for (int r = 0; r < csv.size(); r++) {
            for (int c = 0; c < csv.get(r).size(); c++) {
                String expected = csv.get(r).get(c);
                String actual = c < sheet.get(r).getCellCount() ? java.util.Objects.toString(sheet.get(r).getCellText(c), "") : "";
                if (expected.matches("-?\\d+(\\.\\d+)?") && r > 0 && c >= 8) {
                    // A figure is a number in the spreadsheet: the same number.
                    assertThat(sheet.get(r).getCell(c).getType()).as("row %d column %d", r, c)
                            .isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
                    assertThat(new java.math.BigDecimal(actual)).as("row %d column %d", r, c)
                            .isEqualByComparingTo(new java.math.BigDecimal(expected));
                } else {
                    assertThat(actual).as("row %d column %d", r, c).isEqualTo(expected);
                }
                withheld += expected.equals("[c]") ? 1 : 0;
            }
        }
        // Worked out: the 10 "neither" families, 8 saying yes and 2 no this year: the 2 is withheld.
        assertThat(csv).anySatisfy(row -> assertThat(String.join(",", row)).startsWith(NOW + ",same_q,")
                .contains(",Neither,no,No,[c],[c],"));
        assertThat(withheld).isPositive();
        // The link sits beside the CSV's.
        assertThat(lead.get(PAGE + "?by=support").document().select("a[href$=results.xlsx?by=support]")).hasSize(1);
    }

    @Test
    @Order(9)
    void theLeadChoosesTheHeadlineMeasuresAndThePageFollowsTheChoice() {
        String headline = PAGE + "/headline";
        // Before any choice: every compared question, each box ticked.
        Document form = lead.get(headline + "/measures").document();
        assertThat(form.select("input[name=measure][checked]").eachAttr("value"))
                .contains("same_q", "help", "gate", "routed");
        assertThat(lead.get(headline).document().select("#headline-chosen")).isEmpty();

        // Nothing ticked: a clear message, nothing stored.
        var refused = lead.post(headline + "/measures");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select(".govuk-error-summary a[href=#measure]").text())
                .isEqualTo("Select at least one measure for the headline page");
        assertThat(count("SELECT count(*) FROM headline_measures")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'headline measures chosen'")).isZero();

        var chosen = lead.post(headline + "/measures", "measure", "same_q", "measure", "not_a_question");
        assertThat(chosen.status()).isEqualTo(303);
        assertThat(chosen.location()).endsWith("/results/headline");
        Document page = lead.get(headline).document();
        assertThat(page.select("#headline-measures tbody tr").eachText()).singleElement().satisfies(row ->
                assertThat(row).contains("Do you know about the Local Offer?").contains("30% 70%").contains("Went up"));
        assertThat(page.select("#headline-chosen").text()).contains("a lead chose");
        // Unticking a measure never hides that it got worse: the assessment still needs attention.
        assertThat(page.select("#headline-falls li").eachText())
                .containsExactly("How good was the assessment? Share positive (agree, or good): 67% now, -33 points.");
        assertThat(lead.get(headline + "/measures").document().select("input[name=measure][checked]").eachAttr("value"))
                .containsExactly("same_q");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'headline measures chosen' AND detail = 'same_q'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM headline_measures WHERE survey_id = '" + NOW + "'")).isEqualTo(1);
    }

    record Download(String type, byte[] bytes) {
        String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Download download(String path) throws Exception {
        var client = java.net.http.HttpClient.newBuilder().cookieHandler(lead.cookies()).build();
        var response = client.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        return new Download(response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** The distinct fill colours of an SVG's rectangles, leaving out white (the page and segment edges). */
    private static List<String> fills(Document svg) {
        java.util.regex.Pattern fill = java.util.regex.Pattern.compile("fill:\\s*(rgb\\([^)]*\\)|#[0-9a-fA-F]{6})");
        List<String> found = new ArrayList<>();
        for (Element rect : svg.select("rect")) {
            String style = rect.attr("style") + ";fill:" + rect.attr("fill");
            java.util.regex.Matcher m = fill.matcher(style.replace("fill=", "fill:"));
            while (m.find()) {
                String colour = m.group(1).replace(" ", "");
                if (!colour.equals("rgb(255,255,255)") && !colour.equalsIgnoreCase("#ffffff") && !found.contains(colour)) {
                    found.add(colour);
                }
            }
        }
        return found;
    }

    private static List<String> crossRow(Document page, String label) {
        for (Element row : page.select("#cross-table tbody tr")) {
            if (row.selectFirst("th").text().equals(label)) {
                return row.select("td").eachText();
            }
        }
        throw new AssertionError("No cross-table row " + label);
    }

    private static List<String> reachRow(Document page, String key, String group) {
        for (Element row : page.select("#reach-" + key + " tbody tr")) {
            if (row.selectFirst("th").text().equals(group)) {
                return row.select("td").eachText();
            }
        }
        throw new AssertionError("No denominators row for " + group + " of " + key);
    }

    private static String support(int i) {
        return i < 50 ? "ehcp" : i < 90 ? "sen-support" : "neither";
    }

    private static String answers(String support, boolean yes, String help, boolean gate, String routed) {
        List<String> fields = new ArrayList<>();
        fields.add("\"support\": \"" + support + "\"");
        fields.add("\"same_q\": \"" + (yes ? "yes" : "no") + "\"");
        fields.add("\"help\": \"" + help + "\"");
        fields.add("\"gate\": \"" + (gate ? "yes" : "no") + "\"");
        if (routed != null) {
            fields.add("\"routed\": \"" + routed + "\"");
        }
        return "{" + String.join(", ", fields) + "}";
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
}
