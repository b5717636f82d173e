package uk.chorus.load;

import uk.chorus.support.PlainHttpClient;
import uk.chorus.support.TestDatabase;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A load run against the service in its own process: simulated respondents complete the shipped
 * surveys page by page; optionally the service is killed with SIGKILL part-way and restarted.
 * Afterwards the database is checked: every acknowledged response is there exactly once, no draft
 * has two responses, and unfinished drafts still resume.
 */
public final class LoadRun {
    static final List<String> SURVEYS = List.of("family-voice-2026", "big-bang-2026");

    /**
     * @param crashAfterSeconds     kill the service with SIGKILL this far in, and restart it (0: never)
     * @param restartDatabaseAfter  stop PostgreSQL this far in for a few seconds, then start it (0: never)
     * @param heapEverySeconds      report the service's heap this often (0: never)
     */
    public record Settings(int users, int seconds, int thinkMillis, double doubleSubmitChance, int crashAfterSeconds,
                           int restartDatabaseAfter, int heapEverySeconds, int crashAfterAcknowledged) {
        public Settings(int users, int seconds, int thinkMillis, double doubleSubmitChance, int crashAfterSeconds) {
            this(users, seconds, thinkMillis, doubleSubmitChance, crashAfterSeconds, 0, 0, 0);
        }

        /**
         * A crash run that proves what it claims on a slow machine too: the service is killed once
         * {@code acknowledged} responses have been acknowledged (however long that takes, up to
         * {@code seconds}), and the run ends once as many more have been acknowledged after the
         * restart.
         */
        public static Settings crashAfterAcknowledged(int users, int acknowledged, int seconds) {
            return new Settings(users, seconds, 100, 0.2, 0, 0, 0, acknowledged);
        }
    }

    public record Result(LoadStats stats, double seconds, long acknowledged, long found, long missing,
                         long duplicates, long resumedDrafts, long drafts, double plainInsertsPerSecond,
                         long commentsInDatabase, long commentsInIndex) {
        public double perSecond() {
            return acknowledged / seconds;
        }

        public String report() {
            return stats.report() + String.format(
                    "completed respondents: %d in %.1f s = %.1f /s%nacknowledged %d, found exactly once %d, "
                            + "missing %d, duplicated %d; unfinished drafts resumed %d of %d%n"
                            + "plain JDBC inserts of the same response rows: %.0f /s (respondents / inserts = %.3f)%n"
                            + "written answers in the database %d, in the search index %d%n",
                    acknowledged, seconds, perSecond(), acknowledged, found, missing, duplicates, resumedDrafts, drafts,
                    plainInsertsPerSecond, perSecond() / plainInsertsPerSecond, commentsInDatabase, commentsInIndex);
        }
    }

