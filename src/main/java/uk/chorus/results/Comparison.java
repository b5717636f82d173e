package uk.chorus.results;

/**
 * One measure in two waves, and what changed, said honestly: the change, its 95% interval
 * (Newcombe's method for shares, Welch's for means) and a verdict a board member can read. When
 * the interval spans no change, there is "no clear change", however large the change looks. A
 * wave or group too small to publish gives no figures at all.
 */
record Comparison(double before, double after, double change, double lower, double upper, Verdict verdict,
                  long beforeBase, long afterBase) {

    enum Verdict {
        IMPROVED("results.verdict.improved"), WORSE("results.verdict.worse"), NO_CLEAR_CHANGE("results.verdict.same"),
        WENT_UP("results.verdict.up"), WENT_DOWN("results.verdict.down"), TOO_FEW("results.verdict.too.few");

        final String key;

        Verdict(String key) {
            this.key = key;
        }
    }

    /** Compares a measure; {@code direction} +1 when higher is better, -1 when lower is, 0 when neither. */
    static Comparison of(Measures.Measure before, Measures.Measure after, int direction, int smallestGroup) {
        if (before.size() < smallestGroup || after.size() < smallestGroup) {
            return new Comparison(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.TOO_FEW,
                    before.size(), after.size());
        }
        double[] interval = before.isMean()
                ? Significance.welch(before.mean().mean(), before.mean().variance(), before.mean().n(),
                after.mean().mean(), after.mean().variance(), after.mean().n())
                : Significance.newcombe(before.successes(), before.base(), after.successes(), after.base());
        double change = after.value() - before.value();
        Verdict verdict;
        if (interval[0] <= 0 && interval[1] >= 0) {
            verdict = Verdict.NO_CLEAR_CHANGE;
        } else if (direction == 0) {
            verdict = change > 0 ? Verdict.WENT_UP : Verdict.WENT_DOWN;
        } else {
            verdict = change * direction > 0 ? Verdict.IMPROVED : Verdict.WORSE;
        }
        return new Comparison(before.value(), after.value(), change, interval[0], interval[1], verdict, before.size(),
                after.size());
    }
}
