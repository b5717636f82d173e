package uk.chorus.themes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Searching the comments: the matching comments, newest or most relevant first, with the words
 * that matched marked; counts by every filter (facets); and how many comments and people each
 * theme holds under the same search. Counts are cached per index version and theme version, so
 * they are worked out once for each state of the index; comments are read fresh every time.
 */
@Singleton
public class CommentSearch {
    public static final int PAGE_SIZE = 20;
    private static final int MOST_WORDS = 8;
    private final TextIndex index;
    private final ThemeQueries themes;
    private final TextAnalysis analysis;
    private final ThemeBits bits;
    private final Cache<CountKey, Counts> counts = Caffeine.newBuilder().maximumSize(2000).build();

    CommentSearch(TextIndex index, ThemeQueries themes, TextAnalysis analysis, ThemeBits bits) {
        this.index = index;
        this.themes = themes;
        this.analysis = analysis;
        this.bits = bits;
    }

    public enum Order { RELEVANCE, NEWEST }

    /**
     * A search: words (blank for every comment), one value per filter dimension, a theme, dates,
     * the order and the page; {@code hidden} are the young people's surveys this person may not read.
     */
    public record Request(String words, Map<String, String> filters, @Nullable String theme, @Nullable LocalDate from,
                          @Nullable LocalDate to, Order order, int page, Set<String> hidden) {
        public static Request everything(Set<String> hidden) {
            return new Request("", Map.of(), null, null, null, Order.NEWEST, 1, hidden);
        }

        Request withTheme(@Nullable String themeId) {
            return new Request(words, filters, themeId, from, to, order, page, hidden);
        }
    }

    /** A theme on a comment: its words that matched, and a lead's decision if there is one. */
    public record Tag(String themeId, String name, List<String> words, @Nullable Boolean decision) {
        public boolean counted() {
            return decision == null || decision;
        }
    }

