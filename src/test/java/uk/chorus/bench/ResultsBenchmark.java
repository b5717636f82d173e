package uk.chorus.bench;

import io.micronaut.context.ApplicationContext;
import uk.chorus.responses.ResponseImport;
import uk.chorus.results.ResultOptions;
import uk.chorus.results.CrossTableViews;
import uk.chorus.results.ResultsService;
import uk.chorus.surveys.AnswerVocabulary;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.support.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Results of a 40-question survey with 100,000 responses: every question overall and broken
 * down by each of its five about-you questions, cold (the wave read from PostgreSQL and counted)
 * and cached, next to plain SQL GROUP BY queries over the same coded answers, and the JSONB
 * jsonb_each aggregation counting used to need, in the same run. Not a test: it prints its figures.
 *
 * Run: JAVA_HOME=$(.ci/java-home) ./mvnw -B -Pbench test-compile exec:java -Dexec.mainClass=uk.chorus.bench.ResultsBenchmark
 * Options (system properties): bench.responses (100000), bench.repeats (20).
 */
public final class ResultsBenchmark {
    private static final int RESPONSES = Integer.getInteger("bench.responses", 100_000);
    private static final int REPEATS = Integer.getInteger("bench.repeats", 20);
    private static final String SURVEY = "bench-forty";
    private static final List<String> ABOUT = List.of("support", "age", "need", "phase", "area");
    /** Cross-tables a lead might ask for: two services' questions, two choices, an about-you question by one. */
    private static final List<List<String>> CROSSES = List.of(List.of("agreement_1", "agreement_2"),
            List.of("choice_1", "choice_3"), List.of("yes_no_1", "agreement_3"), List.of("need", "choice_2"),
            List.of("agreement_4", "yes_no_2"));

