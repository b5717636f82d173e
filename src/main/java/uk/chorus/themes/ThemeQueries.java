package uk.chorus.themes;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.List;

/**
 * Themes as queries. A theme's definition is parsed with Lucene's SimpleQueryParser over the
 * comment text, read the way searches are read (stems and SEND synonyms). Definitions are matched
 * when counting rather than stored in the index, so editing a definition takes effect at once for
 * every comment, with nothing to re-index. The learned model's themes are stored with each comment
 * when it is indexed (the LEARNED field). A lead's decision, stored with the comment, always wins:
 * a comment is under a theme when the definition or the learned model gives it and no lead
 * rejected it, or when a lead confirmed it.
 */
@Singleton
public class ThemeQueries {
    private final ThemeStore store;
    private final TextAnalysis analysis;
    private volatile List<Compiled> compiled;

    ThemeQueries(ThemeStore store, TextAnalysis analysis) {
        this.store = store;
        this.analysis = analysis;
    }

    /** A theme with its definition parsed, and the query for the comments under it. */
    public record Compiled(ThemeStore.Theme theme, Query definition, Query membership) {
        public String id() {
            return theme.id();
        }
    }

    public List<Compiled> all() {
        List<Compiled> current = compiled;
        if (current == null) {
            current = store.all().stream().map(t -> new Compiled(t, parse(t.definition()), membership(t.id(),
                    parse(t.definition())))).toList();
            compiled = current;
        }
        return current;
    }

    @EventListener
    void onThemeChanged(ThemeChanged changed) {
        compiled = null;
    }

    /** Another instance may have changed a theme: the index follower has just caught up with it. */
    @EventListener
    void onIndexChanged(IndexFollower.IndexChanged changed) {
        compiled = null;
    }

    /** A definition or a search as a query on the comment text ({@code every}: all words must match). */
    Query parse(String text, boolean every) {
        SimpleQueryParser parser = new SimpleQueryParser(analysis.query(), TextIndex.TEXT);
        // Multi-word synonyms ("education health and care plan") match as phrases, not as loose words.
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        parser.setDefaultOperator(every ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
        Query query = parser.parse(text);
        return query == null ? new MatchNoDocsQuery() : query;
    }

    Query parse(String definition) {
        return parse(definition, false);
    }

    static Query membership(String themeId, Query definition) {
        // The definition's words, or the learned model's decision stored when the comment was indexed.
        Query tagged = new BooleanQuery.Builder()
                .add(definition, BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(TextIndex.LEARNED, themeId)), BooleanClause.Occur.SHOULD)
                .build();
        Query matched = new BooleanQuery.Builder()
                .add(tagged, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(TextIndex.REJECTED, themeId)), BooleanClause.Occur.MUST_NOT)
                .build();
        return new BooleanQuery.Builder()
                .add(matched, BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(TextIndex.CONFIRMED, themeId)), BooleanClause.Occur.SHOULD)
                .build();
    }

    /** Comments under any theme at all. */
    Query anyTheme() {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        all().forEach(c -> any.add(c.membership(), BooleanClause.Occur.SHOULD));
        return any.build();
    }
}
