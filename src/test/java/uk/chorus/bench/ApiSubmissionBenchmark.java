package uk.chorus.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import uk.chorus.support.Latencies;
import uk.chorus.support.PlainHttpClient;
import uk.chorus.support.TestDatabase;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Complete responses per second accepted by the JSON API with 50 concurrent clients, each
 * committed before it is acknowledged, next to plain JDBC single-row inserts of the same rows by
 * 50 connections in the same run. The two alternate in slices (API, inserts, API, ...), so a
 * neighbour's build that loads the machine for a while weighs on both sides alike and the ratio
 * holds still where the rates do not. Not a test: it prints its figures, and exits with status 2
 * when the ratio is below bench.floor (SubmissionRateTest runs a short version in the suite).
 *
 * Run: JAVA_HOME=$(.ci/java-home) mvn -B -Pbench test-compile exec:java
 * Options (system properties): bench.clients (50), bench.seconds (20 per side), bench.slice (5),
 * bench.warmup (5), bench.floor (0.5).
 */
public final class ApiSubmissionBenchmark {
    private static final int CLIENTS = Integer.getInteger("bench.clients", 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 5);
    private static final int SLICE_SECONDS = Integer.getInteger("bench.slice", 5);
    // Half the ratio measured on a quiet machine (README): a submission path twice as slow fails it.
    private static final double FLOOR = Double.parseDouble(System.getProperty("bench.floor", "0.5"));
    private static final String SURVEY = "family-voice-2026";

    private ApiSubmissionBenchmark() {
    }

    public record Result(String what, long count, double seconds, Latencies latencies, long errors) {
        public double perSecond() {
            return count / seconds;
        }

        Result plus(Result other) {
            Latencies both = new Latencies();
            both.addAll(latencies);
            both.addAll(other.latencies);
            return new Result(what, count + other.count, seconds + other.seconds, both, errors + other.errors);
        }

        void print() {
            System.out.printf("%-34s %9.0f /s  p50 %7.2f ms  p99 %7.2f ms  (%d in %.1f s, %d errors)%n", what,
                    perSecond(), latencies.percentileMillis(50), latencies.percentileMillis(99), count, seconds,
                    errors);
        }
    }

