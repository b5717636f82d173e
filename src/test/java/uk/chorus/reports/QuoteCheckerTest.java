package uk.chorus.reports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much of what could identify someone the quote check finds, on realistic quotes with planted
 * names, schools, organisations, places, emails, phone numbers, dates of birth and ages
 * ({@code src/test/resources/reports/quotes.txt}). A planted part counts as caught when every
 * letter of it is redacted, whatever kind the check thought it was. Prints recall per kind and
 * how many words were redacted that were not planted; fails below the floors.
 */
class QuoteCheckerTest {
    private static final Pattern PLANTED = Pattern.compile("\\[\\[([a-z]+):([^\\]]+)]]");
    private static final List<QuoteChecker.Entry> GAZETTEER = Gazetteer.shipped();

    record Planted(String kind, int start, int end) {
    }

    @Test
    void findsEveryEmailAndPhoneNumberAndNearlyEveryNameAndSchool() throws IOException {
        QuoteChecker checker = new QuoteChecker();
        Map<String, int[]> byKind = new TreeMap<>();
        int overRedacted = 0;
        List<String> missed = new ArrayList<>();
        for (String line : lines()) {
            StringBuilder text = new StringBuilder();
            List<Planted> planted = new ArrayList<>();
            Matcher matcher = PLANTED.matcher(line);
            int at = 0;
            while (matcher.find()) {
                text.append(line, at, matcher.start());
                int start = text.length();
                text.append(matcher.group(2));
                planted.add(new Planted(matcher.group(1), start, text.length()));
                at = matcher.end();
            }
            text.append(line.substring(at));
            QuoteChecker.Checked checked = checker.check(text.toString(), GAZETTEER);
            boolean[] redacted = new boolean[text.length()];
            checked.found().forEach(f -> java.util.Arrays.fill(redacted, f.start(), f.end(), true));
            for (Planted part : planted) {
                int[] counts = byKind.computeIfAbsent(part.kind(), k -> new int[2]);
                counts[1]++;
                boolean caught = true;
                for (int i = part.start(); i < part.end(); i++) {
                    caught &= redacted[i] || !Character.isLetterOrDigit(text.charAt(i));
                }
                if (caught) {
                    counts[0]++;
                } else {
                    missed.add(part.kind() + ": " + text.substring(part.start(), part.end()) + "  in  " + text);
                }
            }
            for (QuoteChecker.Found found : checked.found()) {
                if (planted.stream().noneMatch(p -> p.start() < found.end() && found.start() < p.end())) {
                    overRedacted++;
                    System.out.println("  redacted but not planted: " + found.kind() + " '" + found.text() + "'");
                }
            }
        }
        System.out.println("Quote check recall on " + lines().size() + " quotes:");
        byKind.forEach((kind, counts) -> System.out.printf("  %-13s %3d of %3d  %.2f%n", kind, counts[0], counts[1],
                counts[0] / (double) counts[1]));
        System.out.println("  parts redacted that were not planted: " + overRedacted);
        missed.forEach(m -> System.out.println("  missed " + m));

        assertThat(recall(byKind, "email")).isEqualTo(1.0);
        assertThat(recall(byKind, "phone")).isEqualTo(1.0);
        assertThat(recall(byKind, "name")).isGreaterThanOrEqualTo(0.95);
        assertThat(recall(byKind, "school")).isGreaterThanOrEqualTo(0.95);
        for (String kind : List.of("organisation", "place", "date", "age")) {
            assertThat(recall(byKind, kind)).as(kind).isGreaterThanOrEqualTo(0.85);
        }
    }

    @Test
    void redactsEachPartWithItsKindAndLeavesTheFieldsOwnWordsAlone() {
        QuoteChecker.Checked checked = new QuoteChecker().check(
                "My son Oliver is 7 and the Local Offer never mentioned CAMHS. Email me at a.b@example.org.",
                GAZETTEER);
        assertThat(checked.redacted())
                .isEqualTo("My son [name] is [age] and the Local Offer never mentioned CAMHS. Email me at [email].");
        assertThat(new QuoteChecker().check("The EHCP took 40 weeks and Year 6 was lost. Short breaks in August helped.",
                GAZETTEER).found()).isEmpty();
    }

    /** Ordinary comments with nothing identifying in them should come back almost untouched. */
    @Test
    void leavesOrdinaryCommentsAlmostUntouched() throws IOException {
        QuoteChecker checker = new QuoteChecker();
        List<String> comments;
        try (InputStream in = QuoteCheckerTest.class.getResourceAsStream("/themes/evaluation.tsv")) {
            comments = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.substring(l.lastIndexOf('\t') + 1)).toList();
        }
        long touched = 0;
        for (String comment : comments) {
            QuoteChecker.Checked checked = checker.check(comment, GAZETTEER);
            if (!checked.clean()) {
                touched++;
                System.out.println("  redacted in an ordinary comment: " + checked.found().stream()
                        .map(f -> f.kind() + " '" + f.text() + "'").toList());
            }
        }
        System.out.printf("Ordinary comments redacted: %d of %d%n", touched, comments.size());
        assertThat(touched).isLessThanOrEqualTo(comments.size() / 20);
    }

    private static double recall(Map<String, int[]> byKind, String kind) {
        int[] counts = byKind.get(kind);
        return counts[0] / (double) counts[1];
    }

    private static List<String> lines() throws IOException {
        try (InputStream in = QuoteCheckerTest.class.getResourceAsStream("/reports/quotes.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
