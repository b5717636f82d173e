package uk.chorus.results;

import org.junit.jupiter.api.Test;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyFileParser;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small waves where a rule applied table by table leaks, attacked by the built-in audit: the
 * audit finds the leak in what a per-table rule would publish, and the one disclosure model's
 * publication no longer has it. Threshold 5 throughout.
 */
class DisclosureModelTest {
    private static final Messages MESSAGES = new Messages();
    private static final SurveyDefinition SURVEY = new SurveyFileParser().parse("leaks.yml", """
            id: leaks
            title: Leaks
            audience: parents-carers
            wave: 2026
            opens: 2026-01-01
            closes: 2026-12-31
            introduction: Hello.
            privacyNotice: Private.
            pages:
              - title: About you
                questions:
                  - key: support
                    type: about-you
                    about: ehcp
                    text: What support does your child have?
                    required: true
                  - key: area
                    type: about-you
                    about: area
                    text: Where do you live?
                    options:
                      - code: north
                        label: North
                      - code: south
                        label: South
                    required: true
              - title: Services
                questions:
                  - key: heard
                    type: agreement
                    text: I feel listened to.
                    required: true
                  - key: score
                    type: rating
                    text: How good is the Local Offer?
            """).definition().orElseThrow();

    @Test
    void aGroupsSizeMinusItsBaseIsFoundByTheAuditAndNotPublished() {
        // 53 EHCP families, 51 of whom gave a view on "heard" and 2 said "don't know". Table by
        // table, the 2 is withheld while the group's 53 and its base of 51 are both shown.
        List<Map<String, String>> people = new ArrayList<>();
        add(people, 30, Map.of("support", "ehcp", "area", "north", "heard", "agree"));
        add(people, 21, Map.of("support", "ehcp", "area", "south", "heard", "disagree"));
        add(people, 2, Map.of("support", "ehcp", "area", "south", "heard", "dont-know"));
        add(people, 40, Map.of("support", "sen-support", "area", "north", "heard", "agree"));
        add(people, 30, Map.of("support", "sen-support", "area", "south", "heard", "disagree"));
        WaveSummary wave = summary(people);

        PublishedWave perTable = perTable(wave);
        assertThat(perTable.questions().get("heard").byGroup().get("support").get("ehcp").cells()[indexOf("heard", "dont-know")])
                .isEqualTo(PublishedWave.WITHHELD);
        DisclosureAudit.Report attack = DisclosureModel.audit(SURVEY, wave, 5, false, MESSAGES, perTable);
        assertThat(attack.faults()).extracting(DisclosureAudit.Fault::label)
                .anySatisfy(label -> assertThat(label).contains("I feel listened to.").contains("EHCP")
                        .contains("Don't know"));
        assertThat(attack.faults()).allSatisfy(f -> assertThat(f.max() - f.min()).isLessThan(4));

        List<Integer> faultsEachRound = new ArrayList<>();
        DisclosureModel.Decision decision = DisclosureModel.decide(SURVEY, wave, 5, true, MESSAGES, 40,
                (round, most, report) -> faultsEachRound.add(report.faults().size()));
        assertThat(decision.audit().faults()).isEmpty();
        // The progress bar hears of every round, and the last one is the one that passed.
        assertThat(faultsEachRound).hasSize(decision.rounds()).last().isEqualTo(0);
        assertThat(DisclosureModel.audit(SURVEY, wave, 5, true, MESSAGES, decision.published()).faults()).isEmpty();
        // The withheld 2 stays withheld, and the figures that gave it away no longer all show.
        PublishedWave.Row ehcp = decision.published().questions().get("heard").byGroup().get("support").get("ehcp");
        assertThat(ehcp.cells()[indexOf("heard", "dont-know")]).isEqualTo(PublishedWave.WITHHELD);
        assertThat(decision.audit().withheld()).isGreaterThan(1);
    }

