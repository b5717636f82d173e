package uk.chorus.themes;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search by words and by meaning, as a lead uses it: synonyms both ways and for phrases, a
 * paraphrase found by meaning and labelled so, the young people's permissions and every filter
 * holding for the meaning part too; emerging themes with a campaign folded into one voice; and
 * people counted right across sources (two reviewing organisations are two people).
 */
@MicronautTest(transactional = false)
class SearchByMeaningTest extends ChorusTest {
    private static final List<String> TRANSPORT = List.of(
            "The school taxi turns up late most mornings so he misses registration.",
            "Our school taxi driver changes every week and my son gets distressed.",
            "The home to school transport was cancelled without warning.",
            "School transport takes ninety minutes each way in a minibus.",
            "The taxi to school never arrives on time.",
            "Home to school transport is unreliable and the driver keeps changing.");
    private static final String CAMPAIGN = "Save the hydrotherapy pool at Oakwood from closure!";
    private StaffClient lead;
    private StaffClient otherLead;
    @Inject
    TextAnalysis analysis;
    @Inject
    SearchCounts counting;

    private static String family(String words) {
        return "{\"ehcp_status\": \"ehcp\", \"child_age\": \"5-10\", \"primary_need\": \"asd\", "
                + "\"school_phase\": \"primary\", \"needs_met_education\": \"agree\", \"needs_met_health\": \"agree\", "
                + "\"needs_met_care\": \"agree\", \"local_offer_aware\": \"no\", \"transition_recent\": \"no\", "
                + "\"feel_listened_to\": \"agree\", \"recommend_support\": 6, \"annual_review_involved\": \"agree\", "
                + "\"biggest_difference\": \"" + words + "\"}";
    }