    public static Result run(Settings settings) throws Exception {
        String databaseUrl = TestDatabase.fresh();
        // -Dload.jfr=/tmp/service.jfr records a Java Flight Recording of the service for profiling.
        String jfr = System.getProperty("load.jfr");
        Map<String, String> env = new java.util.HashMap<>(Map.of("CHORUS_ADMIN_EMAIL", ADMIN, "CHORUS_ADMIN_PASSWORD",
                ADMIN_PASSWORD));
        if (jfr != null) {
            env.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        try (ServiceProcess service = new ServiceProcess(databaseUrl, env)) {
            service.start();
            warmUp(service, Integer.getInteger("load.warmup", 10));
            LoadStats stats = new LoadStats();
            long started = System.nanoTime();
            long deadline = started + settings.seconds() * 1_000_000_000L;
            java.util.concurrent.atomic.AtomicBoolean enough = new java.util.concurrent.atomic.AtomicBoolean();
            List<Thread> users = new ArrayList<>();
            for (int i = 0; i < settings.users(); i++) {
                Random random = new Random(i);
                users.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < deadline && !enough.get()) {
                        SimulatedRespondent respondent = new SimulatedRespondent(service.uri(), stats, random,
                                settings.thinkMillis(), settings.doubleSubmitChance());
                        try {
                            respondent.complete(SURVEYS.get(random.nextInt(SURVEYS.size())));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            Thread heap = settings.heapEverySeconds() > 0 ? Thread.ofPlatform().daemon().start(() -> {
                try {
                    for (int minute = 1; ; minute++) {
                        Thread.sleep(settings.heapEverySeconds() * 1000L);
                        System.out.printf("heap after %d s: %d MiB used%n", minute * settings.heapEverySeconds(),
                                service.heapUsedMiB());
                    }
                } catch (Exception stopped) {
                    // the run is over
                }
            }) : null;
            if (settings.restartDatabaseAfter() > 0) {
                Thread.sleep(settings.restartDatabaseAfter() * 1000L);
                restartDatabase(stats);
            }
            AtomicReference<Exception> restartFailure = new AtomicReference<>();
            List<String> inFlightAtCrash = new ArrayList<>();
            if (settings.crashAfterAcknowledged() > 0) {
                waitForAcknowledged(stats, settings.crashAfterAcknowledged(), deadline);
                service.kill();
                stats.count("service killed");
                inFlightAtCrash.addAll(stats.unfinishedCodes);
                try {
                    service.start();
                    waitForAcknowledged(stats, 2 * settings.crashAfterAcknowledged(), deadline);
                } catch (Exception e) {
                    restartFailure.set(e);
                }
                enough.set(true);
            } else if (settings.crashAfterSeconds() > 0) {
                Thread.sleep(settings.crashAfterSeconds() * 1000L);
                service.kill();
                stats.count("service killed");
                inFlightAtCrash.addAll(stats.unfinishedCodes);
                try {
                    service.start();
                } catch (Exception e) {
                    restartFailure.set(e);
                }
            }
            for (Thread user : users) {
                user.join();
            }
            if (heap != null) {
                heap.interrupt();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (restartFailure.get() != null) {
                throw restartFailure.get();
            }
            return check(databaseUrl, service.uri(), stats, seconds, inFlightAtCrash);
        }
    }

    private static void waitForAcknowledged(LoadStats stats, int wanted, long deadline) throws InterruptedException {
        while (stats.acknowledged().size() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /**
     * A freshly started JVM answers its first requests slowly while it compiles; a few families
     * go through every page first, and what they see is not counted.
     */
    private static void warmUp(ServiceProcess service, int seconds) throws InterruptedException {
        LoadStats discarded = new LoadStats();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> warmers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Random random = new Random(-1 - i);
            warmers.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        new SimulatedRespondent(service.uri(), discarded, random, 0, 0.1)
                                .complete(SURVEYS.get(random.nextInt(SURVEYS.size())));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread warmer : warmers) {
            warmer.join();
        }
    }

    /** Stops the machine's PostgreSQL cluster for five seconds under load, then starts it again. */
    private static void restartDatabase(LoadStats stats) throws Exception {
        String version;
        try (var versions = java.nio.file.Files.list(java.nio.file.Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).sorted().reduce((x, y) -> y).orElseThrow();
        }
        pgctl(version, "stop");
        stats.count("database stopped");
        Thread.sleep(5000);
        pgctl(version, "start");
    }

    private static void pgctl(String version, String action) throws Exception {
        Process process = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action)
                .inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pg_ctlcluster " + action + " failed");
        }
    }

    private static Result check(String databaseUrl, URI uri, LoadStats stats, double seconds,
                                List<String> inFlightAtCrash) throws Exception {
        long found = 0;
        long duplicates;
        try (Connection connection = TestDatabase.connect(databaseUrl);
             PreparedStatement exactlyOnce = connection.prepareStatement(
                     "SELECT count(*) FROM responses WHERE reference = ?")) {
            for (String reference : stats.acknowledged()) {
                exactlyOnce.setString(1, reference);
                try (ResultSet rs = exactlyOnce.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 1) {
                        found++;
                    }
                }
            }
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT (SELECT count(*) FROM responses WHERE draft_id IS NOT NULL) "
                            + "- (SELECT count(DISTINCT draft_id) FROM responses WHERE draft_id IS NOT NULL) "
                            + "+ (SELECT count(*) FROM drafts d WHERE d.response_id IS NOT NULL AND NOT EXISTS "
                            + "(SELECT 1 FROM responses r WHERE r.id = d.response_id AND r.draft_id = d.id))")) {
                rs.next();
                duplicates = rs.getLong(1);
            }
        }
        // Every draft that was in flight when the service was killed, and any left unfinished, can
        // be picked up again with its resume code.
        long resumed = 0;
        List<String> unfinished = new ArrayList<>(inFlightAtCrash);
        unfinished.addAll(stats.unfinishedCodes);
        try (PlainHttpClient http = new PlainHttpClient(uri)) {
            for (String code : unfinished) {
                for (String survey : SURVEYS) {
                    PlainHttpClient.Reply reply = http.post("/s/" + survey + "/resume",
                            "application/x-www-form-urlencoded", "code=" + code);
                    if (reply.status() == 303) {
                        resumed++;
                        break;
                    }
                }
            }
        }
        long acknowledged = stats.acknowledged().size();
        long written = writtenAnswers(databaseUrl);
        return new Result(stats, seconds, acknowledged, found, acknowledged - found, duplicates, resumed,
                unfinished.size(), plainInsertRate(databaseUrl), written, indexedWhenCaughtUp(uri, written));
    }

