package uk.chorus.results;

import uk.chorus.web.Charts;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One question's results as a page, an export and the API show them: a row for everyone who
 * answered and, when broken down, one per group; a cell per answer. Every figure carries both its
 * value (null when suppressed) and its text ("[c]" when suppressed, rounded when rounding is on),
 * so no reader of this record can show a withheld figure by mistake.
 */
public record QuestionResult(String key, String text, String kind, boolean grouped, List<Column> columns,
                             List<Row> rows, boolean showNet, boolean showNumbers, boolean showRates,
                             @Nullable Charts.BarChart bars, @Nullable Charts.StackedChart stacked,
                             @Nullable String headline, @Nullable String verdict, @Nullable String headlineTone,
                             boolean anySuppressed, List<Reach.Row> reach) {

    /** Without denominators yet: {@link Reach} adds them once every question of the page is counted. */
    public QuestionResult(String key, String text, String kind, boolean grouped, List<Column> columns,
                          List<Row> rows, boolean showNet, boolean showNumbers, boolean showRates,
                          @Nullable Charts.BarChart bars, @Nullable Charts.StackedChart stacked,
                          @Nullable String headline, @Nullable String verdict, @Nullable String headlineTone,
                          boolean anySuppressed) {
        this(key, text, kind, grouped, columns, rows, showNet, showNumbers, showRates, bars, stacked, headline, verdict,
                headlineTone, anySuppressed, List.of());
    }

    QuestionResult withReach(List<Reach.Row> rows) {
        return new QuestionResult(key, text, kind, grouped, columns, this.rows, showNet, showNumbers, showRates, bars,
                stacked, headline, verdict, headlineTone, anySuppressed, rows);
    }

    /** Each row with its denominators beside it, for the page. */
    public record RowWithReach(Row row, Reach.Row reach) {
    }

    public List<RowWithReach> rowsWithReach() {
        List<RowWithReach> joined = new java.util.ArrayList<>();
        for (int r = 0; r < rows.size() && r < reach.size(); r++) {
            joined.add(new RowWithReach(rows.get(r), reach.get(r)));
        }
        return joined;
    }

    /** An answer; {@code inBase} false for "don't know" and "prefer not to say", which have no percentage. */
    public record Column(String code, String label, boolean inBase) {
    }

    public record Cell(@Nullable Long count, @Nullable Double percent, String countText, String percentText,
                       boolean suppressed) {
    }

    /**
     * Everyone (all), or one group. {@code total} is everyone in the row who answered; {@code base}
     * those who gave a view, the base of the percentages.
     */
    public record Row(String code, String label, boolean all, @Nullable Long total, @Nullable Long base,
                      String totalText, String baseText, List<Cell> cells, String net, String mean, String median,
                      String responseRate, String margin) {
    }

    boolean isText() {
        return kind.equals("text");
    }
}
