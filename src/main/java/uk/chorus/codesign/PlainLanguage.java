package uk.chorus.codesign;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-language checks for a question as a forum writes it: a reading-age estimate (the
 * Flesch-Kincaid grade, with its UK school year), sentences that are too long, words and acronyms
 * from the SEND glossary with a plainer wording, and questions that ask two things at once or
 * lead towards an answer. Surveys for young people are held to a stricter reading level.
 */
@Singleton
public class PlainLanguage {
    private static final Logger LOG = LoggerFactory.getLogger(PlainLanguage.class);
    /** A grade above this is flagged: about a reading age of 12 for families, 10 for young people. */
    static final double FAMILY_GRADE = 7;
    static final double YOUNG_PEOPLE_GRADE = 5;
    static final int FAMILY_SENTENCE = 25;
    static final int YOUNG_PEOPLE_SENTENCE = 15;
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*");
    private static final Pattern LEADING = Pattern.compile("(?i)\\b(don'?t you (agree|think)|wouldn'?t you|isn'?t it true|"
            + "how (good|great|helpful|useful) (was|were|is|are)|do you agree that .* (excellent|great|good)|"
            + "surely|obviously)\\b");
    private static final Pattern TWO_THINGS = Pattern.compile("(?i)\\b(how|do|did|does|are|were|is|was|would|could|"
            + "can|have|has)\\b[^?]*\\b(and|or)\\b[^?]*\\?");
    private final List<Term> glossary;

    record Term(String term, String plain, Pattern pattern) {
    }

    /** What a check found: {@code kind} names it (reading, long, jargon, two-things, leading). */
    public record Flag(String kind, String detail, String suggestion) {
    }

    public record Checked(double grade, int readingAge, int words, int longestSentence, List<Flag> flags) {
    }

    PlainLanguage(@Value("${chorus.glossary-file:}") String extraFile) {
        List<Term> terms = new ArrayList<>(read(PlainLanguage.class.getResourceAsStream("/codesign/glossary.txt")));
        if (!extraFile.isBlank()) {
            Path path = Path.of(extraFile);
            try (InputStream in = Files.newInputStream(path)) {
                terms.addAll(read(in));
            } catch (IOException e) {
                LOG.warn("CHORUS_GLOSSARY_FILE {} cannot be read: only the bundled glossary is used.", path);
            }
        }
        // Longer terms first, so "EHC plan" is found before "EHC".
        terms.sort((a, b) -> b.term().length() - a.term().length());
        this.glossary = List.copyOf(terms);
    }

    public Checked check(String text, boolean youngPeople) {
        String plain = text == null ? "" : text.strip();
        List<String> sentences = sentences(plain);
        int words = 0;
        int syllables = 0;
        int longest = 0;
        for (String sentence : sentences) {
            int inSentence = 0;
            Matcher word = WORD.matcher(sentence);
            while (word.find()) {
                inSentence++;
                syllables += syllables(word.group());
            }
            words += inSentence;
            longest = Math.max(longest, inSentence);
        }
        double grade = words == 0 ? 0 : 0.39 * words / Math.max(1, sentences.size()) + 11.8 * syllables / words - 15.59;
        grade = Math.max(0, Math.round(grade * 10) / 10.0);
        List<Flag> flags = new ArrayList<>();
        double gradeLimit = youngPeople ? YOUNG_PEOPLE_GRADE : FAMILY_GRADE;
        if (grade > gradeLimit) {
            flags.add(new Flag("reading", Double.toString(grade), Integer.toString(readingAge(gradeLimit))));
        }
        int sentenceLimit = youngPeople ? YOUNG_PEOPLE_SENTENCE : FAMILY_SENTENCE;
        if (longest > sentenceLimit) {
            flags.add(new Flag("long", Integer.toString(longest), Integer.toString(sentenceLimit)));
        }
        List<int[]> used = new ArrayList<>();
        for (Term term : glossary) {
            Matcher found = term.pattern().matcher(plain);
            while (found.find()) {
                int start = found.start();
                int end = found.end();
                if (used.stream().noneMatch(u -> start < u[1] && u[0] < end)) {
                    used.add(new int[]{start, end});
                    if (!explained(plain, end)) {
                        flags.add(new Flag("jargon", found.group(), term.plain()));
                    }
                }
            }
        }
        if (LEADING.matcher(plain).find()) {
            flags.add(new Flag("leading", "", ""));
        }
        if (plain.endsWith("?") && TWO_THINGS.matcher(lastSentence(sentences)).find()
                && !plain.toLowerCase(Locale.ROOT).matches("(?s).*\\b(either|whether)\\b.*")) {
            flags.add(new Flag("two-things", "", ""));
        }
        return new Checked(grade, readingAge(grade), words, longest, flags);
    }

    /** A term followed at once by its explanation in brackets ("CAMHS (children's mental health)") is fine. */
    private static boolean explained(String text, int end) {
        String after = text.substring(end).stripLeading();
        return after.startsWith("(") || after.startsWith("- ") || after.startsWith("– ") || after.startsWith(", which");
    }

    /** A US grade as a reading age: grade + 5, at least 5. */
    static int readingAge(double grade) {
        return (int) Math.max(5, Math.round(grade + 5));
    }

    private static String lastSentence(List<String> sentences) {
        return sentences.isEmpty() ? "" : sentences.get(sentences.size() - 1);
    }

    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : text.split("(?<=[.!?])\\s+|\\n+")) {
            if (WORD.matcher(part).find()) {
                sentences.add(part.strip());
            }
        }
        return sentences;
    }

    /** Syllables by vowel groups, with a silent final "e" and a few common endings allowed for. */
    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.length() <= 3) {
            return 1;
        }
        w = w.replaceAll("(?:[^laeiouy]es|(?<![td])ed|[^laeiouy]e)$", "").replaceAll("^y", "");
        Matcher vowels = Pattern.compile("[aeiouy]{1,2}").matcher(w);
        int count = 0;
        while (vowels.find()) {
            count++;
        }
        return Math.max(1, count);
    }

    private static List<Term> read(InputStream in) {
        try (in) {
            List<Term> terms = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.strip().split("\\|", 2);
                if (line.startsWith("#") || parts.length < 2 || parts[0].isBlank()) {
                    continue;
                }
                String term = parts[0].strip();
                boolean acronym = term.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
                Pattern pattern = Pattern.compile("(?<![A-Za-z])" + Pattern.quote(term) + "(?![A-Za-z])",
                        acronym ? 0 : Pattern.CASE_INSENSITIVE);
                terms.add(new Term(term, parts[1].strip(), pattern));
            }
            return terms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
