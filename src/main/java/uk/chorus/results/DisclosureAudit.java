package uk.chorus.results;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The attack, built in: every published figure of a wave read as linear equations and bounds over
 * non-negative counts, as an outside attacker with an integer-programming solver would read them,
 * and for every withheld figure the smallest and largest value it could still take. The rule:
 * every withheld count below the threshold has a range spanning at least {@code threshold}
 * values (5: 0 to 4, or 2 to 6, will do; 1 to 3 will not). As in tau-Argus, larger figures
 * withheld only to protect those carry no protection interval of their own.
 *
 * <p>What the attacker knows of each figure: a published exact count is fixed; a count published
 * rounded to 5 as r lies in [r - 2, r + 2], and, since smaller counts are withheld, at or above
 * the threshold; a withheld figure is any count from 0 up. Equations tie them: a row's options add
 * up to its total and base, groups add up to everyone, a cross-table and its transpose are the
 * same people, a required question's row equals its group's size, a mean times its base is a sum.
 *
 * <p>Solving every figure of a wave in one linear programme is too slow for ojAlgo's simplex at
 * this size (thousands of variables), so the figures are in blocks: one per question (its overall
 * row and every breakdown of it) and one for the about-you questions (their cross-tables, the
 * group sizes, the number of responses, the quarters). Blocks share only the group sizes, the
 * responses and the quarters. Each shared withheld figure is bounded in every block that uses it
 * and its bounds intersected before the blocks are solved for their own figures, so a difference
 * seen in one question (a group of 53, 51 of whom answered) bounds the group everywhere. Within a
 * block the bounds are exact for the linear programme; across blocks this is bound propagation,
 * which can miss a narrowing that needs two questions' equations at once beyond the group sizes'
 * bounds; the shared bounds are passed back and forth until no block narrows them, and an
 * outside joint solve of a 600-response wave (HiGHS, all tables at once) found the same faults. A figure is counted at fault when the whole integers in its linear-programme range are
 * fewer than the threshold (the integer range can only be narrower, so such a fault is certain).
 *
 * <p>Speed: a few solves with every withheld figure in the objective (all up, all down, and
 * random directions) give feasible points that already show most figures' ranges are wide; only
 * the rest are solved one by one, up and down.
 */
final class DisclosureAudit {
    /** Larger than any count a survey will have: the upper bound of a withheld figure. */
    static final double NO_LIMIT = 10_000_000;
    private static final int RANDOM_DIRECTIONS = 6;
    private static final double TOLERANCE = 1e-5;
    private static final int MOST_PROPAGATION_ROUNDS = 6;

    private DisclosureAudit() {
    }

    /** One linear relation between figures: lower <= sum(coefficient * figure) <= upper. */
    record Constraint(int[] figures, double[] coefficients, double lower, double upper) {
        static Constraint equal(int[] figures, double[] coefficients, double value) {
            return new Constraint(figures, coefficients, value, value);
        }
    }

    /**
     * The figures of a wave as the attacker sees them: a label for each, its bounds (from what is
     * published), whether it is withheld, its block (0 for the about-you block), and the relations.
     */
    static final class Problem {
        final List<String> labels = new ArrayList<>();
        final List<double[]> bounds = new ArrayList<>();
        final List<Boolean> withheld = new ArrayList<>();
        final List<Integer> blocks = new ArrayList<>();
        /** Figures that need a protection interval: withheld counts below the threshold. */
        final List<Boolean> sensitive = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();

        int add(String label, double lower, double upper, boolean isWithheld, int block) {
            return add(label, lower, upper, isWithheld, block, isWithheld);
        }

        int add(String label, double lower, double upper, boolean isWithheld, int block, boolean isSensitive) {
            sensitive.add(isSensitive);
            labels.add(label);
            bounds.add(new double[]{lower, upper});
            withheld.add(isWithheld);
            blocks.add(block);
            return labels.size() - 1;
        }

        int size() {
            return labels.size();
        }
    }