    static final String ADMIN = "load-admin@example.org";
    static final String ADMIN_PASSWORD = "load admin passphrase";

    /** Written answers the database holds: what the search index must hold once it has caught up. */
    private static long writtenAnswers(String databaseUrl) throws Exception {
        java.util.Set<String> textKeys = new java.util.HashSet<>();
        for (String survey : SURVEYS) {
            var definition = new uk.chorus.surveys.SurveyFileParser().parse(survey + ".yml",
                    java.nio.file.Files.readString(java.nio.file.Path.of("surveys", survey + ".yml"))).definition().orElseThrow();
            definition.questions().filter(q -> q.type().isText()).forEach(q -> textKeys.add(q.key()));
        }
        try (Connection connection = TestDatabase.connect(databaseUrl);
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM responses r, "
                     + "jsonb_each_text(r.answers) AS a WHERE a.key = ANY (?) AND btrim(a.value) <> ''")) {
            count.setArray(1, connection.createArrayOf("text", textKeys.toArray()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * How many comments the service's search index holds once it has caught up with the database
     * (read from its status page as an administrator), waiting up to half a minute.
     */
    private static long indexedWhenCaughtUp(URI uri, long expected) throws Exception {
        uk.chorus.support.StaffClient admin = new uk.chorus.support.StaffClient(uri);
        admin.signIn(ADMIN, ADMIN_PASSWORD);
        long indexed = -1;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            var page = admin.get("/staff/themes/index").document();
            String shown = page.select("dt:contains(Comments in the index) + dd").text().replace(",", "");
            indexed = shown.isEmpty() ? -1 : Long.parseLong(shown);
            if (indexed == expected) {
                break;
            }
            Thread.sleep(250);
        }
        return indexed;
    }

    /**
     * The baseline for the same run: the stored response rows inserted again by plain JDBC, one
     * autocommitted statement each from 16 connections, into a copy of the table.
     */
    private static double plainInsertRate(String databaseUrl) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(databaseUrl);
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT survey_id, survey_version_id, answers::text FROM responses")) {
            while (rs.next()) {
                rows.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
            }
            connection.createStatement().execute("CREATE TABLE baseline_responses (LIKE responses INCLUDING ALL)");
        }
        if (rows.isEmpty()) {
            return Double.NaN;
        }
        int connections = 16;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            writers.add(Thread.ofPlatform().start(() -> {
                try (Connection connection = TestDatabase.connect(databaseUrl);
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO baseline_responses "
                             + "(reference, survey_id, survey_version_id, channel, submission_id, answers) "
                             + "VALUES (?, ?, ?, 'api', ?, CAST(? AS jsonb))")) {
                    for (int i = next.getAndIncrement(); i < rows.size(); i = next.getAndIncrement()) {
                        insert.setString(1, java.util.UUID.randomUUID().toString());
                        insert.setString(2, rows.get(i)[0]);
                        insert.setLong(3, Long.parseLong(rows.get(i)[1]));
                        insert.setObject(4, java.util.UUID.randomUUID());
                        insert.setString(5, rows.get(i)[2]);
                        insert.executeUpdate();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        return rows.size() / ((System.nanoTime() - started) / 1e9);
    }
}
