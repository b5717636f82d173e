package uk.chorus.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's free-text answers: one to three sentences in a family's own words (demo/comments.txt),
 * drawn so that what a family writes fits who they are (a family with an EHC plan writes more about
 * plans and reviews; a young person about friends and what comes next). Joined freely, so no two
 * answers read like a template.
 */
final class DemoComments {
    private final Map<String, List<String>> parents = new LinkedHashMap<>();
    private final Map<String, List<String>> youngPeople = new LinkedHashMap<>();

    DemoComments() {
        try (InputStream in = DemoComments.class.getResourceAsStream("/demo/comments.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 3);
                (parts[1].equals("y") ? youngPeople : parents).computeIfAbsent(parts[0], k -> new ArrayList<>())
                        .add(parts[2].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("demo/comments.txt cannot be read", e);
        }
    }

    /** A parent's answer, leaning towards the themes that weigh most on families like theirs. */
    String fromParent(Random random, Map<String, Double> leaning) {
        return compose(random, parents, leaning);
    }

    String fromYoungPerson(Random random, Map<String, Double> leaning) {
        return compose(random, youngPeople, leaning);
    }

    private static String compose(Random random, Map<String, List<String>> bank, Map<String, Double> leaning) {
        int sentences = 1 + (random.nextDouble() < 0.45 ? 1 : 0) + (random.nextDouble() < 0.15 ? 1 : 0);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < sentences * 3 && chosen.size() < sentences; i++) {
            String theme = pickTheme(random, bank, leaning);
            if (theme.equals("none") && !chosen.isEmpty()) {
                continue;
            }
            List<String> lines = bank.get(theme);
            String line = lines.get(random.nextInt(lines.size()));
            if (!chosen.contains(line)) {
                chosen.add(line);
            }
            if (theme.equals("none")) {
                break;
            }
        }
        return String.join(" ", chosen);
    }

    private static String pickTheme(Random random, Map<String, List<String>> bank, Map<String, Double> leaning) {
        double total = 0;
        for (String theme : bank.keySet()) {
            total += leaning.getOrDefault(theme, 1.0);
        }
        double at = random.nextDouble() * total;
        for (String theme : bank.keySet()) {
            at -= leaning.getOrDefault(theme, 1.0);
            if (at <= 0) {
                return theme;
            }
        }
        return bank.keySet().iterator().next();
    }
}