    /** A withheld figure whose range is too narrow, with the range the audit found. */
    record Fault(int figure, String label, long min, long max) {
    }

    /** Every withheld figure's range (index: figure), the faults, and how long it took. */
    record Report(int withheld, List<Fault> faults, Map<Integer, long[]> ranges, long millis, int solves) {
        boolean passes() {
            return faults.isEmpty();
        }
    }

    static Report run(Problem problem, int threshold) {
        long started = System.nanoTime();
        int n = problem.size();
        double[][] bounds = new double[n][];
        for (int i = 0; i < n; i++) {
            bounds[i] = problem.bounds.get(i).clone();
        }
        // Which blocks each constraint belongs to: the block of its figures outside block 0, or 0.
        int blockCount = 1;
        for (int b : problem.blocks) {
            blockCount = Math.max(blockCount, b + 1);
        }
        List<List<Constraint>> byBlock = new ArrayList<>();
        for (int b = 0; b < blockCount; b++) {
            byBlock.add(new ArrayList<>());
        }
        for (Constraint c : problem.constraints) {
            int block = 0;
            for (int f : c.figures()) {
                block = Math.max(block, problem.blocks.get(f));
            }
            byBlock.get(block).add(c);
        }
        int[] solves = {0};
        Map<Integer, long[]> ranges = new HashMap<>();
        // First the about-you block: its withheld figures include the group sizes the others share.
        List<Integer> sharedWithheld = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (problem.withheld.get(i) && problem.blocks.get(i) == 0) {
                sharedWithheld.add(i);
            }
        }
        Block about = new Block(byBlock.get(0), bounds, problem);
        List<Block> questions = new ArrayList<>();
        for (int b = 1; b < blockCount; b++) {
            if (!byBlock.get(b).isEmpty()) {
                questions.add(new Block(byBlock.get(b), bounds, problem));
            }
        }
        // Shared figures published rounded (a group of 180 shown as lying in 178 to 182) are narrowed
        // too: one question's base and "don't know" can pin the group to 178 or 179, and that, in the
        // about-you block, pins a withheld cross-table cell beside it. An outside attack found exactly
        // that when only withheld shared figures were passed between blocks.
        List<Integer> shared = new ArrayList<>(sharedWithheld);
        for (int i = 0; i < n; i++) {
            if (!problem.withheld.get(i) && problem.blocks.get(i) == 0 && bounds[i][1] - bounds[i][0] > 0.5) {
                final int figure = i;
                if (questions.stream().anyMatch(q -> q.has(figure))) {
                    shared.add(i);
                }
            }
        }
        List<Integer> aboutFigures = new ArrayList<>(about.withheld(problem));
        for (int figure : shared) {
            if (!problem.withheld.get(figure) && about.has(figure)) {
                aboutFigures.add(figure);
            }
        }
        // The shared figures' bounds, narrowed in turn by the about-you block and by each question's
        // block, until no block narrows them further: a narrowing found in one question reaches the
        // about-you block and, through it, every other question. Only proved bounds (each a solved
        // optimum) narrow anything.
        for (int round = 0; round < MOST_PROPAGATION_ROUNDS; round++) {
            boolean narrowed = false;
            about.reset(bounds);
            for (Map.Entry<Integer, double[]> e : about.ranges(aboutFigures, threshold, solves, true).entrySet()) {
                narrowed |= tighten(bounds[e.getKey()], outer(e.getValue()));
            }
            // Each question's block only reads the shared bounds, so the blocks are solved side by side.
            java.util.concurrent.atomic.AtomicInteger blockSolves = new java.util.concurrent.atomic.AtomicInteger();
            List<Map<Integer, double[]>> found = questions.parallelStream().map(block -> {
                List<Integer> present = block.present(shared);
                if (present.isEmpty()) {
                    return Map.<Integer, double[]>of();
                }
                block.reset(bounds);
                int[] mine = {0};
                Map<Integer, double[]> ranges1 = block.ranges(present, threshold, mine, true);
                blockSolves.addAndGet(mine[0]);
                return ranges1;
            }).toList();
            solves[0] += blockSolves.get();
            for (Map<Integer, double[]> ranges1 : found) {
                for (Map.Entry<Integer, double[]> e : ranges1.entrySet()) {
                    narrowed |= tighten(bounds[e.getKey()], outer(e.getValue()));
                }
            }
            if (!narrowed) {
                break;
            }
        }
        for (int figure : sharedWithheld) {
            ranges.put(figure, whole(bounds[figure]));
        }
        // Blocks are independent now the shared figures are bounded: solve them side by side.
        Map<Integer, long[]> own = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger counted = new java.util.concurrent.atomic.AtomicInteger();
        questions.parallelStream().forEach(block -> {
            block.reset(bounds);
            List<Integer> figures = new ArrayList<>();
            for (int figure : block.withheld(problem)) {
                if (problem.blocks.get(figure) != 0 && problem.sensitive.get(figure)) {
                    figures.add(figure);
                }
            }
            int[] mine = {0};
            block.ranges(figures, threshold, mine, false).forEach((figure, range) -> own.put(figure, whole(inner(range))));
            counted.addAndGet(mine[0]);
        });
        ranges.putAll(own);
        solves[0] += counted.get();
        List<Fault> faults = new ArrayList<>();
        int withheld = 0;
        for (int i = 0; i < n; i++) {
            if (!problem.withheld.get(i)) {
                continue;
            }
            withheld++;
            long[] range = ranges.getOrDefault(i, new long[]{0, (long) NO_LIMIT});
            if (problem.sensitive.get(i) && range[1] - range[0] + 1 < threshold) {
                faults.add(new Fault(i, problem.labels.get(i), range[0], range[1]));
            }
        }
        return new Report(withheld, faults, ranges, (System.nanoTime() - started) / 1_000_000, solves[0]);
    }

    private static boolean tighten(double[] bounds, double[] range) {
        boolean narrowed = false;
        if (range[0] > bounds[0] + 1e-6) {
            bounds[0] = range[0];
            narrowed = true;
        }
        if (range[1] < bounds[1] - 1e-6) {
            bounds[1] = range[1];
            narrowed = true;
        }
        return narrowed;
    }

    /** The values a figure was seen to take at feasible points: its range is at least this wide. */
    private static double[] inner(double[] range) {
        return new double[]{range[0], range[1]};
    }

    /** Bounds a figure was proved to stay within: its range is at most this wide. */
    private static double[] outer(double[] range) {
        return new double[]{range[2], range[3]};
    }

    /** The whole numbers within a linear programme's range (the integer range can be no wider). */
    private static long[] whole(double[] range) {
        if (!(range[0] <= range[1])) {
            return new long[]{0, -1};
        }
        return new long[]{(long) Math.ceil(range[0] - 1e-6), (long) Math.floor(range[1] + 1e-6)};
    }

    /** One block's linear programme: its figures as variables, its relations as expressions. */
    private static final class Block {
        private final ExpressionsBasedModel model = new ExpressionsBasedModel();
        private final Map<Integer, Variable> variables = new HashMap<>();
        private final Map<Integer, Integer> index = new HashMap<>();
        private final List<Constraint> constraints;

        Block(List<Constraint> constraints, double[][] bounds, Problem problem) {
            this.constraints = constraints;
            for (Constraint c : constraints) {
                for (int f : c.figures()) {
                    variable(f, bounds);
                }
            }
            for (Constraint c : constraints) {
                Expression e = model.addExpression();
                if (c.lower() > -NO_LIMIT) {
                    e.lower(c.lower());
                }
                if (c.upper() < NO_LIMIT) {
                    e.upper(c.upper());
                }
                for (int i = 0; i < c.figures().length; i++) {
                    Variable v = variables.get(c.figures()[i]);
                    // The same figure twice in one relation: add its coefficients.
                    double before = e.get(v) == null ? 0 : e.get(v).doubleValue();
                    e.set(v, before + c.coefficients()[i]);
                }
            }
        }

        private Variable variable(int figure, double[][] bounds) {
            return variables.computeIfAbsent(figure, f -> {
                index.put(f, variables.size());
                return model.addVariable("f" + f).lower(bounds[f][0]).upper(bounds[f][1]);
            });
        }

        void reset(double[][] bounds) {
            variables.forEach((f, v) -> v.lower(bounds[f][0]).upper(bounds[f][1]));
        }

        List<Integer> withheld(Problem problem) {
            List<Integer> found = new ArrayList<>();
            variables.keySet().stream().sorted().forEach(f -> {
                if (problem.withheld.get(f)) {
                    found.add(f);
                }
            });
            return found;
        }

        List<Integer> present(List<Integer> figures) {
            return figures.stream().filter(variables::containsKey).toList();
        }

        /**
         * Each figure's range in this block's linear programme, as four numbers: the smallest and
         * largest values seen at feasible points (the range is at least that wide), then the bounds
         * proved by solving (the range is at most that wide; a figure's current bounds where it was
         * not solved). With {@code exact}, every figure is solved up and down; otherwise a figure
         * seen across the threshold at feasible points needs no solve of its own.
         */
        Map<Integer, double[]> ranges(List<Integer> figures, int threshold, int[] solves, boolean exact) {
            Map<Integer, double[]> seen = new HashMap<>();
            if (figures.isEmpty()) {
                return seen;
            }
            for (int f : figures) {
                seen.put(f, new double[]{Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            }
            Random random = new Random(figures.size());
            BitSet settled = new BitSet();
            if (exact) {
                return provedRanges(figures, seen, random, solves);
            }
            for (int direction = 0; direction < 2 + RANDOM_DIRECTIONS && settled.cardinality() < figures.size(); direction++) {
                double[] weights = new double[figures.size()];
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = direction == 0 ? 1 : direction == 1 ? -1 : random.nextBoolean() ? 1 : -1;
                }
                double[] point = solve(figures, weights, solves);
                if (point == null) {
                    break;
                }
                record(point, figures, seen, settled, threshold);
            }
            Map<Integer, double[]> result = new HashMap<>();
            for (int i = 0; i < figures.size(); i++) {
                int f = figures.get(i);
                Variable v = variables.get(f);
                double lowerBound = v.getLowerLimit() == null ? 0 : v.getLowerLimit().doubleValue();
                double upperBound = v.getUpperLimit() == null ? NO_LIMIT : v.getUpperLimit().doubleValue();
                if (settled.get(i)) {
                    double[] at = seen.get(f);
                    result.put(f, new double[]{at[0], at[1], lowerBound, upperBound});
                    continue;
                }
                double[] low = solve(List.of(f), new double[]{-1}, solves);
                if (low != null) {
                    record(low, figures, seen, settled, threshold);
                }
                double[] high = solve(List.of(f), new double[]{1}, solves);
                if (high != null) {
                    record(high, figures, seen, settled, threshold);
                }
                double[] at = seen.get(f);
                // A failed solve proves nothing: the bound stays as it was, and the figure counts as
                // narrow as the values actually seen (a fault if they are too close).
                result.put(f, new double[]{at[0], at[1], low == null ? lowerBound : low[index.get(f)],
                        high == null ? upperBound : high[index.get(f)]});
            }
            return result;
        }

        /**
         * Each figure's proved range. A feasible point at a figure's current bound proves that bound
         * is reached, so points from a few shared directions settle most figures; only a side no
         * point reached is solved for that figure alone.
         */
        private Map<Integer, double[]> provedRanges(List<Integer> figures, Map<Integer, double[]> seen, Random random,
                                                    int[] solves) {
            BitSet none = new BitSet();
            for (int direction = 0; direction < 2 + RANDOM_DIRECTIONS; direction++) {
                double[] weights = new double[figures.size()];
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = direction == 0 ? 1 : direction == 1 ? -1 : random.nextBoolean() ? 1 : -1;
                }
                double[] point = solve(figures, weights, solves);
                if (point == null) {
                    break;
                }
                record(point, figures, seen, none, Integer.MAX_VALUE);
            }
            Map<Integer, double[]> result = new HashMap<>();
            for (int f : figures) {
                Variable v = variables.get(f);
                double lowerBound = v.getLowerLimit() == null ? 0 : v.getLowerLimit().doubleValue();
                double upperBound = v.getUpperLimit() == null ? NO_LIMIT : v.getUpperLimit().doubleValue();
                double[] at = seen.get(f);
                double low = lowerBound;
                double high = upperBound;
                if (!(at[0] <= lowerBound + 1e-6)) {
                    double[] point = solve(List.of(f), new double[]{-1}, solves);
                    if (point != null) {
                        record(point, figures, seen, none, Integer.MAX_VALUE);
                        low = point[index.get(f)];
                    }
                }
                if (!(at[1] >= upperBound - 1e-6)) {
                    double[] point = solve(List.of(f), new double[]{1}, solves);
                    if (point != null) {
                        record(point, figures, seen, none, Integer.MAX_VALUE);
                        high = point[index.get(f)];
                    }
                }
                // A failed solve proves nothing: the bound stays as it was.
                result.put(f, new double[]{at[0], at[1], low, high});
            }
            return result;
        }

        boolean has(int figure) {
            return variables.containsKey(figure);
        }

        private void record(double[] point, List<Integer> figures, Map<Integer, double[]> seen, BitSet settled,
                            int threshold) {
            for (int i = 0; i < figures.size(); i++) {
                if (settled.get(i)) {
                    continue;
                }
                double value = point[index.get(figures.get(i))];
                double[] range = seen.get(figures.get(i));
                range[0] = Math.min(range[0], value);
                range[1] = Math.max(range[1], value);
                if (Math.floor(range[1] + 1e-6) - Math.ceil(range[0] - 1e-6) + 1 >= threshold) {
                    settled.set(i);
                }
            }
        }

        /**
         * Maximises sum(weight * figure); the values of every variable at the optimum, or null when
         * the solver reports no optimum or its point breaks a relation or bound (checked here: a
         * wrong optimum would narrow a range it should not, or hide one that is narrow).
         */
        private double[] solve(List<Integer> figures, double[] weights, int[] solves) {
            for (int i = 0; i < figures.size(); i++) {
                variables.get(figures.get(i)).weight(weights[i]);
            }
            solves[0]++;
            Optimisation.Result result = model.maximise();
            for (int f : figures) {
                variables.get(f).weight(0);
            }
            if (!result.getState().isOptimal()) {
                return null;
            }
            double[] values = new double[variables.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = result.doubleValue(i);
            }
            return feasible(values) ? values : null;
        }

        private boolean feasible(double[] values) {
            for (Map.Entry<Integer, Variable> e : variables.entrySet()) {
                double value = values[index.get(e.getKey())];
                Variable v = e.getValue();
                if (v.getLowerLimit() != null && value < v.getLowerLimit().doubleValue() - TOLERANCE
                        || v.getUpperLimit() != null && value > v.getUpperLimit().doubleValue() + TOLERANCE) {
                    return false;
                }
            }
            for (Constraint c : constraints) {
                double sum = 0;
                for (int i = 0; i < c.figures().length; i++) {
                    sum += c.coefficients()[i] * values[index.get(c.figures()[i])];
                }
                double slack = TOLERANCE * (1 + Math.abs(sum));
                if (c.lower() > -NO_LIMIT && sum < c.lower() - slack || c.upper() < NO_LIMIT && sum > c.upper() + slack) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The labels of a report's faults, in figure order, for the publish page. */
    static List<String> labels(Report report) {
        return report.faults().stream().map(Fault::label).toList();
    }

    static boolean[] withheldMask(Problem problem) {
        boolean[] mask = new boolean[problem.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = problem.withheld.get(i);
        }
        return mask;
    }
}
