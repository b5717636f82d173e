package uk.chorus.reports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a quote is its source's own words: the comment's text with words cut (where "…",
 * "..." or "[...]" stands) and words replaced by what kind they were ("[name]", "[school]",
 * "[redacted]"), and nothing else: no word added, changed or moved. Words are compared in any
 * case, and spaces and punctuation between them are not compared, so tidying a comma is allowed
 * and changing "did not" to "did" is not; a cut anywhere, the start and end included, must be
 * marked. A lead can shorten or redact a family's words, never write them.
 */
final class QuoteSource {
    /** A cut: "…", "...", ". . .", "[...]", "[…]", "(...)". */
    private static final String CUT = "\\[\\s*(?:…|(?:\\.\\s*){3,12})\\s*]|\\(\\s*(?:…|(?:\\.\\s*){3,12})\\s*\\)|…|(?:\\.\\s*){2}\\.";
    private static final Pattern MARKER = Pattern.compile("(?i)(" + CUT + ")|\\[\\s*(" + redactions() + ")\\s*]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private QuoteSource() {
    }

    /**
     * @param words the quote's words that are nowhere in its source (empty when every word is
     *              there, but cut without a mark, moved or repeated)
     */
    record Verdict(boolean faithful, List<String> words) {
    }

    private enum Step { WORDS, CUT, REDACTION }

    private record Piece(Step step, List<String> words) {
    }

    static Verdict check(String source, String quote) {
        List<String> said = words(source);
        List<Piece> pieces = pieces(quote);
        // Which positions in the source's words the quote so far can have reached.
        BitSet reach = new BitSet(said.size() + 1);
        reach.set(0);
        for (Piece piece : pieces) {
            BitSet next = new BitSet(said.size() + 1);
            int first = reach.nextSetBit(0);
            if (first < 0) {
                break;
            }
            switch (piece.step()) {
                case CUT -> next.set(first, said.size() + 1);
                case REDACTION -> {
                    if (first + 1 <= said.size()) {
                        next.set(first + 1, said.size() + 1);
                    }
                }
                case WORDS -> {
                    int length = piece.words().size();
                    for (int at = first; at >= 0 && at + length <= said.size(); at = reach.nextSetBit(at + 1)) {
                        if (said.subList(at, at + length).equals(piece.words())) {
                            next.set(at + length);
                        }
                    }
                }
            }
            reach = next;
        }
        if (reach.get(said.size())) {
            return new Verdict(true, List.of());
        }
        Set<String> known = Set.copyOf(said);
        Set<String> strange = new LinkedHashSet<>();
        pieces.stream().filter(p -> p.step() == Step.WORDS).flatMap(p -> p.words().stream())
                .filter(w -> !known.contains(w)).forEach(strange::add);
        return new Verdict(false, List.copyOf(strange));
    }

    private static List<Piece> pieces(String quote) {
        List<Piece> pieces = new ArrayList<>();
        Matcher marker = MARKER.matcher(QuoteText.visible(quote));
        String visible = QuoteText.visible(quote);
        int at = 0;
        while (marker.find()) {
            List<String> before = words(visible.substring(at, marker.start()));
            if (!before.isEmpty()) {
                pieces.add(new Piece(Step.WORDS, before));
            }
            pieces.add(new Piece(marker.group(1) != null ? Step.CUT : Step.REDACTION, List.of()));
            at = marker.end();
        }
        List<String> rest = words(visible.substring(at));
        if (!rest.isEmpty()) {
            pieces.add(new Piece(Step.WORDS, rest));
        }
        return pieces;
    }

    /** Words as compared: compatibility forms folded, invisible characters gone, in lower case. */
    private static List<String> words(String text) {
        String plain = Normalizer.normalize(QuoteText.visible(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(plain);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    /** "name|school|...|redacted": every kind the check redacts, and a lead's own "[redacted]". */
    private static String redactions() {
        List<String> labels = new ArrayList<>();
        for (QuoteChecker.Kind kind : QuoteChecker.Kind.values()) {
            String placeholder = kind.placeholder();
            labels.add(Pattern.quote(placeholder.substring(1, placeholder.length() - 1)));
        }
        labels.add("redacted");
        return String.join("|", labels);
    }
}
