package uk.chorus.themes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Searching the comments, by words and by meaning. The words find comments that say them (with
 * stems and SEND synonyms); the meaning finds comments that say the same thing in other words
 * (Lucene's vector search over each comment's sentence embedding, held to the same filters and
 * permissions as the words). The two are fused by reciprocal rank for "most relevant", and a
 * comment found by meaning alone says so rather than marking words it does not contain. Query
 * building, marking and counting live in {@link SearchQueries}, {@link Highlights} and
 * {@link SearchCounts}; comments are read fresh every time, counts are cached per index version.
 */
@Singleton
public class CommentSearch {
    public static final int PAGE_SIZE = 20;
    /** Comments close in meaning looked at per search: enough for several pages, few enough to stay quick. */
    static final int MEANING_CANDIDATES = 100;
    /** Reciprocal rank fusion's constant (Cormack et al.): ranks beyond the first few count for less and less. */
    private static final int RRF_K = 60;
    private final TextIndex index;
    private final ThemeQueries themes;
    private final SearchQueries queries;
    private final Highlights highlights;
    private final SearchCounts counting;
    private final SentenceEmbedder embedder;
    /** Cosine similarity a comment needs to the words to be found by meaning (0.5: paraphrases, not neighbours). */
    private final float meaningFloor;
    private final Cache<String, float[]> vectors = Caffeine.newBuilder().maximumSize(1000).build();
    /** Doc numbers are only valid for one index version: entries name their reader, and go when the index changes. */
    private final Cache<MeaningKey, Meaning> meanings = Caffeine.newBuilder().maximumSize(500).build();

    CommentSearch(TextIndex index, ThemeQueries themes, SearchQueries queries, Highlights highlights,
                  SearchCounts counting, SentenceEmbedder embedder,
                  @io.micronaut.context.annotation.Value("${chorus.themes.meaning-floor:0.5}") float meaningFloor) {
        this.index = index;
        this.themes = themes;
        this.queries = queries;
        this.highlights = highlights;
        this.counting = counting;
        this.embedder = embedder;
        this.meaningFloor = meaningFloor;
    }

