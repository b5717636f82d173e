package uk.chorus.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The intervals behind the verdicts, against published worked examples. */
class SignificanceTest {

    @Test
    void wilsonMatchesTheTextbook() {
        // Newcombe (1998), Statistics in Medicine 17:857-872, table I: 81/263 gives 0.2553 to 0.3662.
        double[] interval = Significance.wilson(81, 263);
        assertThat(interval[0]).isCloseTo(0.2553, within(0.0001));
        assertThat(interval[1]).isCloseTo(0.3662, within(0.0001));
        // At the edges it stays inside 0..1 and is not of zero width.
        assertThat(Significance.wilson(0, 10)[0]).isZero();
        assertThat(Significance.wilson(0, 10)[1]).isCloseTo(0.2775, within(0.0001));
    }

    @Test
    void newcombesHybridScoreIntervalMatchesHisPaper() {
        // Newcombe (1998), table II, method 10: 56/70 minus 48/80 gives 0.0524 to 0.3339.
        double[] interval = Significance.newcombe(48, 80, 56, 70);
        assertThat(interval[0]).isCloseTo(0.0524, within(0.0001));
        assertThat(interval[1]).isCloseTo(0.3339, within(0.0001));
        // 9/10 minus 3/10: 0.1705 to 0.8090.
        interval = Significance.newcombe(3, 10, 9, 10);
        assertThat(interval[0]).isCloseTo(0.1705, within(0.0001));
        assertThat(interval[1]).isCloseTo(0.8090, within(0.0001));
    }

    @Test
    void marginOfErrorShrinksWithTheSampleAndTheShareOfThePopulationAsked() {
        // 600 answers from a population too large to matter: about 4.0 points.
        assertThat(Significance.marginOfError(600, 1_000_000)).isCloseTo(0.0400, within(0.0005));
        // 600 out of 1,000 asked: the finite population correction brings it to about 2.5 points.
        assertThat(Significance.marginOfError(600, 1000)).isCloseTo(0.0253, within(0.0005));
        // Everyone answered: no sampling error.
        assertThat(Significance.marginOfError(1000, 1000)).isZero();
    }

    @Test
    void effectiveSampleSizeFallsAsWeightsSpreadOut() {
        assertThat(Significance.effectiveSize(100, 100)).isEqualTo(100);
        // Half weighted 0.5, half 1.5 (100 people): sum 100, sum of squares 125, effective 80.
        assertThat(Significance.effectiveSize(100, 125)).isEqualTo(80);
    }
}
