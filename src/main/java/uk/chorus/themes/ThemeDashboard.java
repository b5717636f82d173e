package uk.chorus.themes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import uk.chorus.results.DisclosureControl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many people raised each theme: overall, split by one about-you question, and by quarter,
 * under any search. Counts are of people (a response, or a feedback item), with the comments
 * beside them. Disclosure control is applied as for results: a count of fewer people than the
 * smallest group is shown as [c], with a second figure withheld wherever a row's groups would give
 * it away. Cached per index version, theme version and request.
 */
@Singleton
public class ThemeDashboard {
    /** Who did not answer the question the counts are split by. */
    static final String NOT_SAID = "";
    private final TextIndex index;
    private final CommentSearch search;
    private final ThemeQueries themes;
    private final ThemeBits bits;
    private final Cache<Key, Table> tables = Caffeine.newBuilder().maximumSize(200).build();

    ThemeDashboard(TextIndex index, CommentSearch search, ThemeQueries themes, ThemeBits bits) {
        this.index = index;
        this.search = search;
        this.themes = themes;
        this.bits = bits;
    }

    /** A theme's row: people in each column (null when withheld) and comments overall. */
    public record Row(String themeId, String name, @Nullable Long people, long comments, List<Long> cells) {
    }

    /** Columns are groups of {@code by} (or quarters), with "not said" last when anyone did not say. */
    public record Table(List<String> columns, List<Row> rows, boolean anyWithheld) {
    }

    private record Key(Query query, Object reader, List<ThemeQueries.Compiled> themes, String by, int smallestGroup) {
    }

    @EventListener
    void onIndexChanged(IndexFollower.IndexChanged changed) {
        tables.invalidateAll();
    }

    @EventListener
    void onThemeChanged(ThemeChanged changed) {
        tables.invalidateAll();
    }

    /** Each theme split by an about-you topic ("ehcp"), or by quarter when {@code by} is "quarter". */
    public Table table(CommentSearch.Request request, String by, int smallestGroup) {
        Query base = search.query(request);
        return index.search(searcher -> {
            Object reader = SearchCounts.readerKey(searcher.getIndexReader());
            Key key = new Key(base, reader, themes.all(), by, smallestGroup);
            Table cached = tables.getIfPresent(key);
            if (cached != null) {
                return cached;
            }
            try {
                List<ThemeQueries.Compiled> all = themes.all();
                List<Tally> tallies = tally(searcher, base, all, by);
                TreeMap<String, Boolean> columns = new TreeMap<>();
                tallies.forEach(tally -> tally.groups.keySet().forEach(g -> columns.put(g, true)));
                List<String> ordered = new ArrayList<>(columns.keySet());
                // "Not said" goes last.
                if (ordered.remove(NOT_SAID)) {
                    ordered.add(NOT_SAID);
                }
                long[][] cells = new long[all.size()][ordered.size()];
                for (int t = 0; t < all.size(); t++) {
                    for (int c = 0; c < ordered.size(); c++) {
                        People people = tallies.get(t).groups.get(ordered.get(c));
                        cells[t][c] = people == null ? 0 : people.count();
                    }
                }
                boolean[] inBase = new boolean[ordered.size()];
                java.util.Arrays.fill(inBase, true);
                // A person may write more than one comment, in more than one group (a feedback item
                // and a survey answer are different people to us), so a row's groups add up to its total.
                long[] totals = new long[all.size()];
                for (int t = 0; t < all.size(); t++) {
                    for (long cell : cells[t]) {
                        totals[t] += cell;
                    }
                }
                DisclosureControl.Suppressed hidden = DisclosureControl.apply(new DisclosureControl.Grid(cells, inBase,
                        totals, totals, true, -1), smallestGroup);
                List<Row> rows = new ArrayList<>();
                for (int t = 0; t < all.size(); t++) {
                    List<Long> shown = new ArrayList<>();
                    for (int c = 0; c < ordered.size(); c++) {
                        shown.add(hidden.cells()[t][c] ? null : cells[t][c]);
                    }
                    long people = tallies.get(t).everyone.count();
                    boolean small = people > 0 && people < smallestGroup;
                    rows.add(new Row(all.get(t).id(), all.get(t).theme().name(), small ? null : people,
                            tallies.get(t).everyone.comments(), shown));
                }
                Table table = new Table(ordered, rows, hidden.any());
                tables.put(key, table);
                return table;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One theme's comments, counted overall and by group (or quarter). */
    static final class Tally {
        final People everyone = new People();
        final Map<String, People> groups = new TreeMap<>();
    }

    /**
     * Each theme's people under a search: the search's hits in each segment, intersected with the
     * theme's bits, and every comment in both read once for who wrote it and its group or date.
     */
    private List<Tally> tally(org.apache.lucene.search.IndexSearcher searcher, Query base,
                              List<ThemeQueries.Compiled> all, String by) throws IOException {
        List<Tally> tallies = new ArrayList<>();
        all.forEach(t -> tallies.add(new Tally()));
        Weight weight = searcher.createWeight(searcher.rewrite(base), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            FixedBitSet hits = new FixedBitSet(Math.max(1, leaf.reader().maxDoc()));
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator matched = scorer.iterator();
            for (int doc = matched.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matched.nextDoc()) {
                if (live == null || live.get(doc)) {
                    hits.set(doc);
                }
            }
            FixedBitSet[] themed = bits.of(searcher, leaf);
            for (int t = 0; t < all.size(); t++) {
                FixedBitSet both = hits.clone();
                both.and(themed[t]);
                NumericDocValues respondent = leaf.reader().getNumericDocValues(TextIndex.RESPONDENT);
                NumericDocValues date = leaf.reader().getNumericDocValues(TextIndex.DATE);
                SortedDocValues group = by.equals("quarter") ? null : leaf.reader().getSortedDocValues("dv." + by);
                Tally tally = tallies.get(t);
                for (int doc = both.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                     doc = doc + 1 < both.length() ? both.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                    long who = respondent != null && respondent.advanceExact(doc) ? respondent.longValue() : 0;
                    tally.everyone.add(who);
                    String column;
                    if (by.equals("quarter")) {
                        LocalDate day = date != null && date.advanceExact(doc) ? LocalDate.ofEpochDay(date.longValue()) : null;
                        column = day == null ? NOT_SAID : day.getYear() + " Q" + ((day.getMonthValue() - 1) / 3 + 1);
                    } else {
                        column = group != null && group.advanceExact(doc)
                                ? group.lookupOrd(group.ordValue()).utf8ToString() : NOT_SAID;
                    }
                    tally.groups.computeIfAbsent(column, k -> new People()).add(who);
                }
            }
        }
        return tallies;
    }
}