    @io.micronaut.runtime.event.annotation.EventListener
    void onIndexChanged(IndexFollower.IndexChanged changed) {
        meanings.invalidateAll();
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

    /** A comment found; {@code similar}: found by meaning alone (none of the words are in it). */
    public record Hit(String id, String text, @Nullable String marked, Map<String, String> fields, LocalDate date,
                      List<Tag> tags, boolean similar) {
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

    public Page search(Request request, Map<String, Map<String, Boolean>> decisions) {
        Query keywords = queries.keywords(request);
        return index.search(searcher -> {
            try {
                Meaning meaning = meaning(searcher, request);
                Query found = meaning.docs().isEmpty() ? keywords : new BooleanQuery.Builder()
                        .add(new BooleanQuery.Builder().add(queries.words(request.words(), true), BooleanClause.Occur.SHOULD)
                                .add(meaning.query(), BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.MUST)
                        .add(queries.filters(request), BooleanClause.Occur.FILTER).build();
                Counts counted = counting.count(searcher, found, false, true);
                int first = (Math.max(1, request.page()) - 1) * PAGE_SIZE;
                ScoreDoc[] ranked;
                if (request.order() == Order.NEWEST || request.words().isBlank()) {
                    ranked = searcher.search(found, first + PAGE_SIZE, newest()).scoreDocs;
                } else {
                    ranked = fused(searcher.search(keywords, Math.max(first + PAGE_SIZE, MEANING_CANDIDATES)).scoreDocs,
                            meaning.docs());
                }
                ScoreDoc[] page = java.util.Arrays.copyOfRange(ranked, Math.min(first, ranked.length),
                        Math.min(ranked.length, first + PAGE_SIZE));
                return new Page(highlights.hits(searcher, page, queries.marking(request),
                        meaningOnly(searcher, page, meaning, keywords), decisions), counted);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The comments close in meaning to the words, best first, and a query that finds exactly them. */
    private record Meaning(List<ScoreDoc> docs, Query query) {
    }

    /**
     * Vector search for the words' meaning, filtered by everything the request filters by (filter
     * values, theme, dates and the young people's surveys this person may not read) inside the
     * nearest-neighbour search itself, so a hidden comment can never take a place in the results.
     * Only comments at least {@code meaningFloor} alike are kept; words with operators are not
     * searched by meaning.
     */
    private Meaning meaning(IndexSearcher searcher, Request request) throws IOException {
        // Operators ask for exact words ("-club" must leave club out): meaning would not honour them.
        if (request.words().isBlank() || !SearchQueries.plain(request.words()) || !hasVectors(searcher)) {
            return new Meaning(List.of(), null);
        }
        Query filter = SearchQueries.unfiltered(request) ? null : queries.filters(request);
        MeaningKey key = new MeaningKey(request.words(), filter, SearchCounts.readerKey(searcher.getIndexReader()));
        Meaning known = meanings.getIfPresent(key);
        if (known != null) {
            return known;
        }
        float[] vector = vectors.get(request.words(), embedder::embed);
        TopDocs top = searcher.search(new KnnFloatVectorQuery(SentenceEmbedder.FIELD, vector, MEANING_CANDIDATES,
                filter), MEANING_CANDIDATES);
        // A dot-product vector score is (1 + cosine) / 2.
        float floor = (1 + meaningFloor) / 2;
        List<ScoreDoc> close = new ArrayList<>();
        List<BytesRef> ids = new ArrayList<>();
        for (ScoreDoc doc : top.scoreDocs) {
            if (doc.score >= floor) {
                close.add(doc);
                ids.add(new BytesRef(searcher.storedFields().document(doc.doc, Set.of(TextIndex.ID)).get(TextIndex.ID)));
            }
        }
        Meaning found = new Meaning(close, ids.isEmpty() ? null : new TermInSetQuery(TextIndex.ID, ids));
        meanings.put(key, found);
        return found;
    }

    /** The same words under the same filters on the same index version find the same comments by meaning. */
    private record MeaningKey(String words, @Nullable Query filter, Object reader) {
    }

    private static boolean hasVectors(IndexSearcher searcher) {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FieldInfo field = leaf.reader().getFieldInfos().fieldInfo(SentenceEmbedder.FIELD);
            if (field != null && field.getVectorDimension() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Reciprocal rank fusion: each comment scores 1 / (60 + its rank) in each list it is in. */
    static ScoreDoc[] fused(ScoreDoc[] byWords, List<ScoreDoc> byMeaning) {
        Map<Integer, Float> scores = new LinkedHashMap<>();
        for (int rank = 0; rank < byWords.length; rank++) {
            scores.merge(byWords[rank].doc, 1f / (RRF_K + rank + 1), Float::sum);
        }
        for (int rank = 0; rank < byMeaning.size(); rank++) {
            scores.merge(byMeaning.get(rank).doc, 1f / (RRF_K + rank + 1), Float::sum);
        }
        return scores.entrySet().stream().sorted(Map.Entry.<Integer, Float>comparingByValue().reversed())
                .map(e -> new ScoreDoc(e.getKey(), e.getValue())).toArray(ScoreDoc[]::new);
    }

    /** Which comments of a page the meaning found and the words did not. */
    private static Set<Integer> meaningOnly(IndexSearcher searcher, ScoreDoc[] page, Meaning meaning, Query keywords)
            throws IOException {
        if (meaning.docs().isEmpty()) {
            return Set.of();
        }
        Set<Integer> byMeaning = new HashSet<>();
        meaning.docs().forEach(d -> byMeaning.add(d.doc));
        Weight words = searcher.createWeight(searcher.rewrite(keywords), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Set<Integer> only = new HashSet<>();
        for (ScoreDoc doc : page) {
            if (!byMeaning.contains(doc.doc)) {
                continue;
            }
            var leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc.doc, leaves));
            Scorer scorer = words.scorer(leaf);
            int inLeaf = doc.doc - leaf.docBase;
            if (scorer == null || scorer.iterator().advance(inLeaf) != inLeaf) {
                only.add(doc.doc);
            }
        }
        return only;
    }

    private static Sort newest() {
        return new Sort(new SortField(TextIndex.DATE, SortField.Type.LONG, true), SortField.FIELD_DOC);
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
                People people = SearchCounts.people(searcher, query);
                TopDocs top = searcher.search(query, 10, newest());
                List<Hit> hits = highlights.hits(searcher, top.scoreDocs, matched, Set.of(), Map.of());
                return new Preview(people.comments(), people.count(),
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
                return counting.count(searcher, query, false, false).themes();
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
                return counting.count(searcher, query, true, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The ids of the comments a request's words find (up to {@code limit}), newest first. */
    public List<String> ids(Request request, int limit) {
        Query query = query(request);
        return index.search(searcher -> {
            try {
                TopDocs top = searcher.search(query, Math.max(1, limit), newest());
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

    /** The words of the comments a request's words find (up to {@code limit}), newest first. */
    public List<Stored> texts(Request request, int limit) {
        Query query = query(request);
        return index.search(searcher -> {
            try {
                TopDocs top = searcher.search(query, Math.max(1, limit), newest());
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
                .add(SearchQueries.permissions(hidden), BooleanClause.Occur.FILTER).build();
        return index.search(searcher -> {
            try {
                TopDocs top = searcher.search(query, 1);
                if (top.scoreDocs.length == 0) {
                    return java.util.Optional.<Hit>empty();
                }
                return java.util.Optional.of(highlights.hits(searcher, top.scoreDocs, null, Set.of(),
                        Map.of(id, decided)).get(0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The comments a request's words find under its filters (no meaning: counts and lists stay exact). */
    Query query(Request request) {
        return queries.keywords(request);
    }

    /** The words of a comment a query matched, as written (the tagger shows them as a tag's reason). */
    static List<String> words(Weight weight, LeafReaderContext leaf, int doc, String text) throws IOException {
        return Highlights.words(weight, leaf, doc, text);
    }
}
