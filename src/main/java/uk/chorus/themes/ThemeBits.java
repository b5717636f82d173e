package uk.chorus.themes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Which comments of each index segment are under each theme, as one bit per comment, worked out
 * once per segment and theme version and kept while the segment lives (segments never change;
 * new comments arrive in new, small segments). Counting a theme under any search is then an
 * intersection of bits, whatever the theme's definition, so every theme is counted for every
 * search page at any index size.
 */
@Singleton
public class ThemeBits {
    private final ThemeQueries themes;
    /** Weakly keyed by the segment's core: when a merge retires a segment, its bits go with it. */
    private final Cache<Object, Segment> segments = Caffeine.newBuilder().weakKeys().build();

    ThemeBits(ThemeQueries themes) {
        this.themes = themes;
    }

    /** One segment's bits: per theme, the live comments under it. */
    record Segment(List<ThemeQueries.Compiled> themes, FixedBitSet[] bits) {
    }

    @EventListener
    void onThemeChanged(ThemeChanged changed) {
        segments.invalidateAll();
    }

    /** The bits of one segment, for the themes as they are now. */
    FixedBitSet[] of(IndexSearcher searcher, LeafReaderContext leaf) {
        List<ThemeQueries.Compiled> current = themes.all();
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        Object key = helper == null ? leaf.reader() : helper.getKey();
        // A decision re-adds its comment to a new segment and deletes the old copy; hits hold only
        // live comments, so a segment's bits never need changing while the segment lives.
        Segment segment = segments.getIfPresent(key);
        if (segment == null || segment.themes() != current) {
            FixedBitSet[] computed = compute(weights(searcher, current), leaf);
            decide(leaf, current, computed);
            segment = new Segment(current, computed);
            segments.put(key, segment);
        }
        return segment.bits();
    }

    /**
     * The learned model's themes, stored with each comment, join the definitions'; then a lead's
     * decisions win: rejected comments leave a theme, confirmed ones join it.
     */
    private static void decide(LeafReaderContext leaf, List<ThemeQueries.Compiled> themes, FixedBitSet[] bits) {
        try {
            for (int t = 0; t < themes.size(); t++) {
                for (String field : new String[]{TextIndex.LEARNED, TextIndex.REJECTED, TextIndex.CONFIRMED}) {
                    var postings = leaf.reader().postings(new org.apache.lucene.index.Term(field, themes.get(t).id()));
                    if (postings == null) {
                        continue;
                    }
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (field.equals(TextIndex.REJECTED)) {
                            bits[t].clear(doc);
                        } else {
                            bits[t].set(doc);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every comment of a segment under any theme at all. */
    FixedBitSet any(IndexSearcher searcher, LeafReaderContext leaf) {
        FixedBitSet any = new FixedBitSet(Math.max(1, leaf.reader().maxDoc()));
        for (FixedBitSet theme : of(searcher, leaf)) {
            any.or(theme);
        }
        return any;
    }

    private record Weights(List<ThemeQueries.Compiled> themes, List<Weight> weights) {
    }

    /** The themes' weights, made once per searcher: making them reads term statistics from every segment. */
    private final Cache<IndexSearcher, Weights> weights = Caffeine.newBuilder().weakKeys().build();

    private List<Weight> weights(IndexSearcher searcher, List<ThemeQueries.Compiled> current) {
        Weights cached = weights.getIfPresent(searcher);
        if (cached != null && cached.themes() == current) {
            return cached.weights();
        }
        List<Weight> made = new java.util.ArrayList<>();
        try {
            for (ThemeQueries.Compiled theme : current) {
                // The definition alone: a plain disjunction, which bulk scoring matches fastest. Decisions
                // are applied afterwards from their own few postings.
                made.add(searcher.createWeight(searcher.rewrite(theme.definition()), ScoreMode.COMPLETE_NO_SCORES, 1f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        weights.put(searcher, new Weights(current, made));
        return made;
    }

    /** Each theme's bits, the themes matched side by side on every core. */
    private static FixedBitSet[] compute(List<Weight> weights, LeafReaderContext leaf) {
        FixedBitSet[] bits = new FixedBitSet[weights.size()];
        java.util.stream.IntStream.range(0, weights.size()).parallel().forEach(t -> {
            try {
                FixedBitSet theme = new FixedBitSet(Math.max(1, leaf.reader().maxDoc()));
                // Bulk scoring: a disjunction of many words is matched a window of documents at a time.
                BulkScorer scorer = weights.get(t).bulkScorer(leaf);
                if (scorer != null) {
                    scorer.score(new LeafCollector() {
                        @Override
                        public void setScorer(Scorable scorable) {
                        }

                        @Override
                        public void collect(int doc) {
                            theme.set(doc);
                        }
                    }, null, 0, DocIdSetIterator.NO_MORE_DOCS);
                }
                bits[t] = theme;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return bits;
    }

}
