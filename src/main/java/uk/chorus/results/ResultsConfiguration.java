package uk.chorus.results;

import io.micronaut.context.annotation.ConfigurationProperties;

/** How results judge change (CHORUS_VERDICT_MINIMUM) and how long disclosure control may try (CHORUS_DISCLOSURE_ROUNDS). */
@ConfigurationProperties("chorus.results")
public class ResultsConfiguration {
    /** Below about 30 a share's interval is so wide that a verdict says more about chance than change. */
    static final int DEFAULT_VERDICT_MINIMUM = 30;

    private int verdictMinimum = DEFAULT_VERDICT_MINIMUM;
    private int disclosureRounds = DisclosureModel.mostRounds();
    private boolean signOff;
    private java.time.Duration publishPatience = java.time.Duration.ofSeconds(3);

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

    /**
     * The most rounds of attack and secondary suppression before a publication is refused. Each
     * round costs seconds at a large wave; more rounds may let a hard wave pass, fewer refuse sooner.
     */
    public int getDisclosureRounds() {
        return disclosureRounds;
    }

    public void setDisclosureRounds(int disclosureRounds) {
        this.disclosureRounds = Math.max(1, Math.min(disclosureRounds, 200));
    }

    /**
     * How long a publish or audit request waits for its check before handing over to the progress
     * page: a small wave is answered at once, a large one shows how far it has gone.
     */
    public java.time.Duration getPublishPatience() {
        return publishPatience;
    }

    public void setPublishPatience(java.time.Duration publishPatience) {
        this.publishPatience = publishPatience.isNegative() ? java.time.Duration.ZERO : publishPatience;
    }

    /** Whether a wave's results must be agreed by the forum they concern before they are published. */
    public boolean isSignOff() {
        return signOff;
    }

    public void setSignOff(boolean signOff) {
        this.signOff = signOff;
    }
}
