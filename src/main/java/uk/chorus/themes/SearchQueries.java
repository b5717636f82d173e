package uk.chorus.themes;

import jakarta.inject.Singleton;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * A search request as Lucene queries: the words, the filters (every filter value, a theme, dates,
 * and what this person may read) and the query that marks why a comment matched. The filters are
 * one query of their own so that search by meaning is held to exactly the same filters as search
 * by words.
 */
@Singleton
class SearchQueries {
    /**
     * Plain words (no operator typed): whitespace is not an operator, so the words are read as one
     * piece and multi-word synonyms ("EHC plan", "short breaks", "speech therapy") match as a whole
     * and find every way of saying them.
     */
    private static final int PLAIN = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR;
    /** With operators ("phrases", -not, a|b, a+b, (groups), prefix*), words are split at spaces so each operator applies. */
    private static final int OPERATORS = PLAIN | SimpleQueryParser.WHITESPACE_OPERATOR;
    private static final Pattern TYPED_OPERATOR = Pattern.compile("[\"|+()*~\\\\]|(^|\\s)-");
    private final ThemeQueries themes;
    private final TextAnalysis analysis;

    SearchQueries(ThemeQueries themes, TextAnalysis analysis) {
        this.themes = themes;
        this.analysis = analysis;
    }

    /** The words as a query on the comment text ({@code every}: all words must match, else any). */
    Query words(String text, boolean every) {
        if (text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        SimpleQueryParser parser = new SimpleQueryParser(analysis.query(), java.util.Map.of(TextIndex.TEXT, 1f),
                plain(text) ? PLAIN : OPERATORS);
        // A synonym of several words ("education health and care plan") must match as a phrase.
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        parser.setDefaultOperator(every ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
        Query query = parser.parse(text);
        return query == null ? new MatchNoDocsQuery() : query;
    }

    /** Words with no operator typed: also searched for by meaning. */
    static boolean plain(String text) {
        return !TYPED_OPERATOR.matcher(text).find();
    }

    /** Everything a request asks for but the words: filter values, theme, dates and permissions. */
    Query filters(CommentSearch.Request request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
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

    /** True when a request filters nothing out: the vector search then needs no filter (nor its bit set). */
    static boolean unfiltered(CommentSearch.Request request) {
        return request.filters().values().stream().allMatch(v -> v == null || v.isBlank()) && request.theme() == null
                && request.from() == null && request.to() == null && request.hidden().isEmpty();
    }

    /** The comments the words find, under every filter. */
    Query keywords(CommentSearch.Request request) {
        return new BooleanQuery.Builder().add(words(request.words(), true), BooleanClause.Occur.MUST)
                .add(filters(request), BooleanClause.Occur.FILTER).build();
    }

    /** Every comment but those of young people's surveys this person may not read. */
    static Query permissions(Collection<String> hidden) {
        BooleanQuery.Builder allowed = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        hidden.forEach(survey -> allowed.add(new TermQuery(new Term(TextIndex.RESTRICTED, survey)),
                BooleanClause.Occur.MUST_NOT));
        return allowed.build();
    }

    /** What to mark in a comment: any of the words, and the chosen theme's definition; null for nothing. */
    Query marking(CommentSearch.Request request) {
        BooleanQuery.Builder marked = new BooleanQuery.Builder();
        if (!request.words().isBlank()) {
            marked.add(words(request.words(), false), BooleanClause.Occur.SHOULD);
        }
        if (request.theme() != null) {
            themes.all().stream().filter(t -> t.id().equals(request.theme())).findFirst()
                    .ifPresent(t -> marked.add(t.definition(), BooleanClause.Occur.SHOULD));
        }
        BooleanQuery built = marked.build();
        return built.clauses().isEmpty() ? null : built;
    }
}
