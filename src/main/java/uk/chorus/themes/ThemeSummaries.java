package uk.chorus.themes;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What other features (the "you said, we did" reports) ask of the themes: how many people raised
 * each theme in a period and a set of sources, and which of their comments say it most typically.
 * Sources never overlap (a survey's answers, or feedback), and each person belongs to one source,
 * so counts over several sources are sums.
 */
@Singleton
public class ThemeSummaries {
    /** Comments read per theme to choose typical ones from. */
    private static final int SAMPLE = 300;
    private final CommentSearch search;
    private final ThemeQueries themes;
    private final TextAnalysis analysis;
    private final Readers readers;

    ThemeSummaries(CommentSearch search, ThemeQueries themes, TextAnalysis analysis, Readers readers) {
        this.search = search;
        this.themes = themes;
        this.analysis = analysis;
        this.readers = readers;
    }

    /** One source over a period: a survey's written answers (by id), every feedback item, or pledge reviews. */
    public record Scope(String source, @Nullable String surveyId, LocalDate from, LocalDate to) {
        public static Scope survey(String surveyId, LocalDate from, LocalDate to) {
            return new Scope(IndexedText.SURVEY, surveyId, from, to);
        }

        public static Scope feedback(LocalDate from, LocalDate to) {
            return new Scope(IndexedText.FEEDBACK, null, from, to);
        }

        public static Scope pledgeReviews(LocalDate from, LocalDate to) {
            return new Scope(IndexedText.PLEDGE, null, from, to);
        }

        CommentSearch.Request request(Set<String> hidden) {
            Map<String, String> filters = surveyId == null ? Map.of("source", source)
                    : Map.of("source", IndexedText.SURVEY, "survey", surveyId);
            return new CommentSearch.Request("", filters, null, from, to, CommentSearch.Order.NEWEST, 1, hidden);
        }
    }

    public record RankedTheme(String id, String name, String description, long people, long comments) {
    }

    /** Everyone who wrote anything in the scopes, and the themes by how many of them raised each, most first. */
    public record Ranking(long people, long comments, List<RankedTheme> themes) {
    }

    public record Candidate(String textId, String text, Map<String, String> groups, String source) {
    }

    public record Group(String dimension, String value, String label, long people) {
    }

    public Ranking rank(List<Scope> scopes, Set<String> hidden) {
        long people = 0;
        long comments = 0;
        Map<String, long[]> byTheme = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            CommentSearch.Counts counts = search.counts(scope.request(hidden));
            people += counts.respondents();
            comments += counts.total();
            for (CommentSearch.ThemeCount count : counts.themes()) {
                long[] sums = byTheme.computeIfAbsent(count.id(), id -> new long[2]);
                sums[0] += count.respondents();
                sums[1] += count.comments();
            }
        }
        List<RankedTheme> ranked = new ArrayList<>();
        for (ThemeQueries.Compiled theme : themes.all()) {
            long[] sums = byTheme.getOrDefault(theme.id(), new long[2]);
            ranked.add(new RankedTheme(theme.id(), theme.theme().name(), theme.theme().description(), sums[0], sums[1]));
        }
        ranked.sort(Comparator.comparingLong(RankedTheme::people).reversed().thenComparing(RankedTheme::id));
        return new Ranking(people, comments, ranked);
    }

    /**
     * The comments under a theme that say most typically what its comments say: each comment of a
     * sample is scored by how many of the sample's other comments share each of its words (so the
     * words everyone used count most), divided by the square root of its length, so a long comment
     * does not win by length alone; very short and very long ones are passed over, and a comment
     * much like one already chosen is skipped.
     */
    public List<Candidate> typical(List<Scope> scopes, String themeId, int wanted, Set<String> hidden) {
        List<CommentSearch.Stored> sample = new ArrayList<>();
        for (Scope scope : scopes) {
            sample.addAll(search.texts(scope.request(hidden).withTheme(themeId), SAMPLE));
        }
        List<Set<String>> terms = new ArrayList<>();
        Map<String, Integer> shared = new HashMap<>();
        for (CommentSearch.Stored comment : sample) {
            Set<String> distinct = new HashSet<>(terms(comment.text()));
            terms.add(distinct);
            distinct.forEach(term -> shared.merge(term, 1, Integer::sum));
        }
        List<Integer> order = new ArrayList<>();
        double[] score = new double[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            int words = sample.get(i).text().split("\\s+").length;
            if (words < 6 || words > 90 || terms.get(i).isEmpty()) {
                continue;
            }
            double sum = 0;
            for (String term : terms.get(i)) {
                sum += shared.get(term) - 1;
            }
            score[i] = sum / Math.sqrt(terms.get(i).size());
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        List<Candidate> chosen = new ArrayList<>();
        List<Set<String>> chosenTerms = new ArrayList<>();
        for (int i : order) {
            if (chosen.size() == wanted) {
                break;
            }
            Set<String> these = terms.get(i);
            if (chosenTerms.stream().anyMatch(other -> overlap(these, other) > 0.6)) {
                continue;
            }
            CommentSearch.Stored comment = sample.get(i);
            String source = comment.fields().containsKey("survey") ? readers.label("survey", comment.fields().get("survey"))
                    : comment.fields().containsKey("channel") ? readers.label("channel", comment.fields().get("channel"))
                    : readers.label("source", comment.fields().getOrDefault("source", IndexedText.PLEDGE));
            chosen.add(new Candidate(comment.id(), comment.text(), groups(comment.fields()), source));
            chosenTerms.add(these);
        }
        return chosen;
    }

    /** How many people under a theme, in the scopes, share each of a comment's about-you groups. */
    public List<Group> groupSizes(List<Scope> scopes, String themeId, Map<String, String> groups, Set<String> hidden) {
        List<Group> sizes = new ArrayList<>();
        groups.forEach((dimension, value) -> {
            long people = 0;
            for (Scope scope : scopes) {
                CommentSearch.Request request = scope.request(hidden).withTheme(themeId);
                Map<String, String> filters = new LinkedHashMap<>(request.filters());
                filters.put(dimension, value);
                people += search.counts(new CommentSearch.Request("", filters, themeId, request.from(), request.to(),
                        request.order(), 1, hidden)).respondents();
            }
            sizes.add(new Group(dimension, value, readers.label(dimension, value), people));
        });
        return sizes;
    }

    /**
     * A comment's words as written, by its id ("r:..." or "f:..."), whoever may read it: for
     * checking that a quote chosen from it is still its words. Empty when it is no longer held.
     */
    public java.util.Optional<String> text(String textId) {
        return search.comment(textId, Set.of(), Map.of()).map(CommentSearch.Hit::text);
    }

    /** The young people's surveys whose words this person may not read, left out of everything they build. */
    public Set<String> hiddenFrom(uk.chorus.accounts.Staff staff) {
        return readers.hiddenFrom(staff);
    }

    /** The name of a survey, as its newest version gives it. */
    public String surveyTitle(String surveyId) {
        return readers.label("survey", surveyId);
    }

    private static Map<String, String> groups(Map<String, String> fields) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (String topic : List.of("ehcp", "age-band", "primary-need", "school-phase", "area")) {
            if (fields.containsKey(topic) && !fields.get(topic).equals("prefer-not-to-say")) {
                groups.put(topic, fields.get(topic));
            }
        }
        return groups;
    }

    private static double overlap(Set<String> a, Set<String> b) {
        long common = a.stream().filter(b::contains).count();
        return common / (double) Math.max(1, Math.min(a.size(), b.size()));
    }

    /** A comment's words as the index holds them, common words left out. */
    private List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analysis.index().tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!TextAnalysis.STOP_WORDS.contains(term.buffer(), 0, term.length()) && term.length() > 1) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