    @Test
    void aCrossTableEachWayRoundIsOneSetOfFiguresWithheldAlike() {
        // Support by area and area by support are the same people: 3 "neither" families in the south.
        List<Map<String, String>> people = new ArrayList<>();
        add(people, 40, Map.of("support", "ehcp", "area", "north", "heard", "agree"));
        add(people, 25, Map.of("support", "ehcp", "area", "south", "heard", "agree"));
        add(people, 30, Map.of("support", "sen-support", "area", "north", "heard", "disagree"));
        add(people, 22, Map.of("support", "sen-support", "area", "south", "heard", "disagree"));
        add(people, 3, Map.of("support", "neither", "area", "south", "heard", "neither"));
        add(people, 9, Map.of("support", "neither", "area", "north", "heard", "neither"));
        WaveSummary wave = summary(people);
        DisclosureModel.Decision decision = DisclosureModel.decide(SURVEY, wave, 5, false, MESSAGES);
        assertThat(decision.audit().faults()).isEmpty();
        PublishedWave.Question support = decision.published().questions().get("support");
        PublishedWave.Question area = decision.published().questions().get("area");
        // Support by area, row south, column "neither" is area by support, row "neither", column south.
        long supportByArea = support.byGroup().get("area").get("south").cells()[indexOf("support", "neither")];
        long areaBySupport = area.byGroup().get("support").get("neither").cells()[indexOf("area", "south")];
        assertThat(supportByArea).isEqualTo(PublishedWave.WITHHELD).isEqualTo(areaBySupport);
        // Every cell the two tables share is shown alike.
        for (String a : List.of("north", "south")) {
            for (String s : List.of("ehcp", "sen-support", "neither")) {
                assertThat(support.byGroup().get("area").get(a).cells()[indexOf("support", s)])
                        .isEqualTo(area.byGroup().get("support").get(s).cells()[indexOf("area", a)]);
            }
        }
    }

    @Test
    void aMeanBesideWithheldCellsIsNotShownAndTheAuditWouldHaveSeenThrough() {
        // Six families in the south rated the Local Offer: 9, 9, 9, 9, 2, 2 (mean 6.7, median 9).
        List<Map<String, String>> people = new ArrayList<>();
        add(people, 40, Map.of("support", "ehcp", "area", "north", "heard", "agree", "score", "7"));
        add(people, 30, Map.of("support", "sen-support", "area", "north", "heard", "agree", "score", "8"));
        add(people, 4, Map.of("support", "ehcp", "area", "south", "heard", "agree", "score", "9"));
        add(people, 2, Map.of("support", "sen-support", "area", "south", "heard", "agree", "score", "2"));
        add(people, 20, Map.of("support", "sen-support", "area", "south", "heard", "disagree"));
        WaveSummary wave = summary(people);
        DisclosureModel.Decision decision = DisclosureModel.decide(SURVEY, wave, 5, true, MESSAGES);
        assertThat(decision.audit().faults()).isEmpty();
        PublishedWave.Row south = decision.published().questions().get("score").byGroup().get("area").get("south");
        assertThat(south.cells()[indexOf("score", "9")]).isEqualTo(PublishedWave.WITHHELD);
        assertThat(south.mean()).isNull();
        assertThat(south.median()).isNull();
        PublishedWave.Row north = decision.published().questions().get("score").byGroup().get("area").get("north");
        assertThat(north.mean()).isEqualTo(7.4);
        // Shown beside the withheld cells, with the group's base, the mean pins them down.
        assertThat(DisclosureModel.audit(SURVEY, wave, 5, true, MESSAGES, decision.published()).faults()).isEmpty();
        PublishedWave leaky = withMean(decision.published(), "score", "area", "south", 6.7, 9.0);
        DisclosureAudit.Report attack = DisclosureModel.audit(SURVEY, wave, 5, true, MESSAGES, leaky);
        assertThat(attack.faults()).isNotEmpty();
    }

