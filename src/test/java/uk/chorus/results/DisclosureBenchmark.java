package uk.chorus.results;

import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyFileParser;
import uk.chorus.web.Messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How long the disclosure model and its audit take on the shipped parent/carer survey's shape
 * (every question overall and by each of its 5 about-you questions, quarters and quarter
 * measures): answers drawn at random with skewed groups (some primary needs rare), counted into a
 * wave summary, then decided and attacked, rounded (and exact with -Dbench.exact=true). Not a test;
 * prints its figures.
 *
 * <pre>JAVA_HOME=$(.ci/java-home) ./mvnw -B -Pbench test-compile exec:java \
 *   -Dexec.mainClass=uk.chorus.results.DisclosureBenchmark -Dbench.sizes=600,100000</pre>
 */
public final class DisclosureBenchmark {
    private DisclosureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SurveyDefinition survey = new SurveyFileParser().parse("family-voice-2026.yml",
                Files.readString(Path.of("surveys/family-voice-2026.yml"))).definition().orElseThrow();
        int repeats = Integer.getInteger("bench.repeats", 3);
        if (Boolean.getBoolean("bench.rounds")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(DisclosureModel.class))
                    .setLevel(ch.qos.logback.classic.Level.DEBUG);
        }
        Messages messages = new Messages();
        if (!"false".equals(System.getProperty("bench.warm"))) {
            // Warm the solver and the JIT once.
            DisclosureModel.decide(survey, summary(survey, 600, new Random(7)), 5, true, messages);
        }
        for (String size : System.getProperty("bench.sizes", "600,100000").split(",")) {
            int n = Integer.parseInt(size.trim());
            WaveSummary wave = summary(survey, n, new Random(n));
            for (boolean round : Boolean.getBoolean("bench.exact") ? new boolean[]{true, false} : new boolean[]{true}) {
                long[] times = new long[repeats];
                DisclosureModel.Decision decision = null;
                for (int i = 0; i < repeats; i++) {
                    long started = System.nanoTime();
                    decision = DisclosureModel.decide(survey, wave, 5, round, messages);
                    times[i] = (System.nanoTime() - started) / 1_000_000;
                }
                Arrays.sort(times);
                System.out.printf("%,d responses, %s: decide and audit %,d ms (median of %d); last audit %,d ms, %,d solves, "
                                + "%d rounds, %,d figures withheld, %d at fault%n", n, round ? "rounded to 5" : "exact",
                        times[repeats / 2], repeats, decision.audit().millis(), decision.audit().solves(),
                        decision.rounds(), decision.audit().withheld(), decision.audit().faults().size());
            }
        }
    }

    /** A wave of {@code n} random responses to every single-coded, multiple and numeric question, in two quarters. */
    static WaveSummary summary(SurveyDefinition survey, int n, Random random) {
        List<Question> questions = survey.questionList();
        int[][] answers = new int[n][questions.size()];
        String[] quarter = new String[n];
        for (int r = 0; r < n; r++) {
            quarter[r] = random.nextInt(3) == 0 ? "2026 Q1" : "2026 Q2";
            for (int q = 0; q < questions.size(); q++) {
                Question question = questions.get(q);
                int options = Math.max(1, question.options().size());
                boolean skip = !question.required() && random.nextInt(10) == 0;
                // Skewed: the first options common, the last rare (a few small groups, as in real areas).
                int pick = (int) Math.min(options - 1, Math.floor(Math.abs(random.nextGaussian()) * options / 2.5));
                // However large the wave, an about-you question's last group stays tiny (a handful of
                // people), as a rare need does: its cells are small in every table.
                if (question.about() != null && options > 2) {
                    pick = random.nextInt(n) < 6 ? options - 1 : Math.min(pick, options - 2);
                }
                answers[r][q] = skip ? -1 : question.type() == QuestionType.MULTIPLE_CHOICE
                        ? 1 + random.nextInt((1 << Math.min(options, 20)) - 1) : pick;
            }
        }
        Map<String, WaveSummary.QuestionSummary> summaries = new LinkedHashMap<>();
        List<Integer> aboutYou = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            if (questions.get(q).about() != null) {
                aboutYou.add(q);
            }
        }
        Map<String, Long> quarters = new LinkedHashMap<>();
        for (String k : quarter) {
            quarters.merge(k, 1L, Long::sum);
        }
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            boolean single = question.type().isText() || question.type() == QuestionType.NUMBER
                    || question.type() == QuestionType.MONTH_YEAR;
            List<String> codes = single ? List.of() : question.options().stream().map(Option::code).toList();
            int columns = single ? 1 : codes.size();
            Map<String, Map<String, long[]>> byGroup = new LinkedHashMap<>();
            Map<String, Map<String, Long>> respondentsByGroup = new LinkedHashMap<>();
            for (int a : aboutYou) {
                if (a == q) {
                    continue;
                }
                Question by = questions.get(a);
                Map<String, long[]> groups = new LinkedHashMap<>();
                Map<String, Long> respondents = new LinkedHashMap<>();
                List<String> groupCodes = new ArrayList<>(by.options().stream().map(Option::code).toList());
                groupCodes.add(Counting.NO_ANSWER);
                for (String g : groupCodes) {
                    groups.put(g, new long[columns]);
                    respondents.put(g, 0L);
                }
                for (int r = 0; r < n; r++) {
                    if (answers[r][q] < 0) {
                        continue;
                    }
                    String g = answers[r][a] < 0 ? Counting.NO_ANSWER : groupCodes.get(answers[r][a]);
                    add(groups.get(g), question, answers[r][q], columns);
                    respondents.merge(g, 1L, Long::sum);
                }
                byGroup.put(by.key(), groups);
                respondentsByGroup.put(by.key(), respondents);
            }
            long[] counts = new long[columns];
            long respondents = 0;
            Map<String, long[]> byQuarter = new LinkedHashMap<>();
            for (int r = 0; r < n; r++) {
                if (answers[r][q] < 0) {
                    continue;
                }
                add(counts, question, answers[r][q], columns);
                respondents++;
                if (!single && question.type() != QuestionType.MULTIPLE_CHOICE) {
                    byQuarter.computeIfAbsent(quarter[r], k -> new long[columns])[answers[r][q]]++;
                }
            }
            summaries.put(question.key(), new WaveSummary.QuestionSummary(question.type(), codes.isEmpty()
                    ? List.of() : codes, counts, respondents, byGroup, respondentsByGroup, byQuarter, null, Map.of()));
        }
        return new WaveSummary(survey.id(), survey.wave(), n, quarters, summaries);
    }

    private static void add(long[] cells, Question question, int answer, int columns) {
        if (question.type() == QuestionType.MULTIPLE_CHOICE) {
            for (int c = 0; c < columns && c < 20; c++) {
                if ((answer & (1 << c)) != 0) {
                    cells[c]++;
                }
            }
        } else {
            cells[Math.min(columns - 1, answer)]++;
        }
    }
}
