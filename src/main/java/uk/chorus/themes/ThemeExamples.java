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
            if (raw == null) {
                return Optional.empty();
            }
            DataInputStream in = new DataInputStream(raw);
            if (!in.readUTF().equals(hash())) {
                return Optional.empty();
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
            return Optional.of(vectors);
        } catch (IOException e) {
            return Optional.empty();
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

    /** Regenerates src/main/resources/themes/examples.vectors after the examples change. */
    public static void main(String[] args) throws IOException {
        List<Shipped> examples = shipped();
        List<float[]> vectors = new SentenceEmbedder().embedAll(examples.stream().map(Shipped::text).toList());
        Path target = Path.of(args.length > 0 ? args[0] : "src/main/resources/themes/examples.vectors");
        try (OutputStream out = Files.newOutputStream(target)) {
            write(vectors, out);
        }
        System.out.printf("%d example vectors written to %s%n", vectors.size(), target);
    }
}
