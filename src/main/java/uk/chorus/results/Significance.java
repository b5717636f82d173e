package uk.chorus.results;

/**
 * The arithmetic behind "improved", "no clear change" and "worse", with 95% intervals. Wilson's
 * score interval for a proportion (good for small groups and shares near 0 or 100%); Newcombe's
 * hybrid score interval for the difference of two independent proportions (his method 10, 1998);
 * Welch's interval for the difference of two means; and the margin of error of a share from a
 * sample of a known population.
 */
final class Significance {
    static final double Z95 = 1.959963984540054;

    private Significance() {
    }

    /** Lower and upper 95% bounds of a proportion of successes out of n. */
    static double[] wilson(double successes, double n) {
        if (n <= 0) {
            return new double[]{0, 1};
        }
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** The 95% interval of p2 - p1 (second wave minus first), Newcombe's hybrid score method. */
    static double[] newcombe(double x1, double n1, double x2, double n2) {
        double p1 = x1 / n1;
        double p2 = x2 / n2;
        double[] w1 = wilson(x1, n1);
        double[] w2 = wilson(x2, n2);
        double d = p2 - p1;
        double lower = d - Math.sqrt(Math.pow(p2 - w2[0], 2) + Math.pow(w1[1] - p1, 2));
        double upper = d + Math.sqrt(Math.pow(w2[1] - p2, 2) + Math.pow(p1 - w1[0], 2));
        return new double[]{lower, upper};
    }

    /** The 95% interval of mean2 - mean1 (Welch, normal approximation: waves are large enough). */
    static double[] welch(double mean1, double variance1, double n1, double mean2, double variance2, double n2) {
        double d = mean2 - mean1;
        double se = Math.sqrt(variance1 / n1 + variance2 / n2);
        return new double[]{d - Z95 * se, d + Z95 * se};
    }

    /**
     * The 95% margin of error, in proportion, of a share measured from n respondents out of a
     * population of size N (the worst case, a share of 50%, with the finite population correction).
     */
    static double marginOfError(double n, double population) {
        if (n <= 0) {
            return 1;
        }
        double correction = population > 1 && population >= n ? Math.sqrt((population - n) / (population - 1)) : 1;
        return Z95 * Math.sqrt(0.25 / n) * correction;
    }

    /** Kish's effective sample size of weighted respondents: (sum w)^2 / sum w^2. */
    static double effectiveSize(double sumOfWeights, double sumOfSquaredWeights) {
        return sumOfSquaredWeights == 0 ? 0 : sumOfWeights * sumOfWeights / sumOfSquaredWeights;
    }
}
