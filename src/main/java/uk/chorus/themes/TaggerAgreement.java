package uk.chorus.themes;

import jakarta.inject.Singleton;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * How often the tagger and the leads agree about one theme: a live estimate of its precision and
 * recall from every "is / is not about this theme" decision in force. The tagger's side is what
 * the index holds for the comment without the decision (its definition's words, or the learned
 * model's stored tag; a decided comment is scored without its own example), so a decision
 * does not simply agree with itself.
 */
@Singleton
class TaggerAgreement {
    private final TextIndex index;
    private final ThemeQueries themes;
    private final ThemeStore store;

    TaggerAgreement(TextIndex index, ThemeQueries themes, ThemeStore store) {
        this.index = index;
        this.themes = themes;
        this.store = store;
    }

    /**
     * @param decided    comments a lead decided about for this theme
     * @param agreed     of those, where the tagger said the same
     * @param tagged     decided comments the tagger put under the theme
     * @param right      of those, the ones a lead confirmed (precision: right / tagged)
     * @param confirmed  comments a lead confirmed (recall: right / confirmed)
     */
    record Agreement(int decided, int agreed, int tagged, int right, int confirmed) {
        int precisionPercent() {
            return tagged == 0 ? 0 : Math.round(100f * right / tagged);
        }

        int recallPercent() {
            return confirmed == 0 ? 0 : Math.round(100f * right / confirmed);
        }
    }

    Agreement of(String themeId) {
        Query tagger = themes.all().stream().filter(c -> c.id().equals(themeId)).findFirst()
                .map(c -> (Query) new BooleanQuery.Builder().add(c.definition(), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term(TextIndex.LEARNED, themeId)), BooleanClause.Occur.SHOULD).build())
                .orElse(null);
        if (tagger == null) {
            return new Agreement(0, 0, 0, 0, 0);
        }
        int decided = 0;
        int agreed = 0;
        int tagged = 0;
        int right = 0;
        int confirmed = 0;
        for (Map.Entry<String, Map<String, Boolean>> comment : store.allDecisions().entrySet()) {
            Boolean yes = comment.getValue().get(themeId);
            if (yes == null) {
                continue;
            }
            Query thisOne = new BooleanQuery.Builder().add(new TermQuery(new Term(TextIndex.ID, comment.getKey())),
                    BooleanClause.Occur.FILTER).add(tagger, BooleanClause.Occur.FILTER).build();
            boolean said = index.search(searcher -> {
                try {
                    return searcher.count(thisOne) > 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            decided++;
            agreed += said == yes ? 1 : 0;
            tagged += said ? 1 : 0;
            right += said && yes ? 1 : 0;
            confirmed += yes ? 1 : 0;
        }
        return new Agreement(decided, agreed, tagged, right, confirmed);
    }
}
