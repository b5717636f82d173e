package uk.chorus.results;

import io.micronaut.context.annotation.ConfigurationProperties;

/** How results judge change (CHORUS_VERDICT_MINIMUM). */
@ConfigurationProperties("chorus.results")
public class ResultsConfiguration {
    /** Below about 30 a share's interval is so wide that a verdict says more about chance than change. */
    static final int DEFAULT_VERDICT_MINIMUM = 30;

    private int verdictMinimum = DEFAULT_VERDICT_MINIMUM;

    /**
     * The fewest people in each wave a verdict may rest on; below it the figures are shown, marked
     * "too few to say". Never fewer than the survey's smallest publishable group.
     */
    public int getVerdictMinimum() {
        return verdictMinimum;
    }

    public void setVerdictMinimum(int verdictMinimum) {
        this.verdictMinimum = Math.max(1, verdictMinimum);
    }
}
