package uk.chorus.reports;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

import java.util.ArrayList;
import java.util.List;

/**
 * A quote as the check reads it: Unicode compatibility forms folded (NFKC: a full-width "＠" is "@",
 * "𝐉𝐚𝐧𝐞" is "Jane"), accents and other combining marks taken off, letters of other scripts that
 * look like Latin ones read as those (ICU's confusable skeleton: Cyrillic "о" is "o", Greek "Α"
 * is "A"), digits of any script read as 0-9, and invisible characters (zero-width spaces and
 * joiners, soft hyphens, direction marks) dropped. Case is kept, for the checks that read
 * capitals. Every character read remembers which characters of the original it came from, so
 * what is found is reported, and redacted, in the words as written.
 */
final class QuoteText {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    private final String original;
    private final String text;
    private final int[] from;
    private final int[] to;

    private QuoteText(String original, String text, int[] from, int[] to) {
        this.original = original;
        this.text = text;
        this.from = from;
        this.to = to;
    }

    static QuoteText of(String original) {
        StringBuilder text = new StringBuilder(original.length());
        int[] from = new int[original.length() * 2 + 8];
        int[] to = new int[from.length];
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String read = ignorable(cp) ? "" : fold(cp);
            for (int k = 0; k < read.length(); k++) {
                if (text.length() == from.length) {
                    from = java.util.Arrays.copyOf(from, from.length * 2);
                    to = java.util.Arrays.copyOf(to, to.length * 2);
                }
                from[text.length()] = i;
                to[text.length()] = next;
                text.append(read.charAt(k));
            }
            i = next;
        }
        return new QuoteText(original, text.toString(), from, to);
    }

    /** The text as the check reads it. */
    String text() {
        return text;
    }

    String original() {
        return original;
    }

    /** Where in the original the read span {@code [start, end)} came from. */
    int[] originalSpan(int start, int end) {
        int s = start < text.length() ? from[start] : original.length();
        int e = end > 0 ? to[Math.min(end, text.length()) - 1] : s;
        return new int[]{s, Math.max(s, e)};
    }

    /** The original with the invisible characters taken out, and nothing else changed. */
    static String visible(String original) {
        StringBuilder kept = new StringBuilder(original.length());
        original.codePoints().filter(cp -> !ignorable(cp)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * Characters that show nothing: format characters (zero-width space, joiners, direction marks,
     * soft hyphen, word joiner, byte-order mark), variation selectors and the rest of Unicode's
     * default-ignorable code points.
     */
    static boolean ignorable(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    /** One character as the check reads it: usually itself, sometimes nothing or a few letters. */
    private static String fold(int cp) {
        if (cp < 0x80) {
            return String.valueOf((char) cp);
        }
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            return Integer.toString(Character.digit(cp, 10));
        }
        String compatible = withoutMarks(NFKC.normalize(new String(Character.toChars(cp))));
        StringBuilder read = new StringBuilder();
        compatible.codePoints().forEach(c -> {
            if (c >= 0x80 && Character.isLetterOrDigit(c)) {
                read.append(lookalike(c));
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                read.append(c == 0x2028 || c == 0x2029 ? '\n' : ' ');
            } else {
                read.appendCodePoint(c);
            }
        });
        return read.toString();
    }

    /** The Latin letters a letter of another script is made to look like, or the letter itself. */
    private static String lookalike(int cp) {
        String letter = new String(Character.toChars(cp));
        String skeleton = withoutMarks(NFKC.normalize(SPOOF.getSkeleton(letter)));
        boolean latin = !skeleton.isEmpty() && skeleton.length() <= 2
                && skeleton.chars().allMatch(c -> c < 0x80 && Character.isLetterOrDigit(c));
        if (!latin) {
            return letter;
        }
        // The skeleton has no case ("А" and "а" both give "a"): keep the letter's own.
        return Character.isUpperCase(cp) ? skeleton.toUpperCase(java.util.Locale.ROOT)
                : Character.isLowerCase(cp) ? skeleton.toLowerCase(java.util.Locale.ROOT) : skeleton;
    }

    private static String withoutMarks(String text) {
        String decomposed = NFD.normalize(text);
        StringBuilder kept = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK
                && Character.getType(c) != Character.ENCLOSING_MARK && !ignorable(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * Words of the original that mix Latin letters with letters of another script ("Kowalczyk" with
     * a Cyrillic "о"), or that are written wholly in another script's letters that look Latin
     * ("Јасk"), or Latin words with an invisible character inside ("kowal\u200bczyk"): nobody writes
 * a word that way except to get it past a check. Each is {start, end}.
     */
    static List<int[]> disguisedWords(String original) {
        List<int[]> disguised = new ArrayList<>();
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean latin = false;
            boolean other = false;
            boolean allLookalike = true;
            boolean hidden = false;
            boolean pending = false;
            while (i < original.length()) {
                cp = original.codePointAt(i);
                if (!Character.isLetter(cp) && !ignorable(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
                    break;
                }
                if (ignorable(cp)) {
                    pending = true;
                } else if (Character.isLetter(cp) && pending) {
                    // An invisible character between two letters ("Kowal\u200bczyk") only hides a word.
                    hidden = true;
                }
                if (Character.isLetter(cp)) {
                    int script = UScript.getScript(cp);
                    String one = new String(Character.toChars(cp));
                    if (!NFKC.normalize(one).equals(Normalizer2.getNFCInstance().normalize(one))) {
                        // Full-width or mathematical letters ("ｋｏｗａｌｃｚｙｋ", "𝐉𝐚𝐧𝐞"): Latin, dressed up.
                        other = true;
                    } else if (script == UScript.LATIN && cp > 0x24F && !withoutMarks(one).chars().allMatch(c -> c < 0x80)
                            && fold(cp).chars().allMatch(c -> c < 0x80)) {
                        // Small capitals and phonetic letters ("ᴋᴏᴡᴀʟᴄᴢʏᴋ"): Latin in name only, like
                        // full-width; accented letters ("é", "ł") are ordinary Latin and pass.
                        other = true;
                    } else if (script == UScript.LATIN) {
                        latin = true;
                    } else if (script != UScript.COMMON && script != UScript.INHERITED) {
                        other = true;
                        allLookalike &= fold(cp).chars().allMatch(c -> c < 0x80);
                    }
                }
                i += Character.charCount(cp);
            }
            if (other && (latin || allLookalike) || hidden && latin && !other) {
                disguised.add(new int[]{start, i});
            }
        }
        return disguised;
    }
}
