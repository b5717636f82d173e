package uk.chorus.themes;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the seeded themes tag real families' words: first-hand comments by parents, carers and young
 * people published by others (src/test/resources/themes/real, labelled against LABELLING.md there,
 * without reference to the theme definitions). Unlike ThemeAccuracyTest, nobody on the team wrote
 * these comments.
 *
 * <p>The set is split once, by source page, into a tuning part and a held-out part. Definitions may
 * be adjusted while looking at the tuning part's misses ({@code -Dthemes.misses=true} prints them);
 * the held-out part is for reporting only. This test never prints held-out misses.
 *
 * <p>The floor is a guard against regressions, not a target: it sits a little under what the
 * seeded framework scores today on the held-out part. The bootstrap interval printed beside it
 * shows how much the figure moves by chance alone.
 */
class RealCommentsAccuracyTest {
    /**
     * Held-out micro-F1 of the shipped tagger (rules and the learned model, trained on 282 tuning
     * comments) is 0.65 (bootstrap 95% interval 0.63-0.68) on 424 held-out comments; the rules alone
     * 0.57 (0.54-0.60). Cross-validated on the tuning part 0.65. The floor is that figure less 0.02.
     */
    static final double HELD_OUT_MICRO_F1_FLOOR = 0.63;
    static final int BOOTSTRAP_SAMPLES = 2000;

    record Labelled(String id, Set<String> themes, String text) {
    }

    /** Counts for one theme: true positives, false positives, false negatives. */
    record Counts(int tp, int fp, int fn) {
        Counts plus(Counts other) {
            return new Counts(tp + other.tp, fp + other.fp, fn + other.fn);
        }

        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }

