package uk.chorus.themes;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the learned tagger's settings were chosen: grouped cross-validation on the TUNING part of the
 * real comments only (folds by source page, as the held-out split was made), training on the other
 * folds plus the rest of the shipped examples. Never reads heldout.tsv. Slow (it embeds every
 * example and trains many models), so it is not in the suite: run it by name,
 * {@code -Dtest=ThemeModelCrossValidation}.
 */
class ThemeModelCrossValidation {
    static final int FOLDS = 5;

    record Row(String id, String page, Set<String> themes, String text) {
    }

    static List<Row> tuning() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ThemeModelCrossValidation.class.getResourceAsStream("/themes/real/tuning.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                rows.add(new Row(f[0], f[4], f[2].equals("none") ? Set.of() : Set.of(f[2].split(";")), f[3]));
            }
        }
        return rows;
    }

    @Test
    void chooseSettings() throws IOException {
        TextAnalysis analysis = new TextAnalysis("");
        List<ThemeQueries.Compiled> themes = ThemeAccuracyTest.seededThemes(analysis);
        List<String> themeIds = themes.stream().map(ThemeQueries.Compiled::id).sorted().toList();
        List<Row> real = tuning();
        List<Row> written = new ArrayList<>();
        int n = 0;
        for (ThemeAccuracyTest.Labelled l : ThemeAccuracyTest.evaluationSet()) {
            written.add(new Row(String.format("ev%03d", n++), "evaluation", l.themes(), l.text()));
        }
        // The shipped examples hold the tuning part and the written sentences, with their vectors made ahead.
        List<ThemeExamples.Shipped> shipped = ThemeExamples.shipped();
        List<float[]> vectors = ThemeExamples.precomputed().orElseThrow();
        Map<String, float[]> byId = new java.util.HashMap<>();
        for (int i = 0; i < shipped.size(); i++) {
            byId.put(shipped.get(i).id(), vectors.get(i));
        }
        List<ThemeModel.Example> realExamples = examples(real, byId, themes, analysis);
        List<ThemeModel.Example> writtenExamples = examples(written, byId, themes, analysis);

        int[] fold = new int[real.size()];
        for (int i = 0; i < real.size(); i++) {
            fold[i] = Math.floorMod(page(real.get(i).page()).hashCode(), FOLDS);
        }
        boolean[][] truth = new boolean[real.size()][themeIds.size()];
        boolean[][] rules = new boolean[real.size()][themeIds.size()];
        for (int i = 0; i < real.size(); i++) {
            for (int t = 0; t < themeIds.size(); t++) {
                truth[i][t] = real.get(i).themes().contains(themeIds.get(t));
                rules[i][t] = realExamples.get(i).ruleHits().contains(themeIds.get(t));
            }
        }
        System.out.printf("rules only: micro-F1 %.3f%n", f1(truth, rules));

        List<ThemeModel.Settings> variants = List.of(
                ThemeModel.Settings.CHOSEN,
                new ThemeModel.Settings(true, true, true, 0.3, 200, 0.3, true, false),
                new ThemeModel.Settings(true, true, true, 0.03, 200, 0.3, true, false));
        for (boolean withWritten : new boolean[] {true, false}) {
            for (ThemeModel.Settings settings : variants) {
                double[][] p = new double[real.size()][themeIds.size()];
                for (int f = 0; f < FOLDS; f++) {
                    List<ThemeModel.Example> train = new ArrayList<>();
                    for (int i = 0; i < real.size(); i++) {
                        if (fold[i] != f) {
                            train.add(realExamples.get(i));
                        }
                    }
                    if (withWritten) {
                        train.addAll(writtenExamples);
                    }
                    ThemeModel model = ThemeModel.train(train, themeIds, settings);
                    for (int i = 0; i < real.size(); i++) {
                        if (fold[i] == f) {
                            Map<String, Double> probabilities = model.probabilities(realExamples.get(i).vector(),
                                    realExamples.get(i).ruleHits());
                            for (int t = 0; t < themeIds.size(); t++) {
                                p[i][t] = probabilities.getOrDefault(themeIds.get(t), 0.0);
                            }
                        }
                    }
                }
                StringBuilder line = new StringBuilder(String.format("written=%s %s:", withWritten, settings));
                for (double threshold : new double[] {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
                    for (boolean orRules : new boolean[] {false, true}) {
                        boolean[][] got = new boolean[real.size()][themeIds.size()];
                        for (int i = 0; i < real.size(); i++) {
                            for (int t = 0; t < themeIds.size(); t++) {
                                got[i][t] = p[i][t] >= threshold || (orRules && rules[i][t]);
                            }
                        }
                        line.append(String.format(" t%.1f%s=%.3f", threshold, orRules ? "|r" : "", f1(truth, got)));
                    }
                }
                System.out.println(line);
            }
        }
    }

    /** The source page as split.py groups it: no scheme, "www.", query, fragment or trailing slash. */
    static String page(String url) {
        String rest = url.contains("://") ? url.substring(url.indexOf("://") + 3) : url;
        rest = rest.split("[?#]", 2)[0];
        int slash = rest.indexOf('/');
        String host = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(java.util.Locale.ROOT);
        host = host.startsWith("www.") ? host.substring(4) : host;
        return host + (slash < 0 ? "" : rest.substring(slash)).replaceAll("/+$", "");
    }

    static double f1(boolean[][] truth, boolean[][] got) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int t = 0; t < truth[i].length; t++) {
                tp += truth[i][t] && got[i][t] ? 1 : 0;
                fp += !truth[i][t] && got[i][t] ? 1 : 0;
                fn += truth[i][t] && !got[i][t] ? 1 : 0;
            }
        }
        return 2.0 * tp / (2 * tp + fp + fn);
    }

    static List<ThemeModel.Example> examples(List<Row> rows, Map<String, float[]> byId, List<ThemeQueries.Compiled> themes,
                                             TextAnalysis analysis) {
        List<float[]> vectors = rows.stream().map(r -> byId.get(r.id())).toList();
        List<ThemeModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Set<String> hits = Tagger.tag(row.text(), themes, analysis).stream().map(Tagger.Match::id)
                    .collect(Collectors.toCollection(HashSet::new));
            examples.add(new ThemeModel.Example(row.id(), row.text(), vectors.get(i), row.themes(), Set.of(), true, 1.0, hits));
        }
        return examples;
    }
}
