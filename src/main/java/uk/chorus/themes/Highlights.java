package uk.chorus.themes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A page of comments as a lead reads them: the words that matched marked (UnifiedHighlighter,
 * reading the same stems and synonyms as the search), each theme the comment is under with the
 * words that made it, and a lead's decisions beside them.
 */
@Singleton
class Highlights {
    private static final int MOST_WORDS = 8;
    private final ThemeQueries themes;
    private final TextAnalysis analysis;
    private final ThemeBits bits;
    /** Weakly keyed by searcher: each index version's theme weights are made once. */
    private final Cache<IndexSearcher, Weights> weights = Caffeine.newBuilder().weakKeys().build();

    Highlights(ThemeQueries themes, TextAnalysis analysis, ThemeBits bits) {
        this.themes = themes;
        this.analysis = analysis;
        this.bits = bits;
    }

    private record Weights(List<ThemeQueries.Compiled> themes, List<Weight> weights) {
    }

    /**
     * The comments, in order. {@code marking}: what to mark (null for nothing); {@code similar}:
     * which of them were found by meaning alone, with no word to mark.
     */
    List<CommentSearch.Hit> hits(IndexSearcher searcher, ScoreDoc[] docs, @Nullable Query marking, Set<Integer> similar,
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
            marked = highlighter.highlightFields(new String[]{TextIndex.TEXT}, marking, ids, new int[]{1})
                    .get(TextIndex.TEXT);
        }
        List<ThemeQueries.Compiled> all = themes.all();
        List<Weight> weights = weights(searcher, all);
        List<CommentSearch.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            Document doc = searcher.storedFields().document(docs[i].doc);
            String id = doc.get(TextIndex.ID);
            String text = doc.get(TextIndex.TEXT);
            Map<String, Boolean> decided = decisions.getOrDefault(id, Map.of());
            List<CommentSearch.Tag> tags = new ArrayList<>();
            LeafReaderContext leaf = searcher.getIndexReader().leaves()
                    .get(ReaderUtil.subIndex(docs[i].doc, searcher.getIndexReader().leaves()));
            var themed = bits.of(searcher, leaf);
            int inLeaf = docs[i].doc - leaf.docBase;
            for (int t = 0; t < all.size(); t++) {
                ThemeQueries.Compiled theme = all.get(t);
                Boolean decision = decided.get(theme.id());
                // Only themes the comment is under (its bits), or that a lead decided about, are read for words.
                boolean under = inLeaf < themed[t].length() && themed[t].get(inLeaf);
                List<String> words = under || decision != null ? words(weights.get(t), leaf, inLeaf, text) : List.of();
                if (!words.isEmpty() || decision != null) {
                    tags.add(new CommentSearch.Tag(theme.id(), theme.theme().name(), words, decision));
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
            boolean meaningOnly = similar.contains(docs[i].doc);
            hits.add(new CommentSearch.Hit(id, text, meaningOnly || marked == null ? null : marked[i], fields,
                    LocalDate.ofEpochDay(day), tags, meaningOnly));
        }
        return hits;
    }

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
        MatchesIterator iterator = matches.getMatches(TextIndex.TEXT);
        if (iterator == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        while (iterator.next() && words.size() < MOST_WORDS) {
            int start = iterator.startOffset();
            int end = iterator.endOffset();
            if (start >= 0 && end <= text.length() && start < end) {
                words.add(text.substring(start, end).toLowerCase(Locale.UK));
            }
        }
        return new ArrayList<>(words);
    }
}