    public record Hit(String id, String text, @Nullable String marked, Map<String, String> fields, LocalDate date,
                      List<Tag> tags) {
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Value(String value, long count) {
    }

    @io.micronaut.serde.annotation.Serdeable
    public record ThemeCount(String id, String name, long comments, long respondents) {
    }

    public record Counts(long total, long respondents, Map<String, List<Value>> facets, List<ThemeCount> themes) {
    }

    public record Page(List<Hit> hits, Counts counts) {
    }

    private record CountKey(Query query, Object reader, List<ThemeQueries.Compiled> themes, boolean people,
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

    public Page search(Request request, Map<String, Map<String, Boolean>> decisions) {
        Query query = query(request);
        return index.search(searcher -> {
            try {
                Counts counted = counts(searcher, query, false);
                int first = (Math.max(1, request.page()) - 1) * PAGE_SIZE;
                TopDocs top = request.order() == Order.NEWEST || request.words().isBlank()
                        ? searcher.search(query, first + PAGE_SIZE, new Sort(new SortField(TextIndex.DATE,
                        SortField.Type.LONG, true), SortField.FIELD_DOC))
                        : searcher.search(query, first + PAGE_SIZE);
                ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, Math.min(first, top.scoreDocs.length),
                        top.scoreDocs.length);
                return new Page(hits(searcher, page, highlightQuery(request), decisions), counted);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public record Example(String id, String marked) {
    }

    /** What a theme definition would cover under a search: how many comments and people, and the newest ten. */
    public record Preview(long comments, long people, List<Example> examples) {
    }

    public Preview preview(String definition, Request request) {
        Query matched = themes.parse(definition);
        Query query = new BooleanQuery.Builder().add(query(request), BooleanClause.Occur.FILTER)
                .add(matched, BooleanClause.Occur.FILTER).build();
        return index.search(searcher -> {
            try {
                People people = searcher.search(query, People.manager());
                TopDocs top = searcher.search(query, 10, new Sort(new SortField(TextIndex.DATE, SortField.Type.LONG, true)));
                List<Hit> hits = hits(searcher, top.scoreDocs, matched, Map.of());
                return new Preview(people.comments, people.count(),
                        hits.stream().map(h -> new Example(h.id(), h.marked() == null ? "" : h.marked())).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** How many comments each theme holds under a search (counted from theme bits; cached). */
    public List<ThemeCount> themeCounts(Request request) {
        Query query = query(request);
        return index.search(searcher -> {
            try {
                return counts(searcher, query, false, false).themes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The counts alone, themes in people as well as comments (dashboard, API). */
    public Counts counts(Request request) {
        Query query = query(request);
        return index.search(searcher -> {
            try {
                return counts(searcher, query, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The ids of the comments a request finds (up to {@code limit}), newest first. */
    public List<String> ids(Request request, int limit) {
        Query query = query(request);
        return index.search(searcher -> {
            try {
                TopDocs top = searcher.search(query, Math.max(1, limit), new Sort(new SortField(TextIndex.DATE,
                        SortField.Type.LONG, true)));
                List<String> ids = new ArrayList<>();
                for (ScoreDoc doc : top.scoreDocs) {
                    ids.add(searcher.storedFields().document(doc.doc, Set.of(TextIndex.ID)).get(TextIndex.ID));
                }
                return ids;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A comment's words and the filter values it carries (about-you groups among them). */
    public record Stored(String id, String text, Map<String, String> fields) {
    }

    /** The words of the comments a request finds (up to {@code limit}), newest first. */
    public List<Stored> texts(Request request, int limit) {
        Query query = query(request);
        return index.search(searcher -> {
            try {
                TopDocs top = searcher.search(query, Math.max(1, limit), new Sort(new SortField(TextIndex.DATE,
                        SortField.Type.LONG, true)));
                List<Stored> found = new ArrayList<>();
                for (ScoreDoc scored : top.scoreDocs) {
                    Document doc = searcher.storedFields().document(scored.doc);
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (String dimension : TextIndex.DIMENSIONS) {
                        String value = doc.get("f." + dimension);
                        if (value != null) {
                            fields.put(dimension, value);
                        }
                    }
                    found.add(new Stored(doc.get(TextIndex.ID), doc.get(TextIndex.TEXT), fields));
                }
                return found;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One comment, with every theme's words and decisions (for its own page); empty when it is not in the index. */
    public java.util.Optional<Hit> comment(String id, Set<String> hidden, Map<String, Boolean> decided) {
        Query query = new BooleanQuery.Builder().add(new TermQuery(new Term(TextIndex.ID, id)), BooleanClause.Occur.MUST)
                .add(permissions(hidden), BooleanClause.Occur.FILTER).build();
        return index.search(searcher -> {
            try {
                TopDocs top = searcher.search(query, 1);
                if (top.scoreDocs.length == 0) {
                    return java.util.Optional.<Hit>empty();
                }
                return java.util.Optional.of(hits(searcher, top.scoreDocs, null, Map.of(id, decided)).get(0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    Query query(Request request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(request.words().isBlank() ? new MatchAllDocsQuery() : themes.parse(request.words(), true),
                BooleanClause.Occur.MUST);
        request.filters().forEach((dimension, value) -> {
            if (TextIndex.DIMENSIONS.contains(dimension) && value != null && !value.isBlank()) {
                query.add(new TermQuery(new Term("f." + dimension, value)), BooleanClause.Occur.FILTER);
            }
        });
        if (request.theme() != null) {
            themes.all().stream().filter(t -> t.id().equals(request.theme())).findFirst()
                    .ifPresent(t -> query.add(t.membership(), BooleanClause.Occur.FILTER));
        }
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
            long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
            query.add(LongPoint.newRangeQuery(TextIndex.DATE, from, to), BooleanClause.Occur.FILTER);
        }
        query.add(permissions(request.hidden()), BooleanClause.Occur.FILTER);
        return query.build();
    }

    /** Every comment but those of young people's surveys this person may not read. */
    private static Query permissions(Collection<String> hidden) {
        BooleanQuery.Builder allowed = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        hidden.forEach(survey -> allowed.add(new TermQuery(new Term(TextIndex.RESTRICTED, survey)),
                BooleanClause.Occur.MUST_NOT));
        return allowed.build();
    }

    private Query highlightQuery(Request request) {
        BooleanQuery.Builder marked = new BooleanQuery.Builder();
        if (!request.words().isBlank()) {
            marked.add(themes.parse(request.words(), false), BooleanClause.Occur.SHOULD);
        }
        if (request.theme() != null) {
            themes.all().stream().filter(t -> t.id().equals(request.theme())).findFirst()
                    .ifPresent(t -> marked.add(t.definition(), BooleanClause.Occur.SHOULD));
        }
        BooleanQuery built = marked.build();
        return built.clauses().isEmpty() ? null : built;
    }

    private Counts counts(IndexSearcher searcher, Query query, boolean withPeople) throws IOException {
        return counts(searcher, query, withPeople, true);
    }

    private Counts counts(IndexSearcher searcher, Query query, boolean withPeople, boolean dimensions)
            throws IOException {
        CountKey key = new CountKey(query, searcher.getIndexReader().getReaderCacheHelper() == null
                ? searcher.getIndexReader() : searcher.getIndexReader().getReaderCacheHelper().getKey(), themes.all(),
                withPeople, dimensions);
        Counts cached = counts.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Tally everyone = searcher.search(query, Tally.manager(dimensions));
        Map<String, List<Value>> facets = new LinkedHashMap<>();
        for (String dimension : TextIndex.DIMENSIONS) {
            Map<String, Long> values = everyone.values.getOrDefault(dimension, Map.of());
            facets.put(dimension, values.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(50).map(e -> new Value(e.getKey(), e.getValue())).toList());
        }
        // Every theme under the search: the search's hits, intersected with each theme's bits.
        List<ThemeQueries.Compiled> all = themes.all();
        long[] comments = new long[all.size()];
        People[] people = new People[all.size()];
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FixedBitSet hits = everyone.hits.get(leaf.ord);
            if (hits == null) {
                continue;
            }
            FixedBitSet[] themed = bits.of(searcher, leaf);
            NumericDocValues respondent = withPeople ? leaf.reader().getNumericDocValues(TextIndex.RESPONDENT) : null;
            for (int t = 0; t < all.size(); t++) {
                if (!withPeople) {
                    comments[t] += FixedBitSet.intersectionCount(hits, themed[t]);
                    continue;
                }
                if (people[t] == null) {
                    people[t] = new People();
                }
                FixedBitSet both = hits.clone();
                both.and(themed[t]);
                respondent = leaf.reader().getNumericDocValues(TextIndex.RESPONDENT);
                for (int doc = both.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                     doc = doc + 1 < both.length() ? both.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                    people[t].add(respondent != null && respondent.advanceExact(doc) ? respondent.longValue() : 0);
                }
            }
        }
        List<ThemeCount> themeCounts = new ArrayList<>();
        for (int t = 0; t < all.size(); t++) {
            themeCounts.add(withPeople
                    ? new ThemeCount(all.get(t).id(), all.get(t).theme().name(),
                    people[t] == null ? 0 : people[t].comments, people[t] == null ? 0 : people[t].count())
                    : new ThemeCount(all.get(t).id(), all.get(t).theme().name(), comments[t], -1));
        }
        Counts result = new Counts(everyone.people.comments, everyone.people.count(), facets, themeCounts);
        counts.put(key, result);
        return result;
    }

    /**
     * One pass over the comments a search finds: how many, from how many people, and how many have
     * each value of each filter (read from doc values, merged across segments by value).
     */
    static final class Tally {
        final People people = new People();
        final Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        /** The hits of each segment (by its ord), for intersecting with themes. */
        final Map<Integer, FixedBitSet> hits = new java.util.HashMap<>();

        /** {@code dimensions}: count each filter's values too (the search page); not for theme counts alone. */
        static CollectorManager<Collector, Tally> manager(boolean dimensions) {
            boolean counted = dimensions;
            return new CollectorManager<>() {
                private final List<Tally> parts = new ArrayList<>();

                @Override
                public synchronized Collector newCollector() {
                    Tally part = new Tally();
                    parts.add(part);
                    return new Collector() {
                        @Override
                        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                            NumericDocValues respondent = context.reader().getNumericDocValues(TextIndex.RESPONDENT);
                            FixedBitSet hits = new FixedBitSet(Math.max(1, context.reader().maxDoc()));
                            part.hits.put(context.ord, hits);
                            int dimensions = counted ? TextIndex.DIMENSIONS.size() : 0;
                            SortedDocValues[] values = new SortedDocValues[dimensions];
                            long[][] ords = new long[dimensions][];
                            for (int d = 0; d < dimensions; d++) {
                                values[d] = context.reader().getSortedDocValues("dv." + TextIndex.DIMENSIONS.get(d));
                                ords[d] = values[d] == null ? null : new long[values[d].getValueCount()];
                            }
                            return new LeafCollector() {
                                @Override
                                public void setScorer(Scorable scorer) {
                                }

                                @Override
                                public void collect(int doc) throws IOException {
                                    hits.set(doc);
                                    if (counted) {
                                        part.people.add(respondent != null && respondent.advanceExact(doc)
                                                ? respondent.longValue() : 0);
                                    }
                                    for (int d = 0; d < dimensions; d++) {
                                        if (values[d] != null && values[d].advanceExact(doc)) {
                                            ords[d][values[d].ordValue()]++;
                                        }
                                    }
                                }

                                @Override
                                public void finish() throws IOException {
                                    for (int d = 0; d < dimensions; d++) {
                                        if (values[d] == null) {
                                            continue;
                                        }
                                        Map<String, Long> counted = part.values.computeIfAbsent(TextIndex.DIMENSIONS.get(d),
                                                k -> new java.util.HashMap<>());
                                        for (int o = 0; o < ords[d].length; o++) {
                                            if (ords[d][o] > 0) {
                                                counted.merge(values[d].lookupOrd(o).utf8ToString(), ords[d][o], Long::sum);
                                            }
                                        }
                                    }
                                }
                            };
                        }

                        @Override
                        public ScoreMode scoreMode() {
                            return ScoreMode.COMPLETE_NO_SCORES;
                        }
                    };
                }

                @Override
                public Tally reduce(Collection<Collector> collectors) {
                    Tally all = new Tally();
                    for (Tally part : parts) {
                        all.people.addAll(part.people);
                        all.hits.putAll(part.hits);
                        part.values.forEach((d, v) -> v.forEach((value, n) ->
                                all.values.computeIfAbsent(d, k -> new java.util.HashMap<>()).merge(value, n, Long::sum)));
                    }
                    return all;
                }
            };
        }
    }

    private List<Hit> hits(IndexSearcher searcher, ScoreDoc[] docs, @Nullable Query marking,
                           Map<String, Map<String, Boolean>> decisions) throws IOException {
        String[] marked = new String[docs.length];
        if (marking != null && docs.length > 0) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analysis.index())
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                    .withBreakIterator(WholeBreakIterator::new).withMaxLength(10_000).build();
            int[] ids = new int[docs.length];
            for (int i = 0; i < docs.length; i++) {
                ids[i] = docs[i].doc;
            }
            Map<String, String[]> result = highlighter.highlightFields(new String[]{TextIndex.TEXT}, marking, ids,
                    new int[]{1});
            marked = result.get(TextIndex.TEXT);
        }
        List<ThemeQueries.Compiled> all = themes.all();
        List<Weight> weights = weights(searcher, all);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            Document doc = searcher.storedFields().document(docs[i].doc);
            String id = doc.get(TextIndex.ID);
            String text = doc.get(TextIndex.TEXT);
            Map<String, Boolean> decided = decisions.getOrDefault(id, Map.of());
            List<Tag> tags = new ArrayList<>();
            LeafReaderContext leaf = searcher.getIndexReader().leaves()
                    .get(ReaderUtil.subIndex(docs[i].doc, searcher.getIndexReader().leaves()));
            FixedBitSet[] themed = bits.of(searcher, leaf);
            int inLeaf = docs[i].doc - leaf.docBase;
            for (int t = 0; t < all.size(); t++) {
                ThemeQueries.Compiled theme = all.get(t);
                Boolean decision = decided.get(theme.id());
                // Only themes the comment is under (its bits), or that a lead decided about, are read for words.
                boolean under = inLeaf < themed[t].length() && themed[t].get(inLeaf);
                List<String> words = under || decision != null ? words(weights.get(t), leaf, inLeaf, text) : List.of();
                if (!words.isEmpty() || decision != null) {
                    tags.add(new Tag(theme.id(), theme.theme().name(), words, decision));
                }
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String dimension : TextIndex.DIMENSIONS) {
                String value = doc.get("f." + dimension);
                if (value != null) {
                    fields.put(dimension, value);
                }
            }
            long day = doc.getField(TextIndex.DATE).numericValue().longValue();
            hits.add(new Hit(id, text, marked == null ? null : marked[i], fields, LocalDate.ofEpochDay(day), tags));
        }
        return hits;
    }

    private record Weights(List<ThemeQueries.Compiled> themes, List<Weight> weights) {
    }

    /** Weakly keyed by searcher: each index version's theme weights are made once. */
    private final Cache<IndexSearcher, Weights> weights = Caffeine.newBuilder().weakKeys().build();

    private List<Weight> weights(IndexSearcher searcher, List<ThemeQueries.Compiled> all) throws IOException {
        Weights cached = weights.getIfPresent(searcher);
        if (cached != null && cached.themes() == all) {
            return cached.weights();
        }
        List<Weight> made = new ArrayList<>();
        for (ThemeQueries.Compiled theme : all) {
            made.add(searcher.createWeight(searcher.rewrite(theme.definition()), ScoreMode.COMPLETE_NO_SCORES, 1f));
        }
        weights.put(searcher, new Weights(all, made));
        return made;
    }

    /** The words of a comment a query matched, as written (at most a few, each once). */
    static List<String> words(Weight weight, LeafReaderContext leaf, int doc, String text) throws IOException {
        Matches matches = weight.matches(leaf, doc);
        if (matches == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        MatchesIterator iterator = matches.getMatches(TextIndex.TEXT);
        if (iterator == null) {
            return List.of();
        }
        while (iterator.next() && words.size() < MOST_WORDS) {
            int start = iterator.startOffset();
            int end = iterator.endOffset();
            if (start >= 0 && end <= text.length() && start < end) {
                words.add(text.substring(start, end).toLowerCase(Locale.UK));
            }
        }
        return new ArrayList<>(words);
    }

    /** How many comments, and how many different people wrote them (a response, or a feedback item). */
    public static final class People {
        long comments;
        final BitSet responses = new BitSet();
        final BitSet items = new BitSet();

        long count() {
            return responses.cardinality() + items.cardinality();
        }

        public People() {
        }

        void add(long who) {
            comments++;
            if (who >= 0) {
                responses.set((int) Math.min(Integer.MAX_VALUE, who));
            } else {
                items.set((int) Math.min(Integer.MAX_VALUE, -who));
            }
        }

        void addAll(People other) {
            comments += other.comments;
            responses.or(other.responses);
            items.or(other.items);
        }

        static CollectorManager<Collector, People> manager() {
            return new CollectorManager<>() {
                private final List<People> parts = new ArrayList<>();

                @Override
                public synchronized Collector newCollector() {
                    People part = new People();
                    parts.add(part);
                    return new Collector() {
                        @Override
                        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                            NumericDocValues respondent = context.reader().getNumericDocValues(TextIndex.RESPONDENT);
                            return new LeafCollector() {
                                @Override
                                public void setScorer(Scorable scorer) {
                                }

                                @Override
                                public void collect(int doc) throws IOException {
                                    part.comments++;
                                    if (respondent != null && respondent.advanceExact(doc)) {
                                        long who = respondent.longValue();
                                        if (who >= 0) {
                                            part.responses.set((int) Math.min(Integer.MAX_VALUE, who));
                                        } else {
                                            part.items.set((int) Math.min(Integer.MAX_VALUE, -who));
                                        }
                                    }
                                }
                            };
                        }

                        @Override
                        public ScoreMode scoreMode() {
                            return ScoreMode.COMPLETE_NO_SCORES;
                        }
                    };
                }

                @Override
                public People reduce(Collection<Collector> collectors) {
                    People all = new People();
                    for (People part : parts) {
                        all.comments += part.comments;
                        all.responses.or(part.responses);
                        all.items.or(part.items);
                    }
                    return all;
                }
            };
        }
    }
}
