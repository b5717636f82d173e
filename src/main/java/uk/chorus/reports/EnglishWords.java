package uk.chorus.reports;

import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a word is an ordinary English word written in lower case: the British English Hunspell
 * dictionary derived from SCOWL ({@code reports/dictionary}, MIT and BSD licences, shipped as the
 * npm package dictionary-en-gb 3.0.0), read by Lucene's Hunspell. Names are in it only with a
 * capital ("Jane", "Patel"), so "jane" and "kowalczyk" are not ordinary words and "will" and "hope"
 * are: that is what tells a name at the start of a sentence, or a name written in lower case, from
 * a word.
 */
final class EnglishWords {
    private static final Hunspell HUNSPELL = load();
    private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

    private EnglishWords() {
    }

    /** Whether the word, read in lower case (a possessive "'s" aside), is an ordinary word. */
    static boolean ordinary(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("'s$", "");
        if (lower.isEmpty() || lower.length() > 60) {
            return false;
        }
        if (KNOWN.size() > 50_000) {
            // Words remembered only to save time: never let them grow without bound.
            KNOWN.clear();
        }
        return KNOWN.computeIfAbsent(lower, EnglishWords::spell);
    }

    /**
     * Whether the word is in the dictionary only with a capital: a name of a person or a place
     * ("jane", "northbridge" are not; "London", "Jane" are), read in any case.
     */
    static boolean properNoun(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("'s$", "");
        if (lower.length() < 2 || lower.length() > 60 || ordinary(lower)) {
            return false;
        }
        String capital = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        if (KNOWN.size() > 50_000) {
            KNOWN.clear();
        }
        return KNOWN.computeIfAbsent(capital, EnglishWords::spell);
    }

    private static boolean spell(String lower) {
        // Lucene's Hunspell keeps per-call state: one word at a time.
        synchronized (HUNSPELL) {
            return HUNSPELL.spell(lower);
        }
    }

    private static Hunspell load() {
        try (InputStream affix = EnglishWords.class.getResourceAsStream("/reports/dictionary/en_GB.aff");
             InputStream words = EnglishWords.class.getResourceAsStream("/reports/dictionary/en_GB.dic")) {
            return new Hunspell(new Dictionary(new ByteBuffersDirectory(), "en_GB", affix, List.of(words), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("The shipped English dictionary cannot be read", e);
        }
    }
}
