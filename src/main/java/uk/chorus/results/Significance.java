package uk.chorus.results;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;
import org.apache.commons.statistics.inference.TTest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The arithmetic behind "improved", "no clear change" and "worse", with 95% intervals. Wilson's
 * score interval for a proportion (good for small groups and shares near 0 or 100%); Newcombe's
 * hybrid score interval for the difference of two independent proportions (his method 10, 1998);
 * Welch's t interval for the difference of two means with Satterthwaite's degrees of freedom (a
 * z of 1.96 is too narrow for small groups); Benjamini and Hochberg's control of the false
 * discovery rate across many tests; the chi-square test of independence; and the margin of error
 * of a share from a sample of a known population. Quantiles and tests come from Apache Commons
 * Statistics rather than our own approximations.
 */
final class Significance {
    /** The false discovery rate (and the two-sided level of every single test). */
    static final double ALPHA = 0.05;
    static final double Z95 = NormalDistribution.of(0, 1).inverseSurvivalProbability(ALPHA / 2);

    private Significance() {
    }

    /** Lower and upper 95% bounds of a proportion of successes out of n. */
    static double[] wilson(double successes, double n) {
        return wilson(successes, n, Z95);
    }

    private static double[] wilson(double successes, double n, double z) {
        if (n <= 0) {
            return new double[]{0, 1};
        }
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** The 95% interval of p2 - p1 (second wave minus first), Newcombe's hybrid score method. */
    static double[] newcombe(double x1, double n1, double x2, double n2) {
        return newcombe(x1, n1, x2, n2, Z95);
    }

    private static double[] newcombe(double x1, double n1, double x2, double n2, double z) {
        double p1 = x1 / n1;
        double p2 = x2 / n2;
        double[] w1 = wilson(x1, n1, z);
        double[] w2 = wilson(x2, n2, z);
        double d = p2 - p1;
        double lower = d - Math.sqrt(Math.pow(p2 - w2[0], 2) + Math.pow(w1[1] - p1, 2));
        double upper = d + Math.sqrt(Math.pow(w2[1] - p2, 2) + Math.pow(p1 - w1[0], 2));
        return new double[]{lower, upper};
    }

    /**
     * The two-sided p-value that goes with Newcombe's interval: the smallest level at which the
     * interval no longer spans no change. Found by bisection, so that a test and its interval never
     * disagree (p below 0.05 exactly when the 95% interval leaves out zero).
     */
    static double newcombeP(double x1, double n1, double x2, double n2) {
        if (n1 <= 0 || n2 <= 0) {
            return 1;
        }
        if (x1 / n1 == x2 / n2) {
            return 1;
        }
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double low = 1e-12;
        double high = 1;
        for (int i = 0; i < 60; i++) {
            double alpha = Math.sqrt(low * high);
            double[] interval = newcombe(x1, n1, x2, n2, normal.inverseSurvivalProbability(alpha / 2));
            boolean spansZero = interval[0] <= 0 && interval[1] >= 0;
            if (spansZero) {
                low = alpha;
            } else {
                high = alpha;
            }
        }
        return high;
    }

    /** A difference of two means: mean2 - mean1, its 95% interval, degrees of freedom and p-value. */
    record Welch(double difference, double lower, double upper, double degreesOfFreedom, double p) {
    }

    /** Welch's t interval and test of mean2 - mean1, with Satterthwaite's degrees of freedom. */
    static Welch welch(double mean1, double variance1, long n1, double mean2, double variance2, long n2) {
        double d = mean2 - mean1;
        double se = Math.sqrt(variance1 / n1 + variance2 / n2);
        if (n1 < 2 || n2 < 2 || se == 0 || Double.isNaN(se)) {
            // No spread in either wave: the difference is exact, whatever it is.
            return new Welch(d, d, d, Double.NaN, d == 0 ? 1 : 0);
        }
        TTest.Result result = TTest.withDefaults().test(mean1, variance1, n1, mean2, variance2, n2);
        double t = TDistribution.of(result.getDegreesOfFreedom()).inverseSurvivalProbability(ALPHA / 2);
        return new Welch(d, d - t * se, d + t * se, result.getDegreesOfFreedom(), result.getPValue());
    }

    /**
     * Benjamini and Hochberg's step-up procedure: which of these p-values are discoveries while the
     * expected share of false ones among them stays at most {@code q}. NaN p-values are never
     * discoveries and do not count as tests.
     */
    static boolean[] benjaminiHochberg(double[] p, double q) {
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        int m = order.length;
        int largest = -1;
        for (int k = 0; k < m; k++) {
            if (p[order[k]] <= (k + 1) * q / m) {
                largest = k;
            }
        }
        boolean[] discovery = new boolean[p.length];
        for (int k = 0; k <= largest; k++) {
            discovery[order[k]] = true;
        }
        return discovery;
    }

    /**
     * A chi-square test of independence on a table of counts (rows and columns with no one in them
     * left out first), with its assumption checked: Cochran's rule that no expected count is below
     * 1 and no more than a fifth are below 5.
     */
    record ChiSquare(double statistic, int degreesOfFreedom, double p, double smallestExpected,
                     double shareExpectedBelowFive, boolean assumptionsMet) {
    }

    /** Null when fewer than two rows or columns have anyone in them: nothing to test. */
    static ChiSquare chiSquare(long[][] counts) {
        long[][] kept = Arrays.stream(counts).filter(row -> Arrays.stream(row).sum() > 0).toArray(long[][]::new);
        if (kept.length < 2) {
            return null;
        }
        int[] columns = IntStream.range(0, kept[0].length)
                .filter(c -> Arrays.stream(kept).mapToLong(row -> row[c]).sum() > 0).toArray();
        if (columns.length < 2) {
            return null;
        }
        long[][] table = new long[kept.length][columns.length];
        for (int r = 0; r < kept.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                table[r][c] = kept[r][columns[c]];
            }
        }
        long total = Arrays.stream(table).flatMapToLong(Arrays::stream).sum();
        double smallest = Double.MAX_VALUE;
        int belowFive = 0;
        for (long[] row : table) {
            long rowTotal = Arrays.stream(row).sum();
            for (int c = 0; c < columns.length; c++) {
                int column = c;
                long columnTotal = Arrays.stream(table).mapToLong(x -> x[column]).sum();
                double expected = rowTotal * (double) columnTotal / total;
                smallest = Math.min(smallest, expected);
                belowFive += expected < 5 ? 1 : 0;
            }
        }
        double shareBelowFive = belowFive / (double) (table.length * columns.length);
        SignificanceResult result = ChiSquareTest.withDefaults().test(table);
        return new ChiSquare(result.getStatistic(), (table.length - 1) * (columns.length - 1), result.getPValue(),
                smallest, shareBelowFive, smallest >= 1 && shareBelowFive <= 0.2);
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