    @BeforeAll
    void comments() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        otherLead = StaffFixture.invite(server.getURI(), admin, "other@example.org", "lead");
        assertThat(admin.post("/staff/accounts/leads", "survey", "big-bang-2026", "lead", "lead@example.org").status())
                .isEqualTo(303);
        for (String words : List.of("The EHC plan was late.", "Our EHCP took a year to arrive.",
                "We have had no respite for two years.", "The short breaks scheme was cancelled.",
                "Waiting lists for speech and language are far too long.")) {
            StaffFixture.respond(server.getURI(), "family-voice-2026", family(words));
        }
        TRANSPORT.forEach(words -> StaffFixture.respond(server.getURI(), "family-voice-2026", family(words)));
        for (int i = 0; i < 5; i++) {
            StaffFixture.respond(server.getURI(), "family-voice-2026", family(i == 2 ? CAMPAIGN.toUpperCase() : CAMPAIGN));
        }
        StaffFixture.respond(server.getURI(), "family-voice-2026",
                family("Closing the hydrotherapy pool would take away the only exercise my daughter can do."));
        StaffFixture.respond(server.getURI(), "big-bang-2026",
                StaffFixture.BIG_BANG_ANSWERS.replace("Later buses.", "My EHC plan was late again."));
        waitFor(() -> search(lead, "late|arrive|respite|cancelled|speech|minibus").contains("My EHC plan was late again."));
    }

    @Test
    void synonymsWorkBothWaysAndForPhrases() {
        assertThat(marked("EHC plan")).contains("EHCP");
        assertThat(marked("EHCP")).contains("EHC plan");
        assertThat(marked("short breaks")).contains("respite");
        assertThat(marked("respite")).contains("short breaks");
        assertThat(marked("speech therapy")).contains("speech and language");
        // With an operator typed, each operator applies (and synonyms still do); no meaning is mixed in.
        assertThat(lead.get("/staff/themes/search?q=" + encode("respite -years")).document()
                .select(".chorus-comment p.chorus-prose").eachText()).containsExactly("The short breaks scheme was cancelled.");
    }

    @Test
    void aParaphraseIsFoundByMeaningAndSaysSo() {
        Document page = lead.get("/staff/themes/search?sort=relevance&q=" + encode("waiting for EHCP")).document();
        Element late = comment(page, "The EHC plan was late.");
        assertThat(late).as("found by meaning").isNotNull();
        assertThat(late.select("mark")).isEmpty();
        assertThat(late.text()).contains("Similar in meaning");
        // A keyword match keeps its marks and no such note.
        Document words = lead.get("/staff/themes/search?q=" + encode("late")).document();
        assertThat(comment(words, "The EHC plan was late.").select("mark").eachText()).containsExactly("late");
        assertThat(comment(words, "The EHC plan was late.").text()).doesNotContain("Similar in meaning");
        // Unrelated comments stay out.
        assertThat(page.select(".chorus-comment p.chorus-prose").eachText()).noneMatch(t -> t.contains("hydrotherapy")
                || t.contains("respite") || t.contains("taxi"));
    }

    @Test
    void meaningHonoursPermissionsAndEveryFilter() {
        String query = "/staff/themes/search?q=" + encode("waiting for EHCP");
        assertThat(lead.get(query).text()).contains("My EHC plan was late again.");
        assertThat(otherLead.get(query).text()).contains("The EHC plan was late.")
                .doesNotContain("My EHC plan was late again.");
        assertThat(lead.get(query + "&survey=family-voice-2026").text()).contains("The EHC plan was late.")
                .doesNotContain("My EHC plan was late again.");
        assertThat(lead.get(query + "&survey=big-bang-2026").text()).doesNotContain("The EHC plan was late.")
                .contains("My EHC plan was late again.");
        assertThat(otherLead.get(query + "&survey=big-bang-2026").text()).doesNotContain("My EHC plan was late again.");
    }

    @Test
    void emergingThemesGroupByMeaningAndFoldACampaignIntoOneVoice() {
        Document page = lead.get("/staff/themes/whats-new?set=wave:2026").document();
        List<String> names = page.select(".chorus-emerging h3").eachText();
        assertThat(names).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        // The school transport comments are a group of their own unless the learned tagger has put
        // them under a theme (then they are no longer uncovered, which is right too).
        if (names.stream().anyMatch(n -> n.toLowerCase().contains("transport"))) {
            Element transport = group(page, "transport");
            assertThat(transport.select(".govuk-summary-card__title-wrapper span").text()).isEqualTo("6 people");
            assertThat(transport.text()).contains("New this quarter: 6 people").doesNotContain("campaign");
        }
        Element pool = group(page, "hydrotherapy");
        // Five families sent the same words: one voice, flagged, quoted once.
        // The campaign's five are one voice; one more family wrote of the pool in their own words
        // (unless the learned tagger has put those words under the therapies theme).
        assertThat(pool.select(".govuk-summary-card__title-wrapper span").text()).isIn("1 person", "2 people");
        assertThat(pool.text()).contains("Includes a campaign: the same words from 5 people, counted once.");
        assertThat(pool.select("p.chorus-prose").eachText().stream().filter(t -> t.equalsIgnoreCase(CAMPAIGN)).count())
                .isEqualTo(1);
        for (String name : names) {
            assertThat(name.toLowerCase()).doesNotStartWith("waiting").doesNotStartWith("months")
                    .doesNotContain("someone").doesNotContain("'");
        }
        // One step to a theme: the editor opens filled in, with its preview.
        String make = pool.select("a:contains(Make this a theme)").attr("href");
        Document editor = lead.get(make).document();
        assertThat(editor.select("input[name=name]").val()).isEqualTo(pool.select("h3").text());
        assertThat(editor.select("textarea[name=definition]").text()).containsIgnoringCase("hydrotherapy");
        assertThat(editor.text()).containsPattern("\\d+ comments? from \\d+ (people|person)");
    }

    @Test
    void twoReviewingOrganisationsAreTwoPeople() throws IOException {
        TextIndex index = new TextIndex(new ByteBuffersDirectory(), analysis, 16);
        LocalDate today = LocalDate.now();
        for (long organisation : new long[]{1, 2}) {
            index.add(new IndexedText(IndexedText.pledgeText(organisation, null), IndexedText.PLEDGE,
                    IndexedText.PLEDGE_RESPONDENTS - organisation, null, null, null, null, "school", today, Map.of(),
                    "Every member of staff had autism awareness training.", false, Set.of(), Set.of()));
        }
        for (long item : new long[]{1, 2}) {
            index.add(new IndexedText(IndexedText.feedbackText(item), IndexedText.FEEDBACK, -item, null, null, null,
                    "email", null, today, Map.of(), "Staff need awareness training.", false, Set.of(), Set.of()));
        }
        for (String question : List.of("biggest_difference", "one_change")) {
            index.add(new IndexedText(IndexedText.responseText(1, question), IndexedText.SURVEY, 1, "family-voice-2026",
                    2026, question, null, null, today, Map.of(), "More awareness training please.", false, Set.of(),
                    Set.of()));
        }
        index.refresh();
        CommentSearch.Counts counts = index.search(searcher -> {
            try {
                return counting.count(searcher, new MatchAllDocsQuery(), true, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(counts.total()).isEqualTo(6);
        // Two organisations, two feedback items and one family (two answers) are five people.
        assertThat(counts.respondents()).isEqualTo(5);
        CommentSearch.ThemeCount training = counts.themes().stream().filter(t -> t.id().equals("staff-training"))
                .findFirst().orElseThrow();
        assertThat(training.comments()).isEqualTo(6);
        assertThat(training.respondents()).isEqualTo(5);
        assertThat(counts.facets().get("source")).containsExactly(new CommentSearch.Value("feedback", 2),
                new CommentSearch.Value("pledge", 2), new CommentSearch.Value("survey", 2));
        index.close();
    }

    /** The marked words of the comments a search finds. */
    private List<String> marked(String words) {
        return lead.get("/staff/themes/search?q=" + encode(words)).document().select(".chorus-comment mark").eachText();
    }

    private static Element comment(Document page, String text) {
        return page.select(".chorus-comment").stream().filter(c -> c.select("p.chorus-prose").text().equals(text))
                .findFirst().orElse(null);
    }

    private static Element group(Document page, String word) {
        return page.select(".chorus-emerging").stream().filter(g -> g.select("h3").text().toLowerCase().contains(word))
                .findFirst().orElseThrow(() -> new AssertionError("no group named for " + word + " in "
                        + page.select(".chorus-emerging h3").eachText()));
    }

    private static String search(StaffClient who, String words) {
        return who.get("/staff/themes/search?q=" + encode(words)).text();
    }

    private static String encode(String words) {
        return URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    private static void waitFor(BooleanSupplier done) {
        await("the search index").atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(done::getAsBoolean);
    }
}
