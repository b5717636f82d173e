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

    /**
     * Security issue #23: each attack exactly as the reviewer wrote it, then variants of its kind.
     * The part in [[...]] must be redacted letter for letter and digit for digit; the test fails if
     * any of it is published again.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            // As the reviewer wrote them.
            "We complained to [[mrs kowalczyk]] about the transport and nothing happened.",
            "We complained to [[MRS KOWALCZYK]] about the transport and nothing happened.",
            "Write to me, [[jane dot doe at gmail]], if you want to know more.",
            "Write to me at [[jane.doe＠gmail.com]] if you want to know more.",
            "We live at [[AB1 2CD]] and the bus never comes.",
            "We live at [[ab1 2cd]] and the bus never comes.",
            "Follow our story at [[@janedoe_send]] on Instagram.",
            "[[Kowalczyk]] never rang us back about the review.",
            "The SENCo, Mrs [[Kоwalczyk]], never rang us back.",
            "The SENCo, [[Kоwalczyk]], never rang us back.",
            "The worker [[kоwalczyk]] never rang us back.",
            // Other titles, in any case.
            "We told [[mr smith]] twice.", "We told [[Ms kowalczyk]] twice.", "We told miss [[kowalczyk]] twice.",
            "We told MISS [[KOWALCZYK]] twice.", "We told [[dr okafor]] twice.", "We told [[DR. O'BRIEN]] twice.",
            "We told [[mx nowak]] twice.", "We told [[Mx Nowak-Smith]] twice.", "We told [[MR KOWALCZYK-JONES]] twice.",
            "We told [[mrs jane kowalczyk]] twice.",
            // Emails written out, with brackets, and with look-alike symbols.
            "Email [[jane [at] gmail [dot] com]] please.", "Email [[jane(at)gmail(dot)com]] please.",
            "Email [[JANE DOT DOE AT GMAIL DOT COM]] please.", "Email [[jane_doe at hotmail dot co dot uk]] please.",
            "Email [[jane.doe﹫gmail.com]] please.", "Email [[jane.doe@gmail.com]] please.",
            "Email [[jane{at}outlook{dot}com]] please.", "Email [[jane\u200b.doe@gmail.com]] please.",
            "Email [[j.doe at btinternet.com]] please.",
            // Phone numbers with any separators, in words, or both.
            "Ring [[oh seven seven double oh nine oh oh four six one]] after six.",
            "Ring [[0 7 7 0 0 9 0 0 4 6 1]] after six.", "Ring [[07700-900-461]] after six.",
            "Ring [[07700.900.461]] after six.", "Ring [[(07700) 900 461]] after six.",
            "Ring [[zero seven seven zero zero nine zero zero four six one]] after six.",
            "Ring [[oh 77 double 0 nine 00 461]] after six.", "Ring [[０７７００ ９００４６１]] after six.",
            "Ring [[07700\u00ad900461]] after six.", "Ring [[+44 7700 900461]] after six.",
            "Ring [[seven seven zero zero nine zero zero four six one]] after six.",
            // Postcodes in any spacing and case, and the first half where it is clearly one.
            "We live at [[AB12CD]] now.", "We live at [[ab1  2cd]] now.", "We live at [[SW1A 1AA]] now.",
            "We live at [[sw1a1aa]] now.", "We live at [[M1 1AE]] now.", "Our postcode is [[NE4]] if that helps.",
            "We live in [[NE4]] and the bus never comes.", "We live at [[Ab1 2Cd]] now.",
            // Social media names.
            "Find us at [[＠janedoe_send]] please.", "Find me, my insta is [[janedoe]], for the whole story.",
            "Find me on tiktok: [[jane.doe]] for the whole story.", "See [[instagram.com/janedoe_send]] for more.",
            "Message me on snapchat [[jd_2010]] about it.", "I post as [[@JaneDoe]] about it.",
            // Names at the start of a sentence that are no ordinary words.
            "We waited two years. [[Nowak]] said there was no money.", "[[Okonkwo]] was the only one who listened.",
            "[[Kowalczyk]]'s letter never came.",
            // Look-alike letters from other scripts, and invisible characters.
            "Our worker [[Κowalczyk]] was kind.", "Our worker [[kօwalczyk]] was kind.",
            "We told Mrs [[Kowal\u200bczyk]] twice.", "We told [[Kowal\u200dczyk]] twice.",
            "We told [[ｋｏｗａｌｃｚｙｋ]] twice.", "We told [[𝐊𝐨𝐰𝐚𝐥𝐜𝐳𝐲𝐤]] twice.",
            "We told [[Јасk]] twice.", "We met [[jane]] at the hub.", "We met [[JANE]] at the hub.",
            "My son [[OLIVER]] waited a year.",
            // More of each kind: spacing, spelled separators, letters for digits, handles before the platform.
            "We told [[MRS.KOWALCZYK]] twice.", "We told miss [[Smith]] twice.", "We told [[Mister Kowalczyk]] twice.",
            "Email [[jane underscore doe at gmail dot com]] please.",
            "Ring [[oh seven seven oh oh, nine oh oh four six one]] please.", "Ring [[O77OO 9OO461]] please.",
            "Find me on insta, [[janedoe]] please.", "I am [[janedoe]] on tiktok.", "Follow [[jane_doe_send]] for news.",
            "We told [[kowal\\u200bczyk]] twice.", "See [[x.com/janedoe]] for more.", "We told [[ᴋᴏᴡᴀʟᴄᴢʏᴋ]] twice.",
            "Tweet me [[@ janedoe]] please.", "Ring [[07 700 900 461]] today.",
            "Ring [[+44 (0)7700 900461]] today.", "HE GOES TO [[OAKFIELD PRIMARY SCHOOL]] AND LOVES IT.",
            "MY SON [[OLIVER BENNETT]] LOVES IT.", "My sister [[Amy]] helps."
    })
    void redactsEachAttackOfSecurityIssue23(String planted) {
        String line = planted.replace("\\u200b", "\u200b").replace("\\u200d", "\u200d").replace("\\u00ad", "\u00ad");
        int start = line.indexOf("[[");
        int end = line.indexOf("]]") - 2;
        String text = line.replace("[[", "").replace("]]", "");
        QuoteChecker.Checked checked = new QuoteChecker().check(text, GAZETTEER);
        boolean[] redacted = new boolean[text.length()];
        checked.found().forEach(f -> java.util.Arrays.fill(redacted, f.start(), f.end(), true));
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.codePointAt(i)) || QuoteText.ignorable(text.charAt(i))) {
                assertThat(redacted[i]).as("'" + text.charAt(i) + "' of '" + text.substring(start, end) + "' in: "
                        + checked.redacted()).isTrue();
            }
        }
        assertThat(checked.redacted()).doesNotContain(text.substring(start, end));
    }

    @Test
    void leavesOrdinaryWordsInCapitalsAndAtTheStartOfASentenceAlone() {
        QuoteChecker checker = new QuoteChecker();
        for (String ordinary : List.of("WE WAITED TWO YEARS FOR CAMHS AND NOBODY RANG.",
                "Nobody rang. Waiting lists are too long. Transport was late again.",
                "We miss school trips and the sister school was no help.",
                "The dr appointment was at nine and the room was full.",
                "It took 18 months, from 2019 to 2021, and 3 reviews.",
                "Facebook is useless for this and the group is full.",
                "Year 6 was lost, and in Y6 3rd term he stopped going.",
                "We found it on facebook and posted updates on instagram.",
                "In 2019, 2020, 2021 and 2022 nothing changed.", "We miss Christmas with the family.",
                "Look at me and my email address, it is fine.", "We meet @ the hub at 3pm.",
                "The café was lovely but the naïve plan failed.", "WE MISS SCHOOL AND MY SISTER HELPS.")) {
            assertThat(checker.check(ordinary, GAZETTEER).found()).as(ordinary).isEmpty();
        }
    }

    /** A long run of dots, underscores or "at"s is read, not a stack overflow (a 500 for the lead). */
    @Test
    void readsLongRepetitiveTextWithoutFailing() {
        QuoteChecker checker = new QuoteChecker();
        for (String text : List.of("a.".repeat(1000), "aa at ".repeat(330), "aa dot ".repeat(290), "x_".repeat(1000),
                "a-".repeat(1000) + "@b.com", "a@" + "b.".repeat(1000) + "com", "my little ".repeat(200) + "son Oliver")) {
            assertThat(checker.check(text, GAZETTEER).redacted()).isNotNull();
        }
        assertThat(QuoteSource.check("We waited.", "We waited " + ".".repeat(2000)).faithful()).isTrue();
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
