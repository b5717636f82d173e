package uk.chorus.themes;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;
import org.carrot2.clustering.Cluster;
import org.carrot2.clustering.lingo.LingoClusteringAlgorithm;
import org.carrot2.language.LanguageComponents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What is new: the words and two-word phrases that are much more common in a chosen set of
 * comments (a wave, a quarter, a group) than in a background (everything, or the period before),
 * scored the way search engines score "significant terms" (JLH: how much more common, times how
 * many times more common). A word is shown only when at least the smallest publishable group of
 * people used it; one that no theme covers is flagged as a candidate new theme. Comments no theme
 * covers can be grouped into labelled clusters (Carrot2's Lingo, on this machine).
 */
@Singleton
public class WhatIsNew {
    static final int MOST_TERMS = 25;
    static final int MOST_CLUSTERED = 500;
    /** Comments of the set read again for candidates; the best candidates are then counted exactly. */
    static final int SAMPLE = 5000;
    static final int WORD_CANDIDATES = 80;
    static final int PHRASE_CANDIDATES = 40;
    private final TextIndex index;
    private final ThemeQueries themes;
    private final TextAnalysis analysis;
    private final ThemeBits bits;
    private volatile LanguageComponents english;

    WhatIsNew(TextIndex index, ThemeQueries themes, TextAnalysis analysis, ThemeBits bits) {
        this.index = index;
        this.themes = themes;
        this.analysis = analysis;
        this.bits = bits;
    }

    /**
     * A significant word or phrase: as people wrote it, the index's own term (to search for), how
     * many comments in the set and the background use it, its score, and whether themes cover it.
     */
    public record Significant(String label, String search, long inSet, long inBackground, double score, long people,
                              boolean covered) {
    }

    public record Found(long setSize, long backgroundSize, List<Significant> words, List<Significant> phrases) {
    }

    public record Group(String label, List<String> ids, List<String> examples) {
    }

    public Found significant(Query set, @Nullable Query background, int smallestGroup) {
        return index.search(searcher -> {
            try {
                FixedBitSet inSet = bits(searcher, set);
                long setSize = inSet.cardinality();
                long backgroundSize = background == null ? searcher.getIndexReader().numDocs() : searcher.count(background);
                if (setSize == 0 || backgroundSize == 0) {
                    return new Found(setSize, backgroundSize, List.of(), List.of());
                }
                Sample sample = sample(searcher, inSet, setSize);
                List<Significant> words = significant(searcher, sample.words(), sample.step(), setSize, backgroundSize,
                        smallestGroup, set, background, true);
                List<Significant> phrases = significant(searcher, sample.pairs(), sample.step(), setSize, backgroundSize,
                        smallestGroup, set, background, false);
                return new Found(setSize, backgroundSize, words, phrases);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** How many of the sampled comments use each word (as the index holds it) and each two-word phrase. */
    private record Sample(java.util.Map<String, Integer> words, java.util.Map<String, Integer> pairs, double step) {
    }

    /**
     * Reads again (up to SAMPLE of) the set's comments: the candidates come from what they say. A
     * sample keeps this quick at any size; every candidate is then counted exactly.
     */
    private Sample sample(IndexSearcher searcher, FixedBitSet inSet, long setSize) throws IOException {
        int step = (int) Math.max(1, setSize / SAMPLE);
        java.util.Map<String, Integer> words = new java.util.HashMap<>();
        java.util.Map<String, Integer> pairs = new java.util.HashMap<>();
        var stored = searcher.storedFields();
        int seen = 0;
        int read = 0;
        for (int doc = inSet.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
             doc = doc + 1 < inSet.length() ? inSet.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            if (seen++ % step != 0) {
                continue;
            }
            read++;
            String text = stored.document(doc, java.util.Set.of(TextIndex.TEXT)).get(TextIndex.TEXT);
            new java.util.HashSet<>(tokens(analysis.index(), text)).stream().filter(WhatIsNew::readable)
                    .forEach(w -> words.merge(w, 1, Integer::sum));
            new java.util.HashSet<>(tokens(analysis.phrases(), text)).forEach(p -> pairs.merge(p, 1, Integer::sum));
        }
        return new Sample(words, pairs, setSize / (double) Math.max(1, read));
    }

    private static List<String> tokens(org.apache.lucene.analysis.Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (var stream = analyzer.tokenStream(TextIndex.TEXT, text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    /**
     * Scores the sample's candidates: first roughly (sampled count against how common the word is
     * everywhere), then the best exactly, in the set and in the background, and keeps those used
     * by at least the smallest group of people.
     */
    private List<Significant> significant(IndexSearcher searcher, java.util.Map<String, Integer> sampled, double step,
                                          long setSize, long backgroundSize, int smallestGroup, Query set,
                                          @Nullable Query background, boolean word) throws IOException {
        long everything = Math.max(1, searcher.getIndexReader().numDocs());
        List<Candidate> rough = new ArrayList<>();
        for (var entry : sampled.entrySet()) {
            double inSet = entry.getValue() * step;
            if (inSet < smallestGroup || entry.getValue() < 2) {
                continue;
            }
            long anywhere = word ? searcher.getIndexReader().docFreq(new Term(TextIndex.TEXT, entry.getKey()))
                    : Math.round(inSet);
            rough.add(new Candidate(entry.getKey(), Math.round(inSet), anywhere,
                    jlh(Math.round(inSet), setSize, Math.max(anywhere, Math.round(inSet)), everything)));
        }
        rough.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> exact = new ArrayList<>();
        for (Candidate candidate : rough.subList(0, Math.min(rough.size(), word ? WORD_CANDIDATES : PHRASE_CANDIDATES))) {
            Query with = query(candidate.term(), word);
            if (with == null) {
                continue;
            }
            long fg = searcher.count(new BooleanQuery.Builder().add(set, BooleanClause.Occur.FILTER)
                    .add(with, BooleanClause.Occur.FILTER).build());
            long bg = background == null ? (word ? candidate.inBackground() : searcher.count(with))
                    : searcher.count(new BooleanQuery.Builder().add(background, BooleanClause.Occur.FILTER)
                    .add(with, BooleanClause.Occur.FILTER).build());
            double score = jlh(fg, setSize, bg, backgroundSize);
            if (fg >= smallestGroup && score > 0) {
                exact.add(new Candidate(candidate.term(), fg, bg, score));
            }
        }
        exact.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Significant> shown = new ArrayList<>();
        for (Candidate candidate : exact) {
            if (shown.size() == MOST_TERMS) {
                break;
            }
            Query inTheSet = new BooleanQuery.Builder().add(set, BooleanClause.Occur.FILTER)
                    .add(query(candidate.term(), word), BooleanClause.Occur.FILTER).build();
            // Who used it, and how many of those comments any theme covers (from the themes' bits).
            People people = new People();
            long covered = 0;
            Weight weight = searcher.createWeight(searcher.rewrite(inTheSet), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                FixedBitSet any = bits.any(searcher, leaf);
                Bits live = leaf.reader().getLiveDocs();
                var respondent = leaf.reader().getNumericDocValues(TextIndex.RESPONDENT);
                DocIdSetIterator docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    people.add(respondent != null && respondent.advanceExact(doc) ? respondent.longValue() : 0);
                    covered += any.get(doc) ? 1 : 0;
                }
            }
            if (people.count() < smallestGroup) {
                continue; // several comments, but from too few people to show
            }
            String label = word ? surface(searcher, inTheSet, candidate.term()) : candidate.term();
            shown.add(new Significant(label, word ? label : "\"" + candidate.term() + "\"", candidate.inSet(),
                    candidate.inBackground(), candidate.score(), people.count(), covered * 2 >= people.comments()));
        }
        return shown;
    }

    /** A word (as the index holds it) or a two-word phrase, as a query on the comment text. */
    private @Nullable Query query(String term, boolean word) {
        if (word) {
            return new TermQuery(new Term(TextIndex.TEXT, term));
        }
        List<String> terms = analysis.indexTerms(term);
        return terms.size() == 2 ? new org.apache.lucene.search.PhraseQuery(TextIndex.TEXT, terms.get(0), terms.get(1)) : null;
    }

    private record Candidate(String term, long inSet, long inBackground, double score) {
    }

    /** JLH: (share in the set minus share in the background) times (share in the set over share in the background). */
    static double jlh(long inSet, long setSize, long inBackground, long backgroundSize) {
        double foreground = inSet / (double) setSize;
        double background = Math.max(inBackground, 1) / (double) backgroundSize;
        return foreground <= background ? 0 : (foreground - background) * (foreground / background);
    }

    /** Words worth showing: letters only (no numbers), more than two of them, not a stop word. */
    private static boolean readable(String term) {
        return term.length() > 2 && term.chars().allMatch(Character::isLetter) && !TextAnalysis.STOP_WORDS.contains(term);
    }

    /** The word as someone wrote it (the index holds stems: "wait" was written "waiting"). */
    private String surface(IndexSearcher searcher, Query query, String term) throws IOException {
        TopDocs top = searcher.search(query, 1);
        if (top.scoreDocs.length == 0) {
            return term;
        }
        int doc = top.scoreDocs[0].doc;
        var leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        Weight weight = searcher.createWeight(new TermQuery(new Term(TextIndex.TEXT, term)), ScoreMode.COMPLETE_NO_SCORES, 1f);
        String text = searcher.storedFields().document(doc).get(TextIndex.TEXT);
        List<String> words = CommentSearch.words(weight, leaf, doc - leaf.docBase, text);
        return words.isEmpty() ? term : words.get(0);
    }

    /** The comments a query matches, as one bit set over the whole index. */
    private static FixedBitSet bits(IndexSearcher searcher, Query query) throws IOException {
        FixedBitSet bits = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator docs = scorer.iterator();
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    bits.set(leaf.docBase + doc);
                }
            }
        }
        return bits;
    }

    /**
     * Comments in the set that no theme covers, grouped by what they say (Lingo), each group
     * labelled; groups of fewer comments than the smallest group are left out.
     */
    public List<Group> untaggedGroups(Query set, int smallestGroup) {
        Query untagged = new BooleanQuery.Builder().add(set, BooleanClause.Occur.FILTER)
                .add(themes.anyTheme(), BooleanClause.Occur.MUST_NOT).build();
        List<ClusteredComment> comments = index.search(searcher -> {
            try {
                TopDocs top = searcher.search(untagged, MOST_CLUSTERED);
                List<ClusteredComment> found = new ArrayList<>();
                for (var doc : top.scoreDocs) {
                    var stored = searcher.storedFields().document(doc.doc);
                    found.add(new ClusteredComment(stored.get(TextIndex.ID), stored.get(TextIndex.TEXT)));
                }
                return found;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (comments.size() < smallestGroup) {
            return List.of();
        }
        LingoClusteringAlgorithm lingo = new LingoClusteringAlgorithm();
        List<Cluster<ClusteredComment>> clusters = lingo.cluster(comments.stream(), english());
        List<Group> groups = new ArrayList<>();
        for (Cluster<ClusteredComment> cluster : clusters) {
            if (cluster.getDocuments().size() >= smallestGroup && !cluster.getLabels().isEmpty()) {
                groups.add(new Group(String.join(", ", cluster.getLabels()),
                        cluster.getDocuments().stream().map(ClusteredComment::id).toList(),
                        cluster.getDocuments().stream().limit(3).map(ClusteredComment::text).toList()));
            }
        }
        groups.sort(Comparator.comparingInt((Group g) -> g.ids().size()).reversed());
        return groups;
    }

    private LanguageComponents english() {
        LanguageComponents loaded = english;
        if (loaded == null) {
            try {
                loaded = LanguageComponents.loader().load().language("English");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            english = loaded;
        }
        return loaded;
    }

    /** A comment as Carrot2 reads it. */
    record ClusteredComment(String id, String text) implements org.carrot2.clustering.Document {
        @Override
        public void visitFields(java.util.function.BiConsumer<String, String> fieldConsumer) {
            fieldConsumer.accept("text", text);
        }
    }
}
