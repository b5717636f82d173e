package uk.chorus.themes;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Search and themes at a million comments: indexing through Chorus's own analysis and fields next
 * to raw Lucene indexing of the same texts with a plain analyzer (StandardAnalyzer, one field), in
 * the same run; search p50/p95 (a page of results with highlights, filter counts and theme
 * counts); counting every theme over the whole corpus; and significant terms over a 10% subset.
 * Not a test: it prints its figures.
 *
 * Run: JAVA_HOME=$(.ci/java-home) ./mvnw -B -Pbench test-compile exec:java -Dexec.mainClass=uk.chorus.themes.ThemesBenchmark
 * Options: -Dbench.comments=1000000 -Dbench.searches=200
 */
public final class ThemesBenchmark {
    private static final int COMMENTS = Integer.getInteger("bench.comments", 1_000_000);
    private static final int SEARCHES = Integer.getInteger("bench.searches", 200);
    private static final String[] TOPICS = {"ehcp", "sen-support", "neither"};
    private static final String[] AGES = {"0-4", "5-10", "11-15", "16-18", "19-25"};

    private ThemesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> sentences = sentences();
        List<String> vocabulary = vocabulary(sentences);
        System.out.printf("Chorus themes benchmark: %,d comments of 30 to 60 words, %d cores, Java %s%n", COMMENTS,
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        Path raw = Files.createTempDirectory("chorus-bench-raw");
        long started = System.nanoTime();
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(raw),
                new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(64))) {
            Random random = new Random(2026);
            for (int i = 0; i < COMMENTS; i++) {
                Document doc = new Document();
                doc.add(new TextField("text", text(random, sentences, vocabulary), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
        }
        double rawRate = COMMENTS / seconds(started);

        TextAnalysis analysis = new TextAnalysis("");
        List<ThemeQueries.Compiled> seeded = ThemeAccuracyTest.seededThemes(analysis);
        ThemeQueries themes = new ThemeQueries(null, analysis) {
            @Override
            public List<Compiled> all() {
                return seeded;
            }
        };
        Path ours = Files.createTempDirectory("chorus-bench-ours");
        TextIndex index = new TextIndex(FSDirectory.open(ours), analysis, 64);
        started = System.nanoTime();
        Random random = new Random(2026);
        LocalDate first = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < COMMENTS; i++) {
            String text = text(random, sentences, vocabulary);
            index.add(new IndexedText("r:" + i + ":q", IndexedText.SURVEY, i, "family-voice-" + (2025 + i % 10 / 9),
                    2025 + (i % 10 == 0 ? 0 : 1), "biggest_difference", null, null, first.plusDays(i % 700),
                    Map.of("ehcp", TOPICS[i % 3], "age-band", AGES[i % 5]), text, false, Set.of(), Set.of()));
        }
        index.commit(COMMENTS, "benchmark");
        index.refresh();
        double ourRate = COMMENTS / seconds(started);

        ThemeBits bits = new ThemeBits(themes);
        SearchCounts counting = new SearchCounts(themes, bits);
        CommentSearch search = new CommentSearch(index, themes, new SearchQueries(themes, analysis),
                new Highlights(themes, analysis, bits), counting, new SentenceEmbedder(), 0.5f);
        Random words = new Random(7);
        List<Double> searches = new ArrayList<>();
        List<Double> results = new ArrayList<>();
        for (int i = 0; i < SEARCHES + 20; i++) {
            String query = i % 3 == 0 ? "\"" + vocabulary.get(words.nextInt(200)) + " " + vocabulary.get(words.nextInt(200)) + "\""
                    : vocabulary.get(words.nextInt(vocabulary.size())) + (i % 2 == 0 ? " " + vocabulary.get(words.nextInt(500)) : "");
            long began = System.nanoTime();
            CommentSearch.Request request = new CommentSearch.Request(query, Map.of(), null, null, null,
                    CommentSearch.Order.RELEVANCE, 1, Set.of());
            search.search(request, Map.of());
            double page = millis(began);
            // The same search again: its counts are cached, so this is the results alone.
            long again = System.nanoTime();
            search.search(request, Map.of());
            if (i >= 20) {
                searches.add(page);
                results.add(millis(again));
            }
        }
        List<Double> countAll = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            counting.onThemeChanged(new ThemeChanged());
            bits.onThemeChanged(new ThemeChanged());
            long began = System.nanoTime();
            search.themeCounts(CommentSearch.Request.everything(Set.of()));
            countAll.add(millis(began));
        }
        long began = System.nanoTime();
        search.themeCounts(CommentSearch.Request.everything(Set.of()));
        double cached = millis(began);
        if (Boolean.getBoolean("bench.perTheme")) {
            for (ThemeQueries.Compiled theme : seeded) {
                long t0 = System.nanoTime();
                long n = index.search(s -> {
                    try {
                        return (long) s.count(theme.membership());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                System.out.printf("  theme %-18s %,9d comments %8.1f ms%n", theme.id(), n, millis(t0));
            }
        }
        WhatIsNew whatIsNew = new WhatIsNew(index, themes, analysis, bits);
        List<Double> significant = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            whatIsNew.significant(new TermQuery(new Term("f.wave", "2025")), null, 10);
            significant.add(millis(start));
        }

        System.out.println();
        System.out.printf("  %-62s %,10.0f /s%n", "Raw Lucene indexing (StandardAnalyzer, one field)", rawRate);
        System.out.printf("  %-62s %,10.0f /s%n", "Chorus indexing (stems, phrases, facets, stored text, offsets)", ourRate);
        System.out.printf("  %-62s %10.2f%n", "Chorus / raw", ourRate / rawRate);
        System.out.printf("  %-62s %10.1f ms%n", "Search results (top 20, highlights, themes of each), p50",
                percentile(results, 50));
        System.out.printf("  %-62s %10.1f ms%n", "Search results, p95", percentile(results, 95));
        System.out.printf("  %-62s %10.1f ms%n", "First view of a search with every count (filters, themes), p50",
                percentile(searches, 50));
        System.out.printf("  %-62s %10.1f ms%n", "First view with every count, p95", percentile(searches, 95));
        System.out.printf("  %-62s %10.1f ms%n", "Every theme counted over all comments (median of 5)", percentile(countAll, 50));
        System.out.printf("  %-62s %10.2f ms%n", "The same, cached", cached);
        System.out.printf("  %-62s %10.1f ms%n", "Significant words and phrases, 10% subset (median of 3)",
                percentile(significant, 50));
        index.close();
    }

    private static List<String> sentences() throws IOException {
        try (InputStream in = ThemesBenchmark.class.getResourceAsStream("/demo/comments.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\|", 3)[2]).toList();
        }
    }

    private static List<String> vocabulary(List<String> sentences) {
        return sentences.stream().flatMap(s -> Arrays.stream(s.toLowerCase().split("[^a-z']+")))
                .filter(w -> w.length() > 2).distinct().toList();
    }

    /** One or two real sentences, padded with words from the same bank to 30 to 60 words. */
    private static String text(Random random, List<String> sentences, List<String> vocabulary) {
        StringBuilder text = new StringBuilder(sentences.get(random.nextInt(sentences.size())));
        if (random.nextBoolean()) {
            text.append(' ').append(sentences.get(random.nextInt(sentences.size())));
        }
        int target = 30 + random.nextInt(31);
        int words = text.toString().split(" ").length;
        for (int i = words; i < target; i++) {
            // Skewed towards common words, as real text is.
            int pick = (int) Math.min(vocabulary.size() - 1, Math.abs(random.nextGaussian()) * vocabulary.size() / 3);
            text.append(' ').append(vocabulary.get(pick));
        }
        return text.toString();
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static double millis(long started) {
        return (System.nanoTime() - started) / 1e6;
    }
}
