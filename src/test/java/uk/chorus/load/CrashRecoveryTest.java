package uk.chorus.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short crash run: families complete surveys through the HTML forms, pressing buttons twice now
 * and then, while the service is killed with SIGKILL and restarted. Nothing acknowledged is lost,
 * nothing is stored twice, every draft that was in flight resumes, and the search index catches up.
 */
class CrashRecoveryTest {

    @Test
    void nothingAcknowledgedIsLostWhenTheServiceIsKilledMidLoad() throws Exception {
        // Killed only once 25 responses have been acknowledged, however slow the machine; the run
        // then goes on until 25 more are acknowledged by the restarted service (at most 3 minutes).
        LoadRun.Result result = LoadRun.run(LoadRun.Settings.crashAfterAcknowledged(16, 25, 180));
        System.out.println(result.report());
        assertThat(result.stats().counter("service killed")).isEqualTo(1);
        assertThat(result.acknowledged()).isGreaterThanOrEqualTo(50);
        assertThat(result.missing()).isZero();
        assertThat(result.duplicates()).isZero();
        assertThat(result.found()).isEqualTo(result.acknowledged());
        assertThat(result.resumedDrafts()).isEqualTo(result.drafts());
        assertThat(result.stats().counter("double submit landed elsewhere")).isZero();
        assertThat(result.stats().counter("5xx other than 503")).isZero();
        assertThat(result.stats().counter("gave up")).isZero();
        // The search index, killed with the service, catches up with every written answer.
        assertThat(result.commentsInDatabase()).isPositive();
        assertThat(result.commentsInIndex()).isEqualTo(result.commentsInDatabase());
    }
}
