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
 * The themes a piece of text would get, and the words that matched each, without touching the
 * index: the text is read into a one-document MemoryIndex and every theme's definition is matched
 * against it (POST /api/v1/themes/tag, and the accuracy test).
 */
@Singleton
public class Tagger {
    private final TextAnalysis analysis;
    private final ThemeQueries themes;

    Tagger(TextAnalysis analysis, ThemeQueries themes) {
        this.analysis = analysis;
        this.themes = themes;
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Match(String id, List<String> matched) {
    }

    public List<Match> tag(String text) {
        return tag(text, themes.all(), analysis);
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