    @Test
    void roundedCountsAreWithinTwoOfTheTruthAndPercentagesComeFromThem() {
        List<Map<String, String>> people = new ArrayList<>();
        add(people, 47, Map.of("support", "ehcp", "area", "north", "heard", "agree"));
        add(people, 33, Map.of("support", "sen-support", "area", "south", "heard", "disagree"));
        WaveSummary wave = summary(people);
        DisclosureModel.Decision decision = DisclosureModel.decide(SURVEY, wave, 5, true, MESSAGES);
        assertThat(decision.published().responses()).isEqualTo(80);
        PublishedWave.Row all = decision.published().questions().get("heard").all();
        assertThat(all.cells()[indexOf("heard", "agree")]).isEqualTo(45);
        assertThat(all.cells()[indexOf("heard", "disagree")]).isEqualTo(35);
        assertThat(all.cells()[indexOf("heard", "neither")]).isZero();
        assertThat(decision.audit().faults()).isEmpty();
    }

    // ---- Fixtures ----

    private static void add(List<Map<String, String>> people, int n, Map<String, String> answers) {
        for (int i = 0; i < n; i++) {
            people.add(answers);
        }
    }

    private static int indexOf(String key, String code) {
        return SURVEY.question(key).orElseThrow().options().stream().map(o -> o.code()).toList().indexOf(code);
    }

    /** A wave's summary counted by hand from people's answers (every one in one quarter). */
    static WaveSummary summary(List<Map<String, String>> people) {
        List<Question> aboutYou = SURVEY.questionList().stream().filter(q -> q.about() != null).toList();
        Map<String, WaveSummary.QuestionSummary> questions = new LinkedHashMap<>();
        for (Question q : SURVEY.questionList()) {
            List<String> options = q.options().stream().map(o -> o.code()).toList();
            long[] counts = count(people, q, options, null, null);
            Map<String, Map<String, long[]>> byGroup = new LinkedHashMap<>();
            Map<String, Map<String, Long>> respondentsByGroup = new LinkedHashMap<>();
            Map<String, Map<String, WaveSummary.Numbers>> numbersByGroup = new LinkedHashMap<>();
            for (Question by : aboutYou) {
                if (by == q) {
                    continue;
                }
                Map<String, long[]> groups = new LinkedHashMap<>();
                Map<String, Long> respondents = new LinkedHashMap<>();
                Map<String, WaveSummary.Numbers> numbers = new LinkedHashMap<>();
                List<String> codes = new ArrayList<>(by.options().stream().map(o -> o.code()).toList());
                codes.add(Counting.NO_ANSWER);
                for (String g : codes) {
                    long[] cells = count(people, q, options, by.key(), g);
                    groups.put(g, cells);
                    respondents.put(g, Arrays.stream(cells).sum());
                    WaveSummary.Numbers n = numbers(people, q, by.key(), g);
                    if (n != null) {
                        numbers.put(g, n);
                    }
                }
                byGroup.put(by.key(), groups);
                respondentsByGroup.put(by.key(), respondents);
                numbersByGroup.put(by.key(), numbers);
            }
            questions.put(q.key(), new WaveSummary.QuestionSummary(q.type(), options, counts, Arrays.stream(counts).sum(),
                    byGroup, respondentsByGroup, Map.of("2026 Q4", counts), numbers(people, q, null, null), numbersByGroup));
        }
        return new WaveSummary("leaks", 2026, people.size(), Map.of("2026 Q4", (long) people.size()), questions);
    }

    private static long[] count(List<Map<String, String>> people, Question q, List<String> options, String by, String g) {
        long[] cells = new long[options.size()];
        for (Map<String, String> person : people) {
            String group = by == null ? null : person.getOrDefault(by, Counting.NO_ANSWER);
            if (by != null && !group.equals(g)) {
                continue;
            }
            int c = options.indexOf(person.get(q.key()));
            if (c >= 0) {
                cells[c]++;
            }
        }
        return cells;
    }

