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
 * Then meaning: the embedder's throughput on real sentences, an index with a meaning vector on
 * every comment (HNSW) built in the same run for comparison with raw Lucene, hybrid search
 * (words and meaning fused) p50/p95, and the index's size on disk. Embedding a million comments
 * takes hours on two cores, so each comment's vector is its first sentence's real embedding with
 * a little noise: the vector index and its searches cost what they would, the embedding is
 * measured apart. Not a test: it prints its figures.
 *
 * Run: JAVA_HOME=$(.ci/java-home) ./mvnw -B -Pbench test-compile exec:java -Dexec.mainClass=uk.chorus.themes.ThemesBenchmark
 * Options: -Dbench.comments=1000000 -Dbench.searches=200 -Dbench.meaning=true
 */
public final class ThemesBenchmark {
    private static final int COMMENTS = Integer.getInteger("bench.comments", 1_000_000);
    private static final int SEARCHES = Integer.getInteger("bench.searches", 200);
    private static final boolean MEANING = Boolean.parseBoolean(System.getProperty("bench.meaning", "true"));
    /** Searches a lead might type, for hybrid search (each embedded once, as the service caches them). */
    private static final String[] MEANING_SEARCHES = {"waiting for EHCP", "no respite", "speech therapy waiting list",
            "school will not listen", "bullied at school", "CAMHS crisis", "transport to school", "annual review late",
            "local offer website", "college after 16", "direct payments", "wheelchair repairs", "part time timetable",
            "special school place", "autism assessment wait", "teachers do not understand", "no friends",
            "OT sensory", "excluded again", "nobody calls back"};
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
        if (MEANING) {
            meaning(sentences, vocabulary, analysis, themes, rawRate);
        }
    }

    private static void meaning(List<String> sentences, List<String> vocabulary, TextAnalysis analysis,
                                ThemeQueries themes, double rawRate) throws IOException {
        SentenceEmbedder embedder = new SentenceEmbedder();
        embedder.embedAll(sentences.subList(0, 8)); // loads the model
        long started = System.nanoTime();
        List<float[]> real = embedder.embedAll(sentences);
        double embedRate = sentences.size() / seconds(started);
        started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            embedder.embed(MEANING_SEARCHES[i % MEANING_SEARCHES.length] + " " + i);
        }
        double oneQuery = millis(started) / 50;

        Path withVectors = Files.createTempDirectory("chorus-bench-meaning");
        float[][] current = new float[1][];
        TextIndex index = new TextIndex(FSDirectory.open(withVectors), analysis, 64, text -> current[0]);
        Random random = new Random(2026);
        Random noise = new Random(11);
        LocalDate first = LocalDate.of(2025, 1, 1);
        started = System.nanoTime();
        for (int i = 0; i < COMMENTS; i++) {
            int sentence = random.nextInt(sentences.size());
            String text = text(random, sentences, vocabulary, sentence);
            current[0] = jittered(real.get(sentence), noise);
            index.add(new IndexedText("r:" + i + ":q", IndexedText.SURVEY, i, "family-voice-" + (2025 + i % 10 / 9),
                    2025 + (i % 10 == 0 ? 0 : 1), "biggest_difference", null, null, first.plusDays(i % 700),
                    Map.of("ehcp", TOPICS[i % 3], "age-band", AGES[i % 5]), text, false, Set.of(), Set.of()));
        }
        index.commit(COMMENTS, "benchmark");
        index.refresh();
        double vectorRate = COMMENTS / seconds(started);

        ThemeBits bits = new ThemeBits(themes);
        CommentSearch search = new CommentSearch(index, themes, new SearchQueries(themes, analysis),
                new Highlights(themes, analysis, bits), new SearchCounts(themes, bits), embedder, 0.5f);
        List<Double> firstViews = new ArrayList<>();
        List<Double> pages = new ArrayList<>();
        for (int i = 0; i < SEARCHES + 20; i++) {
            String words = MEANING_SEARCHES[i % MEANING_SEARCHES.length] + (i < MEANING_SEARCHES.length ? ""
                    : " " + vocabulary.get(i % vocabulary.size()));
            CommentSearch.Request request = new CommentSearch.Request(words, Map.of(), null, null, null,
                    CommentSearch.Order.RELEVANCE, 1, Set.of());
            long began = System.nanoTime();
            search.search(request, Map.of());
            double view = millis(began);
            long again = System.nanoTime();
            search.search(request, Map.of());
            if (i >= 20) {
                firstViews.add(view);
                pages.add(millis(again));
            }
        }
        long vectorBytes = 0;
        long allBytes = 0;
        try (var files = Files.list(withVectors)) {
            for (Path file : files.toList()) {
                long size = Files.size(file);
                allBytes += size;
                String name = file.getFileName().toString();
                if (name.endsWith(".vec") || name.endsWith(".vex") || name.endsWith(".vem") || name.endsWith(".vemf")) {
                    vectorBytes += size;
                }
            }
        }
        System.out.println();
        System.out.printf("  %-62s %,10.0f /s%n", "Sentence embedding (all-MiniLM-L6-v2 quantised, batch)", embedRate);
        System.out.printf("  %-62s %10.1f ms%n", "Embedding one search's words", oneQuery);
        System.out.printf("  %-62s %,10.0f /s%n", "Chorus indexing with meaning vectors (HNSW), embedding aside", vectorRate);
        System.out.printf("  %-62s %10.2f%n", "Chorus with vectors / raw", vectorRate / rawRate);
        System.out.printf("  %-62s %10.1f ms%n", "Hybrid search, words and meaning fused (page, counts), p50",
                percentile(firstViews, 50));
        System.out.printf("  %-62s %10.1f ms%n", "Hybrid search, first view, p95", percentile(firstViews, 95));
        System.out.printf("  %-62s %10.1f ms%n", "Hybrid search, results again (counts cached), p95", percentile(pages, 95));
        System.out.printf("  %-62s %,10.0f MB%n", "Index on disk, all", allBytes / 1e6);
        // Small segments keep their vectors inside compound (.cfs) files, so the vector files seen
        // may be fewer than the vectors held: the raw floats alone are comments x 384 x 4 bytes.
        System.out.printf("  %-62s %,10.0f MB%n", "  vector files outside compound files", vectorBytes / 1e6);
        System.out.printf("  %-62s %,10.0f MB%n", "  raw vectors (comments x 384 x 4 bytes; keep in memory)",
                COMMENTS * (double) SentenceEmbedder.DIMENSIONS * Float.BYTES / 1e6);
        index.close();
    }

    /** A real sentence's vector moved a little, so no two comments share one (as no two comments do). */
    private static float[] jittered(float[] vector, Random noise) {
        float[] moved = new float[vector.length];
        double norm = 0;
        for (int d = 0; d < vector.length; d++) {
            moved[d] = vector[d] + (float) (noise.nextGaussian() * 0.02);
            norm += moved[d] * moved[d];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < moved.length; d++) {
            moved[d] *= scale;
        }
        return moved;
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
        return text(random, sentences, vocabulary, random.nextInt(sentences.size()));
    }

    private static String text(Random random, List<String> sentences, List<String> vocabulary, int firstSentence) {
        StringBuilder text = new StringBuilder(sentences.get(firstSentence));
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
