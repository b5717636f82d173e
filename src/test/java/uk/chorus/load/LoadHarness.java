package uk.chorus.load;

/**
 * The load harness, run by hand: JAVA_HOME=$(.ci/java-home) mvn -B -Pload test-compile exec:java
 * Settings (system properties): load.users (50), load.seconds (60), load.think-ms (300),
 * load.double (0.1, the share of buttons pressed twice), load.crash-after (0 = no crash; else
 * seconds into the run when the service is killed with SIGKILL and restarted), load.restart-db-after
 * (0; else seconds into the run when PostgreSQL is stopped for 5 s, without restarting the service),
 * load.heap-every (0; else seconds between reports of the service's heap, for soak runs),
 * load.warmup (10: seconds of uncounted traffic first, while the service's JVM compiles),
 * load.crash-after-acknowledged (0: SIGKILL the service once this many responses are acknowledged).
 */
public final class LoadHarness {
    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadRun.Settings settings = new LoadRun.Settings(
                Integer.getInteger("load.users", 50),
                Integer.getInteger("load.seconds", 60),
                Integer.getInteger("load.think-ms", 300),
                Double.parseDouble(System.getProperty("load.double", "0.1")),
                Integer.getInteger("load.crash-after", 0),
                Integer.getInteger("load.restart-db-after", 0),
                Integer.getInteger("load.heap-every", 0),
                Integer.getInteger("load.crash-after-acknowledged", 0));
        System.out.printf("Chorus load harness: %s, %d cores, Java %s%n", settings,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        LoadRun.Result result = LoadRun.run(settings);
        System.out.println(result.report());
        System.exit(result.missing() == 0 && result.duplicates() == 0 ? 0 : 1);
    }
}