        double f1() {
            return 2 * tp + fp + fn == 0 ? 1 : 2 * tp / (double) (2 * tp + fp + fn);
        }
    }

    static List<Labelled> part(String name) throws IOException {
        List<Labelled> labelled = new ArrayList<>();
        try (InputStream in = RealCommentsAccuracyTest.class.getResourceAsStream("/themes/real/" + name + ".tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            assertThat(lines[0]).isEqualTo("id\tspeaker\tthemes\ttext\tsource_url\tsource_title");
            for (String line : Arrays.asList(lines).subList(1, lines.length)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                assertThat(fields).as(line).hasSize(6);
                Set<String> themes = fields[2].equals("none") ? Set.of() : Set.of(fields[2].split(";"));
                labelled.add(new Labelled(fields[0], themes, fields[3]));
            }
        }
        return labelled;
    }

    /** Per comment, per theme: 0 none, 1 true positive, 2 false positive, 3 false negative. */
    static int[][] outcomes(List<Labelled> set, List<String> themeIds, List<ThemeQueries.Compiled> themes,
                            TextAnalysis analysis) {
        return outcomes(set, themeIds, themes, analysis, null, null);
    }

    /** With a model (and each comment's vector), the shipped tagger's decision: rules, then the learned themes. */
    static int[][] outcomes(List<Labelled> set, List<String> themeIds, List<ThemeQueries.Compiled> themes,
                            TextAnalysis analysis, ThemeModel model, List<float[]> vectors) {
        int[][] outcomes = new int[set.size()][themeIds.size()];
        for (int i = 0; i < set.size(); i++) {
            Labelled comment = set.get(i);
            List<Tagger.Match> byRules = Tagger.tag(comment.text(), themes, analysis);
            Set<String> found = (model == null ? byRules : Tagger.withLearned(comment.text(), byRules, themes, model,
                    vectors.get(i))).stream().map(Tagger.Match::id).collect(Collectors.toSet());
            for (int t = 0; t < themeIds.size(); t++) {
                boolean expected = comment.themes().contains(themeIds.get(t));
                boolean got = found.contains(themeIds.get(t));
                outcomes[i][t] = expected && got ? 1 : got ? 2 : expected ? 3 : 0;
            }
        }
        return outcomes;
    }

    static Counts total(int[][] outcomes, int[] rows, int theme) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int row : rows) {
            int[] themes = outcomes[row];
            for (int t = theme < 0 ? 0 : theme; t < (theme < 0 ? themes.length : theme + 1); t++) {
                tp += themes[t] == 1 ? 1 : 0;
                fp += themes[t] == 2 ? 1 : 0;
                fn += themes[t] == 3 ? 1 : 0;
            }
        }
        return new Counts(tp, fp, fn);
    }

    /** Micro-F1 with a percentile bootstrap interval over comments (resampled with replacement). */
    static double[] microF1WithInterval(int[][] outcomes) {
        int n = outcomes.length;
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        double[] samples = new double[BOOTSTRAP_SAMPLES];
        Random random = new Random(26);
        int[] rows = new int[n];
        for (int s = 0; s < BOOTSTRAP_SAMPLES; s++) {
            for (int i = 0; i < n; i++) {
                rows[i] = random.nextInt(n);
            }
            samples[s] = total(outcomes, rows, -1).f1();
        }
        Arrays.sort(samples);
        return new double[] {total(outcomes, all, -1).f1(), samples[(int) (0.025 * BOOTSTRAP_SAMPLES)],
                samples[(int) (0.975 * BOOTSTRAP_SAMPLES) - 1]};
    }

    /** Prints the report for one part and returns its micro-F1. */
    static double report(String name, List<Labelled> set, List<String> themeIds, List<ThemeQueries.Compiled> themes,
                         TextAnalysis analysis, boolean printMisses, ThemeModel model, List<float[]> vectors) {
        int[][] outcomes = outcomes(set, themeIds, themes, analysis, model, vectors);
        int[] all = new int[set.size()];
        Arrays.setAll(all, i -> i);
        System.out.printf("%n%s part: %d comments%n", name, set.size());
        System.out.printf("%-18s %7s %9s %9s %9s%n", "theme", "support", "precision", "recall", "F1");
        Map<String, Double> f1s = new LinkedHashMap<>();
        for (int t = 0; t < themeIds.size(); t++) {
            Counts c = total(outcomes, all, t);
            int support = c.tp() + c.fn();
            if (support > 0) {
                f1s.put(themeIds.get(t), c.f1());
            }
            System.out.printf("%-18s %7d %9.2f %9.2f %9.2f%n", themeIds.get(t), support, c.precision(), c.recall(),
                    c.f1());
        }
        Counts micro = total(outcomes, all, -1);
        double[] interval = microF1WithInterval(outcomes);
        double macro = f1s.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf("%-18s %7d %9.2f %9.2f %9.2f   bootstrap 95%% interval %.2f-%.2f%n", "micro-average",
                micro.tp() + micro.fn(), micro.precision(), micro.recall(), interval[0], interval[1], interval[2]);
        System.out.printf("%-18s %7s %9s %9s %9.2f   (mean over the %d themes with support)%n", "macro-average", "",
                "", "", macro, f1s.size());
        int untagged = 0;
        for (int i = 0; i < set.size(); i++) {
            boolean anyTagged = Arrays.stream(outcomes[i]).anyMatch(o -> o == 1 || o == 2);
            untagged += anyTagged ? 0 : 1;
        }
        System.out.printf("comments given no theme at all: %d of %d%n", untagged, set.size());
        if (printMisses) {
            for (int i = 0; i < set.size(); i++) {
                for (int t = 0; t < themeIds.size(); t++) {
                    if (outcomes[i][t] >= 2) {
                        System.out.printf("%s%s %s: %s%n", outcomes[i][t] == 2 ? "+" : "-", themeIds.get(t),
                                set.get(i).id(), set.get(i).text());
                    }
                }
            }
        }
        return interval[0];
    }

    /** The model the service ships (made ahead by ThemeExamples.main); fails when it is out of date. */
    static ThemeModel shippedModel(List<ThemeQueries.Compiled> themes, TextAnalysis analysis) {
        List<float[]> vectors = ThemeExamples.precomputed().orElseThrow(() -> new AssertionError(
                "themes/examples.vectors is out of date: regenerate it with uk.chorus.themes.ThemeExamples"));
        return ThemeExamples.precomputedModel(themes, ThemeExamples.examples(vectors)).orElseThrow(() -> new AssertionError(
                "themes/examples.model is out of date: regenerate it with uk.chorus.themes.ThemeExamples"));
    }

    @Test
    void theSeededThemesTagRealFamiliesWords() throws IOException {
        TextAnalysis analysis = new TextAnalysis("");
        List<ThemeQueries.Compiled> themes = ThemeAccuracyTest.seededThemes(analysis);
        List<String> themeIds = themes.stream().map(t -> t.id()).sorted().toList();
        List<Labelled> tuning = part("tuning");
        List<Labelled> heldOut = part("heldout");
        assertThat(tuning).hasSizeGreaterThanOrEqualTo(150);
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(250);
        assertThat(tuning.stream().map(Labelled::id)).doesNotContainAnyElementsOf(
                heldOut.stream().map(Labelled::id).toList());
        for (Labelled comment : tuning) {
            assertThat(themeIds).as(comment.id()).containsAll(comment.themes());
        }
        for (Labelled comment : heldOut) {
            assertThat(themeIds).as(comment.id()).containsAll(comment.themes());
        }

        report("Tuning (rules alone)", tuning, themeIds, themes, analysis, Boolean.getBoolean("themes.misses"), null, null);
        report("Held-out (rules alone)", heldOut, themeIds, themes, analysis, false, null, null);

        // The shipped tagger: the rules and the model learned from the shipped examples (which hold
        // the tuning part, so only the held-out figure is a fair one).
        ThemeModel model = shippedModel(themes, analysis);
        List<float[]> vectors = new SentenceEmbedder().embedAll(heldOut.stream().map(Labelled::text).toList());
        double heldOutMicroF1 = report("Held-out", heldOut, themeIds, themes, analysis, false, model, vectors);

        assertThat(heldOutMicroF1).as("held-out micro-averaged F1").isGreaterThanOrEqualTo(HELD_OUT_MICRO_F1_FLOOR);
    }
}
