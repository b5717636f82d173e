package uk.chorus.themes;

import jakarta.inject.Singleton;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Emerging themes: comments no theme covers, grouped by what they mean. Each comment's meaning
 * vector is read back from the index (computed when it was indexed, never here); comments whose
 * words are the same once case, spacing and punctuation are set aside are one campaign, counted
 * once and flagged. Groups are formed around the comments with the most close neighbours (cosine
 * at least {@link #ALIKE}), then each comment left over joins the group whose centre it is
 * closest to, if close enough. Each group is named by {@link GroupNames}.
 */
@Singleton
class EmergingThemes {
    /** Comments read at most, newest first: clustering is quadratic in them. */
    static final int MOST_READ = 1000;
    /** Cosine similarity for two comments to be about the same thing (all-MiniLM-L6-v2: paraphrases score 0.45 or more). */
    static final float ALIKE = 0.45f;
    /** The same words from at least this many people is a campaign. */
    static final int CAMPAIGN = 3;
    private static final int EXAMPLES = 3;
    private final TextIndex index;
    private final ThemeQueries themes;
    private final TextAnalysis analysis;

    EmergingThemes(TextIndex index, ThemeQueries themes, TextAnalysis analysis) {
        this.index = index;
        this.themes = themes;
        this.analysis = analysis;
    }

    /** One comment: who wrote it, when, and what it means. */
    record Comment(String id, String text, long respondent, LocalDate date, float[] vector, boolean inSet) {
    }

    /** Comments with the same words: one voice; a campaign when enough people sent them. */
    record Voice(String key, List<Comment> comments, float[] vector) {
        boolean campaign() {
            return comments.stream().map(Comment::respondent).distinct().count() >= CAMPAIGN;
        }
    }

    /**
     * A group: its name, the phrases to define a theme by, people in the chosen set (and voices:
     * each campaign counted once), people in the quarter and the one before, examples, and the
     * size of any campaign in it.
     */
    record Group(String name, List<String> phrases, long people, long voices, long thisQuarter, long lastQuarter,
                 List<Comment> examples, long campaignPeople, List<String> ids) {
    }

    /**
     * Groups the comments of {@code set} that no theme covers; {@code earlier} (may be null) adds
     * the comments before it, so that growth can be measured. {@code quarter}: the first day of the
     * quarter growth is measured for. Groups of fewer than {@code smallestGroup} people are left out.
     */
    List<Group> groups(Query set, Query earlier, LocalDate quarter, int smallestGroup) {
        BooleanQuery.Builder pool = new BooleanQuery.Builder().add(set, BooleanClause.Occur.SHOULD);
        if (earlier != null) {
            pool.add(earlier, BooleanClause.Occur.SHOULD);
        }
        Query untagged = new BooleanQuery.Builder().add(pool.build(), BooleanClause.Occur.MUST)
                .add(themes.anyTheme(), BooleanClause.Occur.MUST_NOT).build();
        List<Comment> comments = read(untagged, set);
        List<Voice> voices = voices(comments);
        java.util.function.ToDoubleFunction<String> specificity = specificity();
        List<List<Voice>> clusters = cluster(voices);
        List<Group> groups = new ArrayList<>();
        for (List<Voice> cluster : clusters) {
            Group group = group(cluster, voices, quarter, specificity);
            // Two voices at least make a topic; one campaign sent by enough people is shown too, flagged.
            if (group.people() >= smallestGroup && (group.voices() >= 2 || group.campaignPeople() > 0)) {
                groups.add(group);
            }
        }
        groups.sort(Comparator.comparingLong(Group::voices).reversed().thenComparing(Group::name));
        return groups;
    }

    private List<Comment> read(Query untagged, Query set) {
        return index.search(searcher -> {
            try {
                ScoreDoc[] docs = searcher.search(untagged, MOST_READ,
                        new Sort(new SortField(TextIndex.DATE, SortField.Type.LONG, true))).scoreDocs;
                var inSet = searcher.createWeight(searcher.rewrite(set), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
                List<Comment> read = new ArrayList<>();
                for (ScoreDoc scored : docs) {
                    var leaves = searcher.getIndexReader().leaves();
                    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scored.doc, leaves));
                    int doc = scored.doc - leaf.docBase;
                    float[] vector = vector(leaf, doc);
                    if (vector == null) {
                        continue; // indexed before meaning vectors: it waits for the next rebuild
                    }
                    Document stored = searcher.storedFields().document(scored.doc);
                    NumericDocValues respondent = leaf.reader().getNumericDocValues(TextIndex.RESPONDENT);
                    long who = respondent != null && respondent.advanceExact(doc) ? respondent.longValue() : 0;
                    var scorer = inSet.scorer(leaf);
                    boolean member = scorer != null && scorer.iterator().advance(doc) == doc;
                    read.add(new Comment(stored.get(TextIndex.ID), stored.get(TextIndex.TEXT), who,
                            LocalDate.ofEpochDay(stored.getField(TextIndex.DATE).numericValue().longValue()), vector,
                            member));
                }
                return read;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static float[] vector(LeafReaderContext leaf, int doc) throws IOException {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(SentenceEmbedder.FIELD);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        return iterator.advance(doc) == doc ? values.vectorValue(iterator.index()).clone() : null;
    }

    /** How rare a word is across every comment (its stem's inverse document frequency): rare words say more. */
    private java.util.function.ToDoubleFunction<String> specificity() {
        Map<String, Double> rarity = new java.util.concurrent.ConcurrentHashMap<>();
        return word -> rarity.computeIfAbsent(word, w -> index.search(searcher -> {
            try {
                List<String> stems = analysis.indexTerms(w);
                if (stems.isEmpty()) {
                    return 0.0;
                }
                int docs = searcher.getIndexReader().numDocs();
                int with = searcher.getIndexReader().docFreq(new org.apache.lucene.index.Term(TextIndex.TEXT, stems.get(0)));
                return Math.log((docs + 1.0) / (with + 1.0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** Comments with the same words (case, spacing, punctuation and numbers aside) as one voice. */
    static List<Voice> voices(List<Comment> comments) {
        Map<String, List<Comment>> byWords = new LinkedHashMap<>();
        for (Comment comment : comments) {
            String key = comment.text().toLowerCase(Locale.UK).replaceAll("[^\\p{L}]+", " ").strip();
            byWords.computeIfAbsent(key, k -> new ArrayList<>()).add(comment);
        }
        List<Voice> voices = new ArrayList<>();
        byWords.forEach((key, same) -> voices.add(new Voice(key, same, same.get(0).vector())));
        return voices;
    }

    /** Groups around the voices with most close neighbours; then leftovers join the closest centre. */
    static List<List<Voice>> cluster(List<Voice> voices) {
        int n = voices.size();
        List<List<Integer>> near = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            near.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (SentenceEmbedder.similarity(voices.get(i).vector(), voices.get(j).vector()) >= ALIKE) {
                    near.get(i).add(j);
                    near.get(j).add(i);
                }
            }
        }
        boolean[] taken = new boolean[n];
        List<List<Integer>> groups = new ArrayList<>();
        while (true) {
            int best = -1;
            int most = 0;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                int free = (int) near.get(i).stream().filter(j -> !taken[j]).count();
                if (free > most) {
                    most = free;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            List<Integer> group = new ArrayList<>(List.of(best));
            taken[best] = true;
            for (int j : near.get(best)) {
                if (!taken[j]) {
                    taken[j] = true;
                    group.add(j);
                }
            }
            groups.add(group);
        }
        List<float[]> centres = groups.stream().map(g -> centre(g.stream().map(i -> voices.get(i).vector()).toList())).toList();
        for (int i = 0; i < n; i++) {
            if (taken[i]) {
                continue;
            }
            int closest = -1;
            float score = ALIKE;
            for (int g = 0; g < centres.size(); g++) {
                float alike = SentenceEmbedder.similarity(voices.get(i).vector(), centres.get(g));
                if (alike >= score) {
                    score = alike;
                    closest = g;
                }
            }
            if (closest >= 0) {
                groups.get(closest).add(i);
            } else if (voices.get(i).campaign()) {
                // A campaign like nothing else is still something many people said.
                groups.add(new ArrayList<>(List.of(i)));
            }
        }
        return groups.stream().map(g -> g.stream().map(voices::get).toList()).toList();
    }

    static float[] centre(List<float[]> vectors) {
        float[] sum = new float[vectors.get(0).length];
        for (float[] vector : vectors) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += vector[d];
            }
        }
        double norm = 0;
        for (float v : sum) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= scale;
        }
        return sum;
    }

    private static Group group(List<Voice> cluster, List<Voice> everyone, LocalDate quarter,
                               java.util.function.ToDoubleFunction<String> specificity) {
        Set<Long> people = new HashSet<>();
        Set<Long> thisQuarter = new HashSet<>();
        Set<Long> lastQuarter = new HashSet<>();
        long voices = 0;
        long campaignPeople = 0;
        List<String> ids = new ArrayList<>();
        LocalDate previous = quarter.minusMonths(3);
        LocalDate next = quarter.plusMonths(3);
        for (Voice voice : cluster) {
            boolean spoke = false;
            for (Comment comment : voice.comments()) {
                if (!comment.date().isBefore(quarter) && comment.date().isBefore(next)) {
                    thisQuarter.add(comment.respondent());
                } else if (!comment.date().isBefore(previous) && comment.date().isBefore(quarter)) {
                    lastQuarter.add(comment.respondent());
                }
                if (comment.inSet()) {
                    people.add(comment.respondent());
                    ids.add(comment.id());
                    spoke = true;
                }
            }
            if (spoke) {
                voices++;
                if (voice.campaign()) {
                    campaignPeople += voice.comments().stream().map(Comment::respondent).distinct().count();
                }
            }
        }
        float[] centre = centre(cluster.stream().map(Voice::vector).toList());
        List<Comment> examples = cluster.stream()
                .sorted(Comparator.comparingDouble((Voice v) -> -SentenceEmbedder.similarity(v.vector(), centre)))
                .limit(EXAMPLES).map(v -> v.comments().get(0)).toList();
        List<String> phrases = GroupNames.phrases(cluster, everyone, specificity);
        String name = phrases.isEmpty() ? GroupNames.opening(examples.get(0).text()) : phrases.get(0);
        return new Group(name, phrases, people.size(), voices, thisQuarter.size(), lastQuarter.size(), examples,
                campaignPeople, ids);
    }
}
