package uk.chorus.results;

import java.util.Arrays;

/**
 * Which figures of a table may be published without letting a reader work out something about a
 * handful of people, however they add and subtract what is shown.
 *
 * <ul>
 *   <li>Primary: a count from 1 to the threshold minus one is suppressed, and a whole row (its
 *       base, its total and every cell) when the group itself is that small.</li>
 *   <li>Differencing: when the table is a filtered version of one already published (only EHCP
 *       families, say), a cell whose complement (published minus filtered) is that small is
 *       suppressed too, or subtracting the two tables would reveal the people filtered out.</li>
 *   <li>Secondary: wherever figures add up to a published total (the cells of a row to its total
 *       and its base, the groups of a column to the "All" row), one suppressed figure could be
 *       worked out from the others; so a second one is suppressed, the smallest, until no total
 *       has exactly one unknown.</li>
 * </ul>
 * Counts are unweighted: weighting changes percentages, never who can be identified.
 */
public final class DisclosureControl {
    private DisclosureControl() {
    }

    /**
     * A table of counts, with each row's total (everyone who answered) and base (those in base
     * columns: "don't know" and "prefer not to say" are not). When {@code cellsAddUp}, a row's
     * cells add up to its total (not so for multiple choice, where people tick several). When
     * {@code allRow} is a row index, the other rows are a complete split of it (every respondent
     * in exactly one), so each column of the other rows adds up to the All row's.
     */
    public record Grid(long[][] cells, boolean[] inBase, long[] totals, long[] bases, boolean cellsAddUp, int allRow) {

        /** A table whose rows' cells add up to their totals. */
        public static Grid of(long[][] cells, boolean[] inBase, int allRow) {
            long[] totals = new long[cells.length];
            long[] bases = new long[cells.length];
            for (int r = 0; r < cells.length; r++) {
                for (int c = 0; c < inBase.length; c++) {
                    totals[r] += cells[r][c];
                    bases[r] += inBase[c] ? cells[r][c] : 0;
                }
            }
            return new Grid(cells, inBase, totals, bases, true, allRow);
        }

        long total(int row) {
            return totals[row];
        }

        long base(int row) {
            return bases[row];
        }

        int rows() {
            return cells.length;
        }

        int columns() {
            return inBase.length;
        }
    }