    private static WaveSummary.Numbers numbers(List<Map<String, String>> people, Question q, String by, String g) {
        if (q.type() != QuestionType.RATING) {
            return null;
        }
        List<Integer> values = new ArrayList<>();
        for (Map<String, String> person : people) {
            if ((by == null || person.getOrDefault(by, Counting.NO_ANSWER).equals(g)) && person.containsKey(q.key())) {
                values.add(Integer.parseInt(person.get(q.key())));
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        values.sort(null);
        int n = values.size();
        double mean = values.stream().mapToInt(Integer::intValue).average().orElse(0);
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
        return new WaveSummary.Numbers(n, mean, median, 0);
    }

    /** What the rule applied table by table, as it was, would have published (exact counts). */
    private static PublishedWave perTable(WaveSummary wave) {
        Map<String, PublishedWave.Question> questions = new LinkedHashMap<>();
        wave.questions().forEach((key, q) -> {
            boolean[] inBase = new boolean[q.options().size()];
            for (int c = 0; c < inBase.length; c++) {
                inBase[c] = !uk.chorus.surveys.Scales.isNoView(q.type(), q.options().get(c));
            }
            PublishedWave.Row all = row(DisclosureControl.Grid.of(new long[][]{q.counts()}, inBase, -1), 0);
            Map<String, Map<String, PublishedWave.Row>> byGroup = new LinkedHashMap<>();
            q.byGroup().forEach((by, groups) -> {
                List<String> codes = new ArrayList<>(groups.keySet());
                long[][] cells = new long[codes.size() + 1][];
                cells[0] = q.counts();
                for (int i = 0; i < codes.size(); i++) {
                    cells[i + 1] = groups.get(codes.get(i));
                }
                DisclosureControl.Grid grid = DisclosureControl.Grid.of(cells, inBase, 0);
                Map<String, PublishedWave.Row> rows = new LinkedHashMap<>();
                for (int i = 0; i < codes.size(); i++) {
                    rows.put(codes.get(i), row(grid, i + 1));
                }
                byGroup.put(by, rows);
            });
            questions.put(key, new PublishedWave.Question(q.type(), q.options(), all, byGroup, Map.of()));
        });
        return new PublishedWave(wave.surveyId(), wave.wave(), 5, false, wave.responses(),
                new HashMap<>(wave.quarters()), questions, 0);
    }

    private static PublishedWave.Row row(DisclosureControl.Grid grid, int r) {
        DisclosureControl.Suppressed hidden = DisclosureControl.apply(grid, 5);
        long[] cells = new long[grid.cells()[r].length];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = hidden.cells()[r][c] ? PublishedWave.WITHHELD : grid.cells()[r][c];
        }
        return new PublishedWave.Row(hidden.total()[r] ? PublishedWave.WITHHELD : grid.totals()[r],
                hidden.base()[r] ? PublishedWave.WITHHELD : grid.bases()[r], cells, null, null);
    }

    private static PublishedWave withMean(PublishedWave wave, String key, String by, String group, double mean,
                                          double median) {
        Map<String, PublishedWave.Question> questions = new LinkedHashMap<>(wave.questions());
        PublishedWave.Question q = questions.get(key);
        Map<String, Map<String, PublishedWave.Row>> byGroup = new LinkedHashMap<>(q.byGroup());
        Map<String, PublishedWave.Row> rows = new LinkedHashMap<>(byGroup.get(by));
        PublishedWave.Row row = rows.get(group);
        rows.put(group, new PublishedWave.Row(row.total(), row.base(), row.cells(), mean, median));
        byGroup.put(by, rows);
        questions.put(key, new PublishedWave.Question(q.type(), q.options(), q.all(), byGroup, q.quarters()));
        return new PublishedWave(wave.surveyId(), wave.wave(), wave.threshold(), wave.rounded(), wave.responses(),
                wave.quarters(), questions, wave.withheld());
    }
}
