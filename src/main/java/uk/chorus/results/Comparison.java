package uk.chorus.results;

/**
 * One measure in two waves, and what changed, said honestly: the change, its 95% interval
 * (Newcombe's method for shares, Welch's t for means), the p-value that goes with that interval
 * and a verdict a board member can read. When the interval spans no change, there is "no clear
 * change", however large the change looks. A wave or group below the minimum for a verdict gives
 * "too few to say" (its figures are still shown where they may be).
 */
record Comparison(double before, double after, double change, double lower, double upper, double p, Verdict verdict,
                  long beforeBase, long afterBase) {

    enum Verdict {
        IMPROVED("results.verdict.improved"), WORSE("results.verdict.worse"), NO_CLEAR_CHANGE("results.verdict.same"),
        WENT_UP("results.verdict.up"), WENT_DOWN("results.verdict.down"), TOO_FEW("results.verdict.too.few");

        final String key;

        Verdict(String key) {
            this.key = key;
        }

        boolean clear() {
            return this == IMPROVED || this == WORSE || this == WENT_UP || this == WENT_DOWN;
        }
    }

    /**
     * Compares a measure; {@code direction} +1 when higher is better, -1 when lower is, 0 when
     * neither; {@code minimum} the fewest people in each wave a verdict may rest on.
     */
    static Comparison of(Measures.Measure before, Measures.Measure after, int direction, int minimum) {
        if (before.size() < minimum || after.size() < minimum) {
            return new Comparison(before.value(), after.value(), after.value() - before.value(), Double.NaN,
                    Double.NaN, Double.NaN, Verdict.TOO_FEW, before.size(), after.size());
        }
        double lower;
        double upper;
        double p;
        if (before.isMean()) {
            Significance.Welch welch = Significance.welch(before.mean().mean(), before.mean().variance(),
                    before.mean().n(), after.mean().mean(), after.mean().variance(), after.mean().n());
            lower = welch.lower();
            upper = welch.upper();
            p = welch.p();
        } else {
            double[] interval = Significance.newcombe(before.successes(), before.base(), after.successes(), after.base());
            lower = interval[0];
            upper = interval[1];
            p = Significance.newcombeP(before.successes(), before.base(), after.successes(), after.base());
        }
        double change = after.value() - before.value();
        Verdict verdict = lower <= 0 && upper >= 0 ? Verdict.NO_CLEAR_CHANGE : clear(change, direction);
        return new Comparison(before.value(), after.value(), change, lower, upper, p, verdict, before.size(),
                after.size());
    }

    /** The verdict of a change judged real. */
    static Verdict clear(double change, int direction) {
        if (direction == 0) {
            return change > 0 ? Verdict.WENT_UP : Verdict.WENT_DOWN;
        }
        return change * direction > 0 ? Verdict.IMPROVED : Verdict.WORSE;
    }
}
