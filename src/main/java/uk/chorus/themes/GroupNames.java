package uk.chorus.themes;

import org.apache.lucene.analysis.CharArraySet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names for emerging groups: the phrase most of a group's comments share and few others use,
 * never a word that says nothing on its own ("waiting", "months", "someone") and never a fragment
 * across a full stop or comma ("wait you're").
 */
final class GroupNames {
    private static final int LONGEST_PHRASE = 4;
    private static final Pattern CLAUSES = Pattern.compile("[.!?;:,()\\n\"]+");
    private static final Pattern WORDS = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    /**
     * Words too general to name a topic, however often they are said. "School" and "home" are not
     * among them: "school transport" and "home education" are topics.
     */
    static final CharArraySet GENERIC = new CharArraySet(List.of("waiting", "wait", "waited", "waits", "months",
            "month", "weeks", "week", "years", "year", "days", "day", "someone", "something", "anyone", "anything",
            "everyone", "everything", "nothing", "people", "person", "child", "children", "son", "daughter", "kids",
            "help", "support", "need", "needs", "needed", "want", "wanted", "feel", "felt", "said", "told", "tell",
            "take", "took", "taken", "way", "ways", "good", "bad", "better", "worse", "great", "long", "still",
            "never", "always", "again", "back", "now", "then", "new", "old", "well", "sure", "think", "thought",
            "really", "quite", "bit", "little", "big", "best", "worst", "life", "family", "families", "parent",
            "parents", "mum", "dad", "service", "services", "since", "ago", "today", "yet",
            "each", "lot", "lots", "things", "thing", "stuff", "kind", "sort", "place", "part", "keep", "keeps",
            "every", "first", "last", "next", "far", "too", "able", "unable"), true);

    private GroupNames() {
    }

    /**
     * The phrases that best say what a group is about, best first: shared by at least two of its
     * voices (or said by its one campaign), within one clause (never across a full stop), neither starting nor ending on a
     * little or general word, scored by how many of the group say them against how many others do.
     */
    static List<String> phrases(List<EmergingThemes.Voice> cluster, List<EmergingThemes.Voice> everyone,
                                java.util.function.ToDoubleFunction<String> specificity) {
        Map<String, Integer> inGroup = new HashMap<>();
        for (EmergingThemes.Voice voice : cluster) {
            candidates(voice.comments().get(0).text()).forEach(p -> inGroup.merge(p, 1, Integer::sum));
        }
        Set<EmergingThemes.Voice> members = new HashSet<>(cluster);
        Map<String, Integer> outside = new HashMap<>();
        for (EmergingThemes.Voice voice : everyone) {
            if (!members.contains(voice)) {
                for (String phrase : candidates(voice.comments().get(0).text())) {
                    if (inGroup.containsKey(phrase)) {
                        outside.merge(phrase, 1, Integer::sum);
                    }
                }
            }
        }
        double all = everyone.size() + 1.0;
        record Scored(String phrase, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        // Shared by two voices at least; a group of one campaign is named by its own words.
        int shared = cluster.size() == 1 ? 1 : 2;
        inGroup.forEach((phrase, count) -> {
            if (count >= shared) {
                String[] words = phrase.split(" ");
                double rarity = Math.log(all / (count + outside.getOrDefault(phrase, 0)));
                // Two or three words name a topic best; little words inside ("and nothing") weaken a phrase.
                double shape = words.length == 1 ? 0.9 : words.length == 2 ? 1.2 : words.length == 3 ? 1.1 : 1.0;
                double meaning = 0;
                for (String word : words) {
                    if (TextAnalysis.STOP_WORDS.contains(word) || GENERIC.contains(word)) {
                        shape *= 0.8;
                    } else {
                        meaning += specificity.applyAsDouble(word);
                    }
                }
                scored.add(new Scored(phrase, count * (1 + rarity) * shape * (1 + meaning / words.length)));
            }
        });
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Comparator.comparingInt((Scored c) -> c.phrase().length()).reversed())
                .thenComparing(Scored::phrase));
        List<String> best = new ArrayList<>();
        for (Scored candidate : scored) {
            // A phrase inside one already chosen ("transport" in "school transport") adds nothing.
            if (best.stream().noneMatch(b -> (" " + b + " ").contains(" " + candidate.phrase() + " ")
                    || (" " + candidate.phrase() + " ").contains(" " + b + " "))) {
                best.add(candidate.phrase());
            }
            if (best.size() == 3) {
                break;
            }
        }
        return best;
    }

    /** Each phrase of one to four words a comment holds, once. */
    static Set<String> candidates(String text) {
        Set<String> found = new HashSet<>();
        for (String clause : CLAUSES.split(text.toLowerCase(Locale.UK))) {
            List<String> words = new ArrayList<>();
            var matcher = WORDS.matcher(clause);
            while (matcher.find()) {
                words.add(matcher.group().replace('’', '\''));
            }
            for (int start = 0; start < words.size(); start++) {
                for (int length = 1; length <= LONGEST_PHRASE && start + length <= words.size(); length++) {
                    List<String> phrase = words.subList(start, start + length);
                    if (namesSomething(phrase)) {
                        found.add(String.join(" ", phrase));
                    }
                }
            }
        }
        return found;
    }

    /** First and last words carry meaning (not "the", "waiting", "you're"); a single word is long enough to say something. */
    private static boolean namesSomething(List<String> phrase) {
        String first = phrase.get(0);
        String last = phrase.get(phrase.size() - 1);
        for (String end : List.of(first, last)) {
            if (TextAnalysis.STOP_WORDS.contains(end) || GENERIC.contains(end) || end.contains("'") || end.length() < 3) {
                return false;
            }
        }
        return phrase.size() > 1 || first.length() >= 5;
    }

    /** The first few words of a comment, when no phrase is shared. */
    static String opening(String text) {
        String[] words = CLAUSES.split(text.strip(), 2)[0].strip().split("\\s+");
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(6, words.length)));
    }
}
