package uk.chorus.bench;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.support.ChorusTest;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short run of the API benchmark in the suite, so a change that makes submissions much slower
 * relative to the database is noticed before it lands: JSON API submissions against plain inserts
 * of the same rows, alternating in two-second slices on the same machine at the same time. The
 * floor is generous: on our shared 2-core machine at a load average of 20 (four builds at once)
 * this gave 0.25, against 0.8 and more on a quiet one, so neighbours' builds cannot fail it; what
 * it catches is a submission path several times slower. The benchmark itself (bench.floor 0.5)
 * is the check that catches a halving, run on a quiet machine before its figures go in the README.
 */
@MicronautTest(transactional = false)
class SubmissionRateTest extends ChorusTest {
    private static final double FLOOR = Double.parseDouble(System.getProperty("chorus.test.rate-floor", "0.15"));

    @Test
    void apiSubmissionsKeepUpWithPlainInserts() throws Exception {
        URI endpoint = server.getURI().resolve("/api/v1/surveys/family-voice-2026/responses");
        ApiSubmissionBenchmark.runApi(endpoint, 2);
        var comparison = ApiSubmissionBenchmark.interleaved(endpoint, databaseUrl,
                ApiSubmissionBenchmark.versionId(databaseUrl), 6, 2);
        System.out.printf("API / plain inserts %.2f (slices %s): %.0f/s against %.0f/s%n", comparison.ratio(),
                comparison.sliceRatios(), comparison.api().perSecond(), comparison.plain().perSecond());
        assertThat(comparison.api().errors()).isZero();
        assertThat(comparison.ratio()).as("API submissions per second / plain inserts per second")
                .isGreaterThanOrEqualTo(FLOOR);
    }
}
