package uk.chorus.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disclosure control on tables worked out by hand. Threshold 5 throughout: 1 to 4 people may not
 * be shown, and neither may anything from which they could be worked out.
 */
class DisclosureControlTest {
    private static final boolean[] THREE_IN_BASE = {true, true, true};

    @Test
    void aSmallCellIsSuppressedAndASecondOneSoTheRowTotalCannotGiveItAway() {
        // One row: agree 20, disagree 3, neither 12; total 35 shown. Hiding only the 3 would leave
        // it as 35 - 20 - 12. The next smallest (12) goes too.
        var grid = DisclosureControl.Grid.of(new long[][]{{20, 3, 12}}, THREE_IN_BASE, -1);
        var suppressed = DisclosureControl.apply(grid, 5);
        assertThat(suppressed.cells()[0]).containsExactly(false, true, true);
        assertThat(suppressed.total()[0]).isFalse();
    }

    @Test
    void aGroupTooSmallToShowIsSuppressedWholeAndCannotBeWorkedOutFromTheAllRow() {
        // All = 40 agree, 20 disagree. Groups: A 22/11, B 15/8, C 3/1 (a group of four).
        // Hiding C alone leaves it as All minus A minus B, column by column: so a second group
        // (the smaller, B) is hidden in every column, and its size, or C's size would follow.
        long[][] cells = {{40, 20}, {22, 11}, {15, 8}, {3, 1}};
        var grid = DisclosureControl.Grid.of(cells, new boolean[]{true, true}, 0);
        var suppressed = DisclosureControl.apply(grid, 5);
        assertThat(suppressed.total()[3]).isTrue();
        assertThat(suppressed.cells()[3]).containsExactly(true, true);
        assertThat(suppressed.cells()[2]).containsExactly(true, true);
        assertThat(suppressed.total()[2]).isTrue();
        assertThat(suppressed.cells()[1]).containsExactly(false, false);
        assertThat(suppressed.cells()[0]).containsExactly(false, false);
        // Whatever is still shown, no hidden cell is a published total minus other published cells.
        assertNoLoneUnknown(grid, suppressed);
    }

    @Test
    void aFilteredTableCannotBeSubtractedFromThePublishedOneToRevealThoseLeftOut() {
        // Published, everyone: agree 50, disagree 30. Filtered to EHCP families: agree 48,
        // disagree 21. Each cell is comfortably above 5, so a naive check would show both; but
        // 50 - 48 = 2 non-EHCP families agree, which the two tables would reveal together.
        var everyone = DisclosureControl.Grid.of(new long[][]{{50, 30}}, new boolean[]{true, true}, -1);
        var ehcp = DisclosureControl.Grid.of(new long[][]{{48, 21}}, new boolean[]{true, true}, -1);
        assertThat(DisclosureControl.apply(ehcp, 5).cells()[0]).as("naively").containsExactly(false, false);
        var suppressed = DisclosureControl.apply(ehcp, everyone, 5);
        assertThat(suppressed.cells()[0][0]).isTrue();
        // And then the other cell, or the filtered total would give it away.
        assertThat(suppressed.cells()[0][1]).isTrue();
    }

    @Test
    void aFilteredGroupWhoseComplementIsTinyIsSuppressedWhole() {
        // Everyone: 60 answered. Filtered: 57. The 3 left out would be the difference of the totals.
        var everyone = DisclosureControl.Grid.of(new long[][]{{40, 20}}, new boolean[]{true, true}, -1);
        var filtered = DisclosureControl.Grid.of(new long[][]{{39, 18}}, new boolean[]{true, true}, -1);
        var suppressed = DisclosureControl.apply(filtered, everyone, 5);
        assertThat(suppressed.total()[0]).isTrue();
        assertThat(suppressed.cells()[0]).containsExactly(true, true);
    }

    @Test
    void dontKnowIsOutsideTheBaseButStillProtected() {
        // Agree 30, disagree 12, don't know 2: the don't-know cell is small; the total (44) and the
        // base (42) are both shown, so hiding the 2 needs another cell hidden for the total.
        var grid = DisclosureControl.Grid.of(new long[][]{{30, 12, 2}}, new boolean[]{true, true, false}, -1);
        var suppressed = DisclosureControl.apply(grid, 5);
        assertThat(suppressed.cells()[0][2]).isTrue();
        assertThat(suppressed.cells()[0][1]).isTrue();
        assertThat(suppressed.base()[0]).isFalse();
        assertNoLoneUnknown(grid, suppressed);
    }

    @Test
    void trueZerosAndLargeCountsAreShown() {
        var grid = DisclosureControl.Grid.of(new long[][]{{25, 0, 10}}, THREE_IN_BASE, -1);
        assertThat(DisclosureControl.apply(grid, 5).any()).isFalse();
    }

    @Test
    void roundingToFiveNeverShowsAFewPeopleAsNone() {
        assertThat(DisclosureControl.rounded(0, true)).isZero();
        assertThat(DisclosureControl.rounded(2, true)).isEqualTo(5);
        assertThat(DisclosureControl.rounded(12, true)).isEqualTo(10);
        assertThat(DisclosureControl.rounded(13, true)).isEqualTo(15);
        assertThat(DisclosureControl.rounded(13, false)).isEqualTo(13);
    }

    /** Every published total with hidden figures beneath it hides at least two of them. */
    private static void assertNoLoneUnknown(DisclosureControl.Grid grid, DisclosureControl.Suppressed suppressed) {
        for (int r = 0; r < grid.rows(); r++) {
            if (suppressed.total()[r]) {
                continue;
            }
            int hidden = 0;
            for (int c = 0; c < grid.columns(); c++) {
                hidden += suppressed.cells()[r][c] ? 1 : 0;
            }
            assertThat(hidden).as("row %d", r).isNotEqualTo(1);
        }
        if (grid.allRow() >= 0) {
            for (int c = 0; c < grid.columns(); c++) {
                int hidden = 0;
                for (int r = 0; r < grid.rows(); r++) {
                    hidden += r != grid.allRow() && suppressed.cells()[r][c] ? 1 : 0;
                }
                assertThat(hidden).as("column %d", c).isNotEqualTo(1);
            }
        }
    }
}
