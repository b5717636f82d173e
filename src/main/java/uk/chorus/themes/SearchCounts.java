package uk.chorus.themes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counting what a search finds: comments, people (exactly, by who wrote each comment), each
 * filter's values (lucene-facet's counts over the "dv." doc values) and each theme (the search's
 * hits intersected with the theme's bits). Counts are cached per query, index version and theme
 * version, so each is worked out once for each state of the index.
 */
@Singleton
class SearchCounts {
    /** Values shown per filter. */
    private static final int MOST_VALUES = 50;
    private final ThemeQueries themes;
    private final ThemeBits bits;
    private final Cache<Key, CommentSearch.Counts> counts = Caffeine.newBuilder().maximumSize(2000).build();
    /** Each filter's value ordinals across segments, made once per index version (weakly held by the reader). */
    private final Cache<Object, Map<String, StringDocValuesReaderState>> states = Caffeine.newBuilder().weakKeys().build();

    SearchCounts(ThemeQueries themes, ThemeBits bits) {
        this.themes = themes;
        this.bits = bits;
    }

    private record Key(Query query, Object reader, List<ThemeQueries.Compiled> themes, boolean people,
                       boolean dimensions) {
    }

    @EventListener
    void onIndexChanged(IndexFollower.IndexChanged changed) {
        counts.invalidateAll();
    }

    @EventListener
    void onThemeChanged(ThemeChanged changed) {
        counts.invalidateAll();
    }

    /**
     * The counts of a query. {@code withPeople}: themes in people as well as comments (the
     * dashboard, the API); {@code dimensions}: each filter's values too (the search page).
     */
    CommentSearch.Counts count(IndexSearcher searcher, Query query, boolean withPeople, boolean dimensions)
            throws IOException {
        Object reader = readerKey(searcher.getIndexReader());
        List<ThemeQueries.Compiled> all = themes.all();
        Key key = new Key(query, reader, all, withPeople, dimensions);
        CommentSearch.Counts cached = counts.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        FacetsCollector found = searcher.search(query, new FacetsCollectorManager());
        Map<String, List<CommentSearch.Value>> facets = new LinkedHashMap<>();
        for (String dimension : TextIndex.DIMENSIONS) {
            facets.put(dimension, dimensions ? values(searcher.getIndexReader(), reader, dimension, found) : List.of());
        }
        People everyone = new People();
        long[] comments = new long[all.size()];
        People[] people = new People[all.size()];
        for (FacetsCollector.MatchingDocs matching : found.getMatchingDocs()) {
            if (matching.totalHits() == 0 || matching.bits() == null) {
                continue;
            }
            FixedBitSet hits = new FixedBitSet(Math.max(1, matching.context().reader().maxDoc()));
            hits.or(matching.bits().iterator());
            NumericDocValues respondent = matching.context().reader().getNumericDocValues(TextIndex.RESPONDENT);
            add(everyone, hits, respondent);
            FixedBitSet[] themed = bits.of(searcher, matching.context());
            for (int t = 0; t < all.size(); t++) {
                if (!withPeople) {
                    comments[t] += FixedBitSet.intersectionCount(hits, themed[t]);
                    continue;
                }
                FixedBitSet both = hits.clone();
                both.and(themed[t]);
                people[t] = people[t] == null ? new People() : people[t];
                add(people[t], both, matching.context().reader().getNumericDocValues(TextIndex.RESPONDENT));
            }
        }
        List<CommentSearch.ThemeCount> themeCounts = new ArrayList<>();
        for (int t = 0; t < all.size(); t++) {
            String id = all.get(t).id();
            String name = all.get(t).theme().name();
            themeCounts.add(withPeople
                    ? new CommentSearch.ThemeCount(id, name, people[t] == null ? 0 : people[t].comments(),
                    people[t] == null ? 0 : people[t].count())
                    : new CommentSearch.ThemeCount(id, name, comments[t], -1));
        }
        CommentSearch.Counts result = new CommentSearch.Counts(everyone.comments(), everyone.count(), facets, themeCounts);
        counts.put(key, result);
        return result;
    }

    /** How many comments a query finds and how many people wrote them (not cached: a theme editor's preview). */
    static People people(IndexSearcher searcher, Query query) throws IOException {
        FacetsCollector found = searcher.search(query, new FacetsCollectorManager());
        People people = new People();
        for (FacetsCollector.MatchingDocs matching : found.getMatchingDocs()) {
            if (matching.totalHits() == 0 || matching.bits() == null) {
                continue;
            }
            FixedBitSet hits = new FixedBitSet(Math.max(1, matching.context().reader().maxDoc()));
            hits.or(matching.bits().iterator());
            add(people, hits, matching.context().reader().getNumericDocValues(TextIndex.RESPONDENT));
        }
        return people;
    }

    /** Each comment set in {@code hits}, by whoever wrote it (0 where an old document carries no writer). */
    static void add(People people, FixedBitSet hits, NumericDocValues respondent) throws IOException {
        for (int doc = hits.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
             doc = doc + 1 < hits.length() ? hits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            people.add(respondent != null && respondent.advanceExact(doc) ? respondent.longValue() : 0);
        }
    }

    private List<CommentSearch.Value> values(IndexReader reader, Object readerKey, String dimension, FacetsCollector found)
            throws IOException {
        String field = "dv." + dimension;
        Map<String, StringDocValuesReaderState> byField = states.get(readerKey, k -> new java.util.concurrent.ConcurrentHashMap<>());
        StringDocValuesReaderState state = byField.get(field);
        if (state == null) {
            state = new StringDocValuesReaderState(reader, field);
            byField.put(field, state);
        }
        FacetResult top = new StringValueFacetCounts(state, found).getTopChildren(MOST_VALUES, field);
        if (top == null) {
            return List.of();
        }
        List<CommentSearch.Value> values = new ArrayList<>();
        for (LabelAndValue value : top.labelValues) {
            values.add(new CommentSearch.Value(value.label, value.value.longValue()));
        }
        values.sort(Comparator.comparingLong(CommentSearch.Value::count).reversed()
                .thenComparing(CommentSearch.Value::value));
        return values;
    }

    static Object readerKey(IndexReader reader) {
        return reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
    }
}
