package uk.chorus.responses;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "I don't understand this question": a tick beside each question when the survey offers reading
 * levels. It is kept on the draft, beside the answers, as "key:level" entries under a name no
 * question key can have (keys start with a letter), so a required question ticked as not
 * understood may be left blank; it is counted per question and reading level once the response
 * is sent, so leads see which wording failed.
 */
final class Unclear {
    static final String ANSWERS_KEY = "~unclear";
    static final String FIELD_SUFFIX = "-unclear";
    static final String LEVEL_FIELD = "reading-level";

    private Unclear() {
    }

    /** The "key:level" entries kept on a draft. */
    static List<String> entries(Map<String, Object> values) {
        List<String> entries = new ArrayList<>();
        if (values.get(ANSWERS_KEY) instanceof Collection<?> kept) {
            kept.forEach(entry -> entries.add(String.valueOf(entry)));
        }
        return entries;
    }

    static Set<String> keys(Map<String, Object> values) {
        Set<String> keys = new LinkedHashSet<>();
        for (String entry : entries(values)) {
            keys.add(entry.substring(0, Math.max(0, entry.indexOf(':'))));
        }
        return keys;
    }

    static boolean ticked(Map<String, List<String>> form, String questionKey) {
        return form.getOrDefault(questionKey + FIELD_SUFFIX, List.of()).contains("yes");
    }

    /** The reading level a page was answered at, from the page's own hidden field. */
    static String level(Map<String, List<String>> form) {
        List<String> posted = form.getOrDefault(LEVEL_FIELD, List.of());
        return posted.isEmpty() ? "standard" : Reading.Level.of(posted.get(0)).map(Reading.Level::code).orElse("standard");
    }
}
