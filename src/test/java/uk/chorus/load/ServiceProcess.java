package uk.chorus.load;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service as its own operating-system process, as it runs in production, so a test can kill
 * it with SIGKILL mid-request and start it again on the same database.
 */
public final class ServiceProcess implements AutoCloseable {
    private final String databaseUrl;
    private final Map<String, String> extraEnv;
    private final int port;
    private final Path log;
    private Process process;

    private final Path dataDir;

    public ServiceProcess(String databaseUrl, Map<String, String> extraEnv) throws IOException {
        this.databaseUrl = databaseUrl;
        this.extraEnv = extraEnv;
        this.port = freePort();
        this.log = Files.createTempFile("chorus-service-", ".log");
        // Each service has its own search index, kept across its restarts (as on a real server).
        this.dataDir = Files.createTempDirectory("chorus-service-data-");
    }

    public Path dataDir() {
        return dataDir;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    public void start() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // chorus.service.jar runs the packaged artifact instead (after `./mvnw package`, e.g.
        // `./mvnw surefire:test -Dtest=CrashRecoveryTest -Dchorus.service.jar=target/chorus.jar`):
        // the test phase comes before the jar exists, so the suite itself runs the classes.
        String jar = System.getProperty("chorus.service.jar");
        List<String> command;
        if (jar != null) {
            command = new ArrayList<>(List.of(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-jar", jar));
        } else {
            // load.classes lets a long soak run on a snapshot of the classes while work goes on.
            String classpath = System.getProperty("load.classes", "target/classes") + File.pathSeparator
                    + Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
            command = new ArrayList<>(List.of(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp", classpath,
                    "uk.chorus.Application"));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("DATABASE_USER", uk.chorus.support.TestDatabase.USER);
        builder.environment().put("DATABASE_PASSWORD", uk.chorus.support.TestDatabase.PASSWORD);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("CHORUS_SURVEYS_DIR", "surveys");
        // Surveys open to families only once they have a person to contact.
        builder.environment().put("CHORUS_CONTACT_EMAIL", "send.coproduction@example.org");
        builder.environment().put("CHORUS_DATA_DIR", dataDir.toString());
        // All simulated families come from 127.0.0.1, as if one school shared one address.
        builder.environment().put("CHORUS_PAGE_RATE_LIMIT", "0");
        builder.environment().put("CHORUS_NEW_DRAFT_RATE_LIMIT", "0");
        builder.environment().put("CHORUS_API_RATE_LIMIT", "0");
        builder.environment().putAll(extraEnv);
        process = builder.start();
        waitUntilHealthy(Duration.ofSeconds(60));
    }

    public long pid() {
        return process.pid();
    }

    /** Heap in use after a full collection, in MiB, read with jcmd (as an operator would). */
    public long heapUsedMiB() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        run(jcmd.toString(), Long.toString(pid()), "GC.run");
        String info = run(jcmd.toString(), Long.toString(pid()), "GC.heap_info");
        var matcher = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        return matcher.find() ? Long.parseLong(matcher.group(1)) / 1024 : -1;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return output;
    }

    /** SIGKILL: no shutdown hooks, no draining, exactly what a crash or an OOM kill does. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private void waitUntilHealthy(Duration limit) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped while starting; see " + log + ":\n"
                        + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) uri().resolve("/health").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(1000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The service did not become healthy in " + limit + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