    public static void main(String[] args) throws Exception {
        String databaseUrl = TestDatabase.fresh();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", databaseUrl,
                "datasources.default.username", TestDatabase.USER,
                "datasources.default.password", TestDatabase.PASSWORD,
                "chorus.surveys.dir", "surveys",
                "chorus.data-dir", java.nio.file.Files.createTempDirectory("chorus-bench-data").toString(),
                "chorus.rate-limits.api-per-minute", "0",
                "micronaut.server.port", "-1"))) {
            URI endpoint = server.getURI().resolve("/api/v1/surveys/" + SURVEY + "/responses");
            long versionId = versionId(databaseUrl);
            System.out.printf("Chorus API benchmark: %d clients, %d s (after %d s warm-up), %d cores, Java %s%n",
                    CLIENTS, SECONDS, WARMUP_SECONDS, Runtime.getRuntime().availableProcessors(),
                    Runtime.version());

            runApi(endpoint, WARMUP_SECONDS);
            Comparison comparison = interleaved(endpoint, databaseUrl, versionId, SECONDS, SLICE_SECONDS);

            System.out.println();
            comparison.api().print();
            comparison.plain().print();
            System.out.printf("API rate / plain insert rate: %.2f (slices: %s)%n", comparison.ratio(),
                    comparison.sliceRatios());
            if (comparison.ratio() < FLOOR) {
                System.out.printf("BELOW THE FLOOR of %.2f: the submission path has become much slower "
                        + "relative to the database (see README, Benchmarks).%n", FLOOR);
                System.exit(2);
            }
        }
    }

    /** Both sides of the comparison, summed over their slices, and each slice's own ratio. */
    public record Comparison(Result api, Result plain, List<String> sliceRatios) {
        public double ratio() {
            return api.perSecond() / plain.perSecond();
        }
    }

    /**
     * API and plain inserts in alternate slices of {@code slice} seconds until each side has had
     * {@code seconds}: both sides meet the same neighbours on a shared machine.
     */
    public static Comparison interleaved(URI endpoint, String databaseUrl, long versionId, int seconds, int slice)
            throws Exception {
        Result api = null;
        Result plain = null;
        List<String> ratios = new ArrayList<>();
        for (int done = 0; done < seconds; done += slice) {
            int length = Math.min(slice, seconds - done);
            Result a = runApi(endpoint, length);
            Result p = runPlainInserts(databaseUrl, versionId, length);
            ratios.add(String.format("%.2f", a.perSecond() / p.perSecond()));
            api = api == null ? a : api.plus(a);
            plain = plain == null ? p : plain.plus(p);
        }
        return new Comparison(api, plain, ratios);
    }

    /** A valid, varied Family Voice response as the API takes it. */
    static String answers() {
        var random = ThreadLocalRandom.current();
        String[] agreement = {"strongly-agree", "agree", "neither", "disagree", "strongly-disagree", "dont-know"};
        boolean ehcp = random.nextBoolean();
        StringBuilder json = new StringBuilder("{");
        json.append("\"ehcp_status\": \"").append(ehcp ? "ehcp" : "sen-support").append("\", ");
        json.append("\"child_age\": \"").append(new String[]{"0-4", "5-10", "11-15", "16-18"}[random.nextInt(4)])
                .append("\", \"primary_need\": \"asd\", \"school_phase\": \"secondary\", \"area\": \"north\", ");
        for (String key : List.of("needs_met_education", "needs_met_health", "needs_met_care", "feel_listened_to")) {
            json.append('"').append(key).append("\": \"").append(agreement[random.nextInt(agreement.length)])
                    .append("\", ");
        }
        json.append("\"local_offer_aware\": \"yes\", \"local_offer_found\": \"agree\", ");
        json.append("\"local_offer_used_for\": [\"services\", \"short-breaks\"], ");
        if (ehcp) {
            json.append("\"ehcp_weeks\": ").append(10 + random.nextInt(40))
                    .append(", \"annual_review_involved\": \"agree\", ");
        }
        json.append("\"transition_recent\": \"no\", \"recommend_support\": ").append(random.nextInt(11)).append(", ");
        json.append("\"biggest_difference\": \"Shorter waits for assessment and a named person who calls back. ")
                .append("Our family has waited months for speech and language therapy.\"}");
        return json.toString();
    }

    /** One client's connection: sends one complete response and says whether it was accepted. */
    private interface Client extends AutoCloseable {
        boolean sendOne() throws Exception;
    }

    private interface ClientFactory {
        Client open() throws Exception;
    }

    /** Runs CLIENTS clients in parallel for the given time; timing covers only accepted responses. */
    private static Result measure(String what, int seconds, ClientFactory factory) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Latencies all = new Latencies();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                Latencies mine = new Latencies();
                try (Client client = factory.open()) {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            if (client.sendOne()) {
                                mine.add(System.nanoTime() - t0);
                                ok.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                all.addAll(mine);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(what, ok.get(), (System.nanoTime() - started) / 1e9, all, errors.get());
    }

    public static Result runApi(URI endpoint, int seconds) throws InterruptedException {
        return measure("JSON API, " + CLIENTS + " clients", seconds, () -> {
            PlainHttpClient http = new PlainHttpClient(endpoint);
            return new Client() {
                @Override
                public boolean sendOne() throws Exception {
                    String body = "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answers\": " + answers() + "}";
                    return http.post(endpoint.getPath(), "application/json", body).status() == 201;
                }

                @Override
                public void close() {
                    http.close();
                }
            };
        });
    }

    /** The baseline: the same row, inserted by plain JDBC, one autocommitted statement each. */
    private static Result runPlainInserts(String databaseUrl, long versionId, int seconds) throws Exception {
        return measure("plain JDBC inserts, " + CLIENTS + " conns", seconds, () -> {
            Connection connection = TestDatabase.connect(databaseUrl);
            PreparedStatement insert = connection.prepareStatement("INSERT INTO responses (reference, "
                    + "survey_id, survey_version_id, channel, submission_id, answers) "
                    + "VALUES (?, ?, ?, 'api', ?, CAST(? AS jsonb))");
            return new Client() {
                @Override
                public boolean sendOne() throws Exception {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, SURVEY);
                    insert.setLong(3, versionId);
                    insert.setObject(4, UUID.randomUUID());
                    insert.setString(5, answers());
                    return insert.executeUpdate() == 1;
                }

                @Override
                public void close() throws Exception {
                    insert.close();
                    connection.close();
                }
            };
        });
    }

    public static long versionId(String databaseUrl) throws Exception {
        try (Connection connection = TestDatabase.connect(databaseUrl);
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT id FROM survey_versions WHERE survey_id = '" + SURVEY + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
