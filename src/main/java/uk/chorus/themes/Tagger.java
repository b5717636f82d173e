package uk.chorus.themes;

import jakarta.inject.Singleton;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The themes a piece of text would get, and why, without touching the index: each theme whose
 * definition matches (the text is read into a one-document MemoryIndex), with the words that
 * matched; and each theme the learned model gives it beyond those, with the example comments
 * closest in meaning (POST /api/v1/themes/tag, and the accuracy tests). The same decision as the
 * index makes for a stored comment: its definition or the learned model.
 */
@Singleton
public class Tagger {
    /** How many example comments are shown as the reason for a learned tag. */
    static final int NEAREST = 2;
    private final TextAnalysis analysis;
    private final ThemeQueries themes;
    private final ThemeLearner learner;
    private final SentenceEmbedder embedder;

    Tagger(TextAnalysis analysis, ThemeQueries themes, ThemeLearner learner, SentenceEmbedder embedder) {
        this.analysis = analysis;
        this.themes = themes;
        this.learner = learner;
        this.embedder = embedder;
    }

    /**
     * One theme for a text: {@code matched} the definition's words found in it; when none did,
     * {@code similar} the example comments about the theme that the text is closest to.
     */
    @io.micronaut.serde.annotation.Serdeable
    public record Match(String id, List<String> matched,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                        List<String> similar) {
        public Match(String id, List<String> matched) {
            this(id, matched, List.of());
        }
    }

    public List<Match> tag(String text) {
        List<ThemeQueries.Compiled> compiled = themes.all();
        List<Match> byRules = tag(text, compiled, analysis);
        return learner.model().map(model -> withLearned(text, byRules, compiled, model, embedder.embed(text)))
                .orElse(byRules);
    }

    /** The rules' matches and then the learned model's further themes, in the themes' order. */
    static List<Match> withLearned(String text, List<Match> byRules, List<ThemeQueries.Compiled> compiled,
                                   ThemeModel model, float[] vector) {
        java.util.Map<String, Match> found = new java.util.HashMap<>();
        byRules.forEach(m -> found.put(m.id(), m));
        java.util.Set<String> hits = java.util.Set.copyOf(found.keySet());
        for (String theme : model.learned(vector, hits, null)) {
            found.computeIfAbsent(theme, id -> new Match(id, List.of(),
                    model.nearest(vector, id, NEAREST).stream().map(ThemeModel.Neighbour::text).toList()));
        }
        return compiled.stream().map(c -> found.get(c.id())).filter(java.util.Objects::nonNull).toList();
    }

    static List<Match> tag(String text, List<ThemeQueries.Compiled> themes, TextAnalysis analysis) {
        MemoryIndex memory = new MemoryIndex(true);
        memory.addField(TextIndex.TEXT, text, analysis.index());
        IndexSearcher searcher = memory.createSearcher();
        List<Match> matches = new ArrayList<>();
        try {
            for (ThemeQueries.Compiled theme : themes) {
                Weight weight = searcher.createWeight(searcher.rewrite(theme.definition()), ScoreMode.COMPLETE_NO_SCORES, 1f);
                List<String> words = CommentSearch.words(weight, searcher.getIndexReader().leaves().get(0), 0, text);
                if (!words.isEmpty()) {
                    matches.add(new Match(theme.id(), words));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matches;
    }
}