    private ResultsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String databaseUrl = TestDatabase.fresh();
        Path surveys = Files.createTempDirectory("chorus-bench-surveys");
        Files.writeString(surveys.resolve(SURVEY + ".yml"), definition());
        Map<String, Object> properties = Map.of(
                "datasources.default.url", databaseUrl,
                "datasources.default.username", TestDatabase.USER,
                "datasources.default.password", TestDatabase.PASSWORD,
                "chorus.surveys.dir", surveys.toString(),
                "chorus.data-dir", Files.createTempDirectory("chorus-bench-data").toString(),
                "micronaut.server.port", "-1");
        System.out.printf("Chorus results benchmark: 40 questions, %,d responses, %d cores, Java %s%n", RESPONSES,
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        LiveSurvey survey;
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            survey = context.getBean(SurveyCatalogue.class).find(SURVEY).orElseThrow();
            long started = System.nanoTime();
            load(context.getBean(ResponseImport.class), survey);
            System.out.printf("Loaded %,d responses through ResponseImport in %.1f s%n", RESPONSES, seconds(started));
        }
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("VACUUM ANALYZE responses");
        }

        // Truly cold: a fresh JVM's first view (classes loading, nothing compiled yet).
        double firstEver;
        List<Double> cold = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        List<Double> crossCold = new ArrayList<>();
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            long started = System.nanoTime();
            everyView(context.getBean(ResultsService.class));
            firstEver = millis(started);
        }
        // Cold: a new service (nothing in memory) on a warmed-up JVM, as after a restart under load.
        for (int i = 0; i < 3; i++) {
            try (ApplicationContext context = ApplicationContext.run(properties)) {
                ResultsService results = context.getBean(ResultsService.class);
                long started = System.nanoTime();
                everyView(results);
                cold.add(millis(started));
                // Cross-tables on the same new service: the wave is in memory now, as after a lead's first page.
                long crossing = System.nanoTime();
                for (List<String> pair : CROSSES) {
                    if (!CrossTableViews.cross(context, survey.definition(), pair.get(0), pair.get(1))) {
                        throw new IllegalStateException("No cross-table of " + pair);
                    }
                }
                crossCold.add(millis(crossing));
                if (i == 2) {
                    for (int r = 0; r < REPEATS; r++) {
                        long again = System.nanoTime();
                        everyView(results);
                        cached.add(millis(again));
                    }
                }
            }
        }
        AnswerVocabulary vocabulary = AnswerVocabulary.of(survey.definition());
        List<Double> sql = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sql.add(plainSql(databaseUrl, survey, vocabulary));
        }
        double jsonb = jsonbBreakdown(databaseUrl);
        List<Double> crossSql = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            crossSql.add(crossSql(databaseUrl, survey, vocabulary));
        }

        System.out.println();
        System.out.println("Every question, overall and by each of 5 about-you questions (6 views):");
        System.out.printf("  %-58s %9.0f ms%n", "Chorus, first view in a fresh JVM", firstEver);
        System.out.printf("  %-58s %9.0f ms%n", "Chorus, cold (new service, warm JVM), median of 3", median(cold));
        System.out.printf("  %-58s %9.1f ms%n", "Chorus, cached, median of " + REPEATS, median(cached));
        System.out.printf("  %-58s %9.0f ms%n", "Plain SQL GROUP BY over the coded answers, median of 3", median(sql));
        System.out.printf("  %-58s %9.0f ms%n", "JSONB jsonb_each GROUP BY, one breakdown only", jsonb);
        System.out.printf("  Chorus cold / plain SQL: %.2f%n", median(cold) / median(sql));
        System.out.println();
        System.out.println("Five cross-tables of two questions each (" + CROSSES + "):");
        System.out.printf("  %-58s %9.0f ms%n", "Chorus, on a new service after its first page, median of 3",
                median(crossCold));
        System.out.printf("  %-58s %9.0f ms%n", "Plain SQL GROUP BY over the coded answers, median of 3", median(crossSql));
        System.out.printf("  Chorus cross-tables / plain SQL: %.2f%n", median(crossCold) / median(crossSql));
    }

    /** The same cross-tables in PostgreSQL: each pair of coded answers counted together. */
    private static double crossSql(String databaseUrl, LiveSurvey survey, AnswerVocabulary vocabulary) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = TestDatabase.connect(databaseUrl);
             PreparedStatement pair = connection.prepareStatement("SELECT g, c, count(*) FROM responses r, "
                     + "unnest(r.codes) AS g, unnest(r.codes) AS c WHERE r.survey_id = ? AND g BETWEEN ? AND ? "
                     + "AND c BETWEEN ? AND ? GROUP BY g, c")) {
            for (List<String> keys : CROSSES) {
                int[] rows = slots(survey, vocabulary, keys.get(0));
                int[] columns = slots(survey, vocabulary, keys.get(1));
                pair.setString(1, SURVEY);
                pair.setInt(2, Arrays.stream(rows).min().orElseThrow());
                pair.setInt(3, Arrays.stream(rows).max().orElseThrow());
                pair.setInt(4, Arrays.stream(columns).min().orElseThrow());
                pair.setInt(5, Arrays.stream(columns).max().orElseThrow());
                drain(pair);
            }
        }
        return millis(started);
    }

    private static int[] slots(LiveSurvey survey, AnswerVocabulary vocabulary, String key) {
        Question question = survey.definition().question(key).orElseThrow();
        return question.options().stream().mapToInt(o -> vocabulary.slot(key, o.code())).toArray();
    }

    /** Every question overall and by each about-you question, as leads page through them. */
    private static void everyView(ResultsService results) {
        results.results(SURVEY, new ResultOptions(null, null, null, false, null, false, false)).orElseThrow();
        for (String by : ABOUT) {
            results.results(SURVEY, new ResultOptions(by, null, null, false, null, false, false)).orElseThrow();
        }
    }

    /** The same counts in PostgreSQL: each coded answer overall, then each beside each about-you answer. */
    private static double plainSql(String databaseUrl, LiveSurvey survey, AnswerVocabulary vocabulary) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            try (PreparedStatement overall = connection.prepareStatement("SELECT c, count(*) FROM responses, "
                    + "unnest(codes) AS c WHERE survey_id = ? GROUP BY c")) {
                overall.setString(1, SURVEY);
                drain(overall);
            }
            for (String key : ABOUT) {
                Question question = survey.definition().question(key).orElseThrow();
                int[] slots = question.options().stream().mapToInt(o -> vocabulary.slot(key, o.code())).toArray();
                try (PreparedStatement by = connection.prepareStatement("SELECT g, c, count(*) FROM responses r, "
                        + "unnest(r.codes) AS g, unnest(r.codes) AS c WHERE r.survey_id = ? AND g BETWEEN ? AND ? "
                        + "GROUP BY g, c")) {
                    by.setString(1, SURVEY);
                    by.setInt(2, Arrays.stream(slots).min().orElseThrow());
                    by.setInt(3, Arrays.stream(slots).max().orElseThrow());
                    drain(by);
                }
            }
        }
        return millis(started);
    }

    /** One breakdown the way the first version counted: over the JSONB documents. */
    private static double jsonbBreakdown(String databaseUrl) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = TestDatabase.connect(databaseUrl);
             PreparedStatement statement = connection.prepareStatement("SELECT r.answers->>'support', a.key, "
                     + "a.value::text, count(*) FROM responses r, jsonb_each(r.answers) AS a WHERE r.survey_id = ? "
                     + "GROUP BY 1, 2, 3")) {
            statement.setString(1, SURVEY);
            drain(statement);
        }
        return millis(started);
    }

    private static void drain(PreparedStatement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rs.getLong(rs.getMetaData().getColumnCount());
            }
        }
    }

    private static void load(ResponseImport importer, LiveSurvey survey) {
        Random random = new Random(2026);
        List<Question> questions = survey.definition().questionList();
        Instant opened = Instant.parse("2026-09-01T09:00:00Z");
        List<ResponseImport.Imported> batch = new ArrayList<>();
        for (int i = 0; i < RESPONSES; i++) {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (Question question : questions) {
                if (random.nextInt(10) == 0) {
                    continue; // about one answer in ten is skipped
                }
                List<Option> options = question.options();
                switch (question.type()) {
                    case NUMBER -> answers.put(question.key(), 5L + random.nextInt(40));
                    case LONG_TEXT -> answers.put(question.key(), "Waiting " + random.nextInt(50) + " weeks.");
                    case MULTIPLE_CHOICE -> answers.put(question.key(), List.of(options.get(random.nextInt(3)).code(),
                            options.get(3 + random.nextInt(3)).code()));
                    case RATING -> answers.put(question.key(), (long) random.nextInt(11));
                    default -> answers.put(question.key(), options.get(random.nextInt(options.size())).code());
                }
            }
            batch.add(new ResponseImport.Imported(answers, opened.plusSeconds(i * 60L)));
            if (batch.size() == 5_000) {
                importer.importResponses(survey, ResponseImport.Channel.IMPORT, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            importer.importResponses(survey, ResponseImport.Channel.IMPORT, batch);
        }
    }

    /** 5 about-you questions, 15 agreement, 5 yes/no, 5 ratings, 4 choices, 3 multiple choices, 2 numbers, 1 text. */
    private static String definition() {
        StringBuilder yaml = new StringBuilder("""
                id: bench-forty
                title: Forty questions
                audience: parents-carers
                wave: 2026
                opens: 2026-01-01
                closes: 2999-12-31
                introduction: A benchmark survey.
                privacyNotice: Nothing identifying is kept.
                pages:
                  - title: About you
                    questions:
                      - {key: support, type: about-you, about: ehcp, text: Support}
                      - {key: age, type: about-you, about: age-band, text: Age}
                      - {key: need, type: about-you, about: primary-need, text: Need}
                      - {key: phase, type: about-you, about: school-phase, text: Phase}
                      - key: area
                        type: about-you
                        about: area
                        text: Area
                        options: [{code: north, label: North}, {code: central, label: Central}, {code: south, label: South}]
                  - title: Services
                    questions:
                """);
        Map<String, Integer> counts = new HashMap<>(Map.of("agreement", 15, "yes-no", 5, "rating", 5));
        for (var type : List.of("agreement", "yes-no", "rating")) {
            for (int i = 1; i <= counts.get(type); i++) {
                yaml.append("      - {key: ").append(type.replace('-', '_')).append('_').append(i).append(", type: ")
                        .append(type).append(", text: Question ").append(type).append(' ').append(i).append("}\n");
            }
        }
        for (int i = 1; i <= 4; i++) {
            yaml.append("      - key: choice_").append(i).append("\n        type: single-choice\n        text: Choice ")
                    .append(i).append("\n        options: [{code: a, label: A}, {code: b, label: B}, {code: c, label: C}, "
                            + "{code: d, label: D}, {code: e, label: E}]\n");
        }
        for (int i = 1; i <= 3; i++) {
            yaml.append("      - key: many_").append(i).append("\n        type: multiple-choice\n        text: Many ")
                    .append(i).append("\n        options: [{code: a, label: A}, {code: b, label: B}, {code: c, label: C}, "
                            + "{code: d, label: D}, {code: e, label: E}, {code: f, label: F}]\n");
        }
        yaml.append("      - {key: number_1, type: number, text: Weeks one, min: 0, max: 100}\n");
        yaml.append("      - {key: number_2, type: number, text: Weeks two, min: 0, max: 100}\n");
        yaml.append("      - {key: words, type: long-text, text: Anything else}\n");
        return yaml.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double millis(long started) {
        return (System.nanoTime() - started) / 1e6;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
