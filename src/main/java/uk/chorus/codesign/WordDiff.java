package uk.chorus.codesign;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two wordings side by side, word by word: what stayed, what went and what came in. Shown as a
 * before/after difference when a member proposes new words and when two versions are compared.
 */
final class WordDiff {
    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private WordDiff() {
    }

    /** One run of words: kept ("same"), taken out ("removed") or put in ("added"). */
    public record Segment(String text, String kind) {
        public boolean same() {
            return kind.equals("same");
        }

        public boolean removed() {
            return kind.equals("removed");
        }

        public boolean added() {
            return kind.equals("added");
        }
    }

    static List<Segment> between(String before, String after) {
        List<String> from = tokens(before == null ? "" : before);
        List<String> to = tokens(after == null ? "" : after);
        Patch<String> patch = DiffUtils.diff(from, to);
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int position = delta.getSource().getPosition();
            add(segments, String.join("", from.subList(at, position)), "same");
            add(segments, String.join("", delta.getSource().getLines()), "removed");
            add(segments, String.join("", delta.getTarget().getLines()), "added");
            at = position + delta.getSource().size();
        }
        add(segments, String.join("", from.subList(at, from.size())), "same");
        return segments;
    }

    static boolean differ(String before, String after) {
        return !java.util.Objects.equals(before, after);
    }

    private static void add(List<Segment> segments, String text, String kind) {
        if (!text.isEmpty()) {
            segments.add(new Segment(text, kind));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