    /** What may not be shown: cells, and each row's total and base. */
    public record Suppressed(boolean[][] cells, boolean[] total, boolean[] base) {
        public boolean any() {
            for (int r = 0; r < cells.length; r++) {
                if (total[r] || base[r]) {
                    return true;
                }
                for (boolean cell : cells[r]) {
                    if (cell) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    public static Suppressed apply(Grid grid, int threshold) {
        return apply(grid, null, threshold);
    }

    /** As apply, for a table that filters one already published ({@code published}, of the same shape). */
    static Suppressed apply(Grid grid, Grid published, int threshold) {
        int rows = grid.rows();
        int columns = grid.columns();
        boolean[][] cells = new boolean[rows][columns];
        boolean[] total = new boolean[rows];
        boolean[] base = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            boolean smallGroup = small(grid.total(r), threshold) || small(grid.base(r), threshold)
                    || (published != null && (small(published.total(r) - grid.total(r), threshold)
                    || small(published.base(r) - grid.base(r), threshold)));
            if (smallGroup) {
                total[r] = true;
                base[r] = true;
                Arrays.fill(cells[r], true);
                continue;
            }
            for (int c = 0; c < columns; c++) {
                long count = grid.cells()[r][c];
                boolean complementSmall = published != null && small(published.cells()[r][c] - count, threshold);
                cells[r][c] = small(count, threshold) || complementSmall;
            }
        }
        secondary(grid, cells, total, base);
        return new Suppressed(cells, total, base);
    }

    private static boolean small(long count, int threshold) {
        return count > 0 && count < threshold;
    }

    /** Adds suppressions until no published total has exactly one suppressed figure beneath it. */
    private static void secondary(Grid grid, boolean[][] cells, boolean[] total, boolean[] base) {
        boolean changed = true;
        while (changed) {
            changed = false;
            // A one-column table's cell is its row's total and base: withholding one withholds all three.
            for (int r = 0; r < grid.rows() && grid.cellsAddUp() && grid.columns() == 1; r++) {
                if (cells[r][0] != total[r] || cells[r][0] != base[r]) {
                    cells[r][0] = total[r] = base[r] = true;
                    changed = true;
                }
            }
            for (int r = 0; r < grid.rows() && grid.cellsAddUp(); r++) {
                if (!total[r]) {
                    changed |= protect(grid, cells, r, null);
                }
                if (!base[r]) {
                    changed |= protect(grid, cells, r, grid.inBase());
                }
            }
            if (grid.allRow() >= 0) {
                for (int c = 0; c < grid.columns(); c++) {
                    if (!cells[grid.allRow()][c]) {
                        changed |= protectColumn(grid, cells, c);
                    }
                }
                // A group's total or base can be worked out from the All row's and the others' too.
                changed |= protectTotals(grid, total, base, cells);
            }
        }
    }

    /** One row's cells (all, or only base columns) against its published total. */
    private static boolean protect(Grid grid, boolean[][] cells, int row, boolean[] only) {
        int suppressed = 0;
        int smallest = -1;
        for (int c = 0; c < grid.columns(); c++) {
            if (only != null && !only[c]) {
                continue;
            }
            if (cells[row][c]) {
                suppressed++;
            } else if (smallest < 0 || smaller(grid.cells()[row][c], grid.cells()[row][smallest])) {
                smallest = c;
            }
        }
        if (suppressed == 1 && smallest >= 0) {
            cells[row][smallest] = true;
            return true;
        }
        return false;
    }

    private static boolean protectColumn(Grid grid, boolean[][] cells, int column) {
        int suppressed = 0;
        int smallest = -1;
        for (int r = 0; r < grid.rows(); r++) {
            if (r == grid.allRow()) {
                continue;
            }
            if (cells[r][column]) {
                suppressed++;
            } else if (smallest < 0 || smaller(grid.cells()[r][column], grid.cells()[smallest][column])) {
                smallest = r;
            }
        }
        if (suppressed == 1 && smallest >= 0) {
            cells[smallest][column] = true;
            return true;
        }
        return false;
    }

    private static boolean protectTotals(Grid grid, boolean[] total, boolean[] base, boolean[][] cells) {
        boolean changed = false;
        for (boolean[] figures : new boolean[][]{total, base}) {
            if (figures[grid.allRow()]) {
                continue;
            }
            int suppressed = 0;
            int smallest = -1;
            for (int r = 0; r < grid.rows(); r++) {
                if (r == grid.allRow()) {
                    continue;
                }
                if (figures[r]) {
                    suppressed++;
                } else if (smallest < 0 || grid.total(r) < grid.total(smallest)) {
                    smallest = r;
                }
            }
            if (suppressed == 1 && smallest >= 0) {
                // A group whose size can no longer be shown: suppress it whole.
                total[smallest] = true;
                base[smallest] = true;
                Arrays.fill(cells[smallest], true);
                changed = true;
            }
        }
        return changed;
    }

    /** Prefers a non-zero count: suppressing a true zero protects nobody. */
    private static boolean smaller(long candidate, long current) {
        if (current == 0) {
            return candidate != 0;
        }
        return candidate != 0 && candidate < current;
    }

    /** A count as published under the optional rounding rule (to the nearest 5; 1 to 4 never shows as 0). */
    public static long rounded(long count, boolean roundToFive) {
        if (!roundToFive || count == 0) {
            return count;
        }
        return Math.max(5, Math.round(count / 5.0) * 5);
    }
}
