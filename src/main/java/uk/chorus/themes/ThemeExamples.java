package uk.chorus.themes;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The labelled comments shipped with the service (themes/examples.tsv) and their meaning vectors,
 * computed ahead of time into themes/examples.vectors so that no start-up spends seconds embedding
 * them. The vectors file names the SHA-256 of the examples it was made from: after an edit to the
 * examples it no longer matches and is ignored (the examples are then embedded in the background,
 * and the log says to regenerate it with {@link #main}).
 */
final class ThemeExamples {
    static final String EXAMPLES = "/themes/examples.tsv";
    static final String VECTORS = "/themes/examples.vectors";
    /** The model trained on the shipped examples alone with the seeded definitions, so a fresh service need not train. */
    static final String MODEL = "/themes/examples.model";

    record Shipped(String id, Set<String> themes, String text) {
    }

    static byte[] examplesFile() {
        try (InputStream in = ThemeExamples.class.getResourceAsStream(EXAMPLES)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Shipped> shipped() {
        List<Shipped> examples = new ArrayList<>();
        for (String line : new String(examplesFile(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            examples.add(new Shipped(fields[0], fields[1].equals("none") ? Set.of() : Set.of(fields[1].split(";")),
                    fields[2]));
        }
        return examples;
    }

    static String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(examplesFile()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The precomputed vectors, one per shipped example in order, if they were made from these examples. */
    static Optional<List<float[]>> precomputed() {
        try (InputStream raw = ThemeExamples.class.getResourceAsStream(VECTORS)) {
            return raw == null ? Optional.empty() : Optional.ofNullable(read(raw));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Vectors written by {@link #write}, or null when they were made from other examples. */
    private static List<float[]> read(InputStream raw) throws IOException {
        {
            DataInputStream in = new DataInputStream(raw);
            if (!in.readUTF().equals(hash())) {
                return null;
            }
            int count = in.readInt();
            int dimensions = in.readInt();
            List<float[]> vectors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                // Stored as bytes (v * 127): a quarter of the size, and similarities move by under 0.01.
                float[] vector = new float[dimensions];
                double norm = 0;
                for (int j = 0; j < dimensions; j++) {
                    vector[j] = in.readByte() / 127f;
                    norm += vector[j] * vector[j];
                }
                for (int j = 0; j < dimensions; j++) {
                    vector[j] /= (float) Math.sqrt(norm);
                }
                vectors.add(vector);
            }
            return vectors;
        }
    }

    static void write(List<float[]> vectors, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeUTF(hash());
        out.writeInt(vectors.size());
        out.writeInt(vectors.isEmpty() ? 0 : vectors.get(0).length);
        for (float[] vector : vectors) {
            for (float v : vector) {
                out.writeByte(Math.round(Math.max(-1, Math.min(1, v)) * 127));
            }
        }
        out.flush();
    }

    /** The shipped examples as the learner takes them (rule hits still to be added). */
    static List<ThemeModel.Example> examples(List<float[]> vectors) {
        List<Shipped> rows = shipped();
        List<ThemeModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Shipped row = rows.get(i);
            examples.add(new ThemeModel.Example(row.id(), row.text(), vectors.get(i), row.themes(), Set.of(), true, 1.0,
                    Set.of()));
        }
        return examples;
    }

    static List<ThemeModel.Example> withRuleHits(List<ThemeModel.Example> examples, List<ThemeQueries.Compiled> compiled,
                                                 TextAnalysis analysis) {
        return examples.stream().map(e -> new ThemeModel.Example(e.id(), e.text(), e.vector(), e.about(), e.notAbout(),
                e.complete(), e.weight(), Tagger.tag(e.text(), compiled, analysis).stream().map(Tagger.Match::id)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()))).toList();
    }

    /** What a model trained on the shipped examples depends on: the examples, the settings and every definition. */
    static String modelKey(List<ThemeQueries.Compiled> compiled) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((hash() + ThemeModel.Settings.CHOSEN).getBytes(StandardCharsets.UTF_8));
            compiled.forEach(c -> digest.update(("\u0000" + c.id() + "\u0000" + c.theme().definition())
                    .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The model made ahead, if it was trained from these examples with these definitions. */
    static Optional<ThemeModel> precomputedModel(List<ThemeQueries.Compiled> compiled, List<ThemeModel.Example> examples) {
        try (InputStream raw = ThemeExamples.class.getResourceAsStream(MODEL)) {
            if (raw == null) {
                return Optional.empty();
            }
            DataInputStream in = new DataInputStream(raw);
            if (!in.readUTF().equals(modelKey(compiled))) {
                return Optional.empty();
            }
            return Optional.of(ThemeModel.read(in, examples, ThemeModel.Settings.CHOSEN));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The seeded framework's themes, compiled as a fresh database would hold them. */
    static List<ThemeQueries.Compiled> seeded(TextAnalysis analysis) {
        ThemeQueries queries = new ThemeQueries(null, analysis);
        List<ThemeQueries.Compiled> compiled = new ArrayList<>();
        for (java.util.Map<String, Object> theme : ThemeStore.framework()) {
            String id = (String) theme.get("id");
            String definition = ((String) theme.get("definition")).strip();
            var parsed = queries.parse(definition);
            compiled.add(new ThemeQueries.Compiled(new ThemeStore.Theme(id, (String) theme.get("name"),
                    (String) theme.get("description"), definition, 0, null, null), parsed,
                    ThemeQueries.membership(id, parsed)));
        }
        return compiled;
    }

    /**
     * Regenerates src/main/resources/themes/examples.vectors and examples.model after the examples,
     * the seeded definitions or the settings change.
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "src/main/resources/themes");
        List<Shipped> examples = shipped();
        List<float[]> vectors = precomputed().orElseGet(() ->
                new SentenceEmbedder().embedAll(examples.stream().map(Shipped::text).toList()));
        try (OutputStream out = Files.newOutputStream(folder.resolve("examples.vectors"))) {
            write(vectors, out);
        }
        // Trained on the vectors as the service reads them back (rounded to bytes).
        try (OutputStream out = Files.newOutputStream(folder.resolve("examples.model"))) {
            TextAnalysis analysis = new TextAnalysis("");
            List<ThemeQueries.Compiled> compiled = seeded(analysis);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            write(vectors, bytes);
            List<float[]> readBack = read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
            ThemeModel model = ThemeModel.train(withRuleHits(examples(readBack), compiled, analysis),
                    compiled.stream().map(ThemeQueries.Compiled::id).toList(), ThemeModel.Settings.CHOSEN);
            DataOutputStream data = new DataOutputStream(out);
            data.writeUTF(modelKey(compiled));
            model.write(data);
            data.flush();
        }
        System.out.printf("%d example vectors and the model written to %s%n", vectors.size(), folder);
    }
}
